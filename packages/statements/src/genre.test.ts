import { describe, expect, it } from "vitest";
import { labelOf, readGenre } from "./genre";
import { classifyParagraphs } from "./layout";
import { buildDoc, type ParagraphSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";
import { tokenize } from "./tokens";

const rules = repoRules();
const sv = rules.get("sv")!;
const en = rules.get("en")!;

function genreOf(paragraphs: (string | ParagraphSpec)[], lang: "sv" | "en") {
  const doc = buildDoc(paragraphs, [], { lang });
  const roles = classifyParagraphs(doc, () => rules.get(lang));
  return readGenre(doc, roles, () => rules.get(lang));
}

describe("genre labels", () => {
  it("reads a label alone, before a separator, before a byline and after one", () => {
    expect(labelOf(tokenize("DEBATT"), sv)).toBe("commentary");
    expect(labelOf(tokenize("DEBATT | EU måste agera"), sv)).toBe("commentary");
    expect(labelOf(tokenize("Analys av Maja Lindroos"), sv)).toBe("commentary");
    expect(labelOf(tokenize("By Jane Okonkwo | Commentary"), en)).toBe("commentary");
    expect(labelOf(tokenize("INTERVJU"), sv)).toBe("news");
  });

  it("does not take a label word inside a headline for a label", () => {
    expect(labelOf(tokenize("Forskare: analys av krisen saknas"), sv)).toBeNull();
    expect(labelOf(tokenize("Analysis shows the alliance is weak"), en)).toBeNull();
  });
});

describe("genre evidence", () => {
  it("finds a dateline opening the first body paragraph", () => {
    expect(genreOf([{ text: "Troops leave", kind: "title" }, "ALMATY/MOSCOW, Jan 11 – The alliance said on Tuesday that its troops would leave."], "en").dateline).toBe(true);
    expect(genreOf([{ text: "Troops leave", kind: "title" }, "The alliance said on Tuesday that its troops would leave."], "en").dateline).toBe(false);
  });

  it("counts first-person words outside quotations only", () => {
    const quoted = genreOf(["“We will stay as long as we are needed,” the commander said."], "en");
    expect(quoted.firstPerson).toBe(0);
    expect(quoted.quoteShare).toBe(1);
    const argued = genreOf(["We should not pretend this was an internal matter."], "en");
    expect(argued.firstPerson).toBeGreaterThan(5);
    expect(argued.quoteShare).toBe(0);
  });

  it("counts Swedish dash quotes as paragraphs carrying others' words", () => {
    const g = genreOf(["Oron växer i staden.", "– Vi var rädda, säger en invånare."], "sv");
    expect(g.quoteShare).toBe(0.5);
    expect(g.firstPerson).toBe(0);
  });
});
