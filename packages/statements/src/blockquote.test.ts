import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();
const PERSONS: PersonSpec[] = [{ id: "karim-tulegen", name: "Karim Tulegen" }];

function rowsOf(paragraphs: string[], lang: "sv" | "en") {
  const doc = buildDoc(paragraphs, PERSONS, { lang });
  return attributeDocument(doc, rules).attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, text: doc.text.slice(a.start, a.end) }));
}

describe("block quotes credited below", () => {
  it("gives a quoted paragraph to the person on the dash credit line under it", () => {
    const rows = rowsOf(
      [
        "The intervention was short, but its political signal was unmistakable.",
        "“Moscow has shown that the alliance can move fast when a friendly regime is threatened.”",
        "— Sara Holt, Northern Institute",
      ],
      "en",
    );
    expect(rows).toEqual([{ who: "sara-holt", kind: "quote", text: "Moscow has shown that the alliance can move fast when a friendly regime is threatened." }]);
  });

  it("leaves a dash line that is a sentence, not a credit, alone", () => {
    const rows = rowsOf(["“The alliance will not be the same again,” said Karim Tulegen.", "– Det här är en mening som inte är någon kreditering alls."], "en");
    expect(rows.map((r) => r.who)).toEqual(["karim-tulegen"]);
  });
});

describe("reporting verbs from data", () => {
  it("reads 'rejected suggestions that' and 'has blamed' as reported speech of the subject", () => {
    const rows = rowsOf(
      [
        "Karim Tulegen rejected suggestions that the troops would stay in the country for years.",
        "Karim Tulegen has blamed foreign agents for the riots and said the army acted lawfully.",
      ],
      "en",
    );
    expect(rows.map((r) => `${r.who}/${r.kind}`)).toEqual(["karim-tulegen/reported", "karim-tulegen/reported"]);
  });
});
