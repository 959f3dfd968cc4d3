import { NormalizedDocument } from "@viewpoints/artifacts";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "./normalize";
import { testContext, testDocument } from "./test-context";

const context = testContext([
  { id: "anna-berg", name: "Anna Berg", aliases: ["Berg"], role: "analytiker" },
  { id: "csto", name: "CSTO", aliases: ["ODKB"], type: "organisation" },
]);

const SWEDISH = [
  "Alliansen stannar kvar i landet",
  "Bild: Per Fotograf/TT",
  "Trupperna från alliansen CSTO började dra sig tillbaka på torsdagen, säger Anna Berg, analytiker vid Institutet för säkerhet.",
  "- Det återstår att se. De kom dit snabbt, men om de lämnar landet är svårt att svara på.",
  "Knyts närmare?",
  "Enligt Berg står regimen nu i tacksamhetsskuld till grannen och därmed har ledningen rättat in sig i ledet.",
  "Fakta: Alliansen",
  "Alliansen bildades 1992 och har sex medlemmar, bl.a. Armenien och Belarus.",
].join("\n");

function paragraphTexts(doc: NormalizedDocument): string[] {
  return doc.paragraphs.map((p) => doc.text.slice(p.start, p.end));
}

describe("normalizeDocument", () => {
  const { document, report } = normalizeDocument(testDocument(SWEDISH), context);

  it("produces a record that matches the NormalizedDocument schema", () => {
    expect(NormalizedDocument.safeParse(document).success).toBe(true);
  });

  it("removes the credit and keeps the article paragraphs in order", () => {
    expect(document.removed).toEqual([{ rule: "photo-credit", text: "Bild: Per Fotograf/TT" }]);
    expect(paragraphTexts(document)[0]).toBe("Alliansen stannar kvar i landet");
    expect(paragraphTexts(document)).toHaveLength(7);
  });

  it("classifies the headline, a question sub-heading and a fact-box title", () => {
    expect(document.paragraphs.map((p) => p.kind)).toEqual(["title", "body", "body", "heading", "body", "heading", "body"]);
  });

  it("marks the dash-quote paragraph after turning its hyphen into a dash", () => {
    expect(document.paragraphs.map((p) => p.dashQuote)).toEqual([false, false, true, false, false, false, false]);
    expect(paragraphTexts(document)[2]!.startsWith("– Det återstår")).toBe(true);
  });

  it("detects the document's language and leaves too-short paragraphs unknown", () => {
    expect(document.lang).toBe("sv");
    expect(document.paragraphs[1]!.lang).toBe("sv");
    expect(document.paragraphs[5]!.lang).toBe("unknown");
  });

  it("gives sentences as offsets inside their paragraph", () => {
    for (const s of document.sentences) {
      const p = document.paragraphs[s.paragraph]!;
      expect(s.start).toBeGreaterThanOrEqual(p.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
    }
    const dash = document.sentences.filter((s) => s.paragraph === 2).map((s) => document.text.slice(s.start, s.end));
    expect(dash).toEqual(["– Det återstår att se.", "De kom dit snabbt, men om de lämnar landet är svårt att svara på."]);
    const last = document.sentences.at(-1)!;
    expect(document.text.slice(last.start, last.end)).toBe("Alliansen bildades 1992 och har sex medlemmar, bl.a. Armenien och Belarus.");
  });

  it("finds the person with the role from the text and points mentions at the normalized text", () => {
    expect(document.persons).toEqual([{ id: "anna-berg", name: "Anna Berg", role: "analytiker", affiliation: "Institutet för säkerhet", registered: true }]);
    expect(document.mentions.map((m) => document.text.slice(m.start, m.end))).toEqual(["Anna Berg", "Berg"]);
  });

  it("reports counts, persons with mention counts and removals", () => {
    expect(report).toMatchObject({ lang: "sv", paragraphs: 7, headings: 2, sentences: 8, persons: [{ id: "anna-berg", mentions: 2, registered: true }] });
  });

  it("drops a repeated headline as a duplicate title", () => {
    const doc = normalizeDocument(testDocument("Stor rubrik om läget\n\nStor rubrik om läget\n\nDet här är brödtexten i artikeln."), context).document;
    expect(doc.removed).toEqual([{ rule: "duplicate-title", text: "Stor rubrik om läget" }]);
  });

  it("falls back to the declared language when the text is too short to tell", () => {
    const doc = normalizeDocument(testDocument("Kazakstan", { meta: { ...testDocument("x").meta, language: "sv" } }), context).document;
    expect(doc.lang).toBe("sv");
    expect(doc.paragraphs[0]!.lang).toBe("unknown");
  });
});

describe("normalizeDocument on arbitrary input", () => {
  const pieces = ["Anna", "Berg", "säger", "said", "von", "J.", "U.S.", "t.ex.", "Foto:", "image1.png", "^", "* * *", ".", "!", "?", "…", "\"", "”", "“", "»", "''", "-", "—", ",", "\n", "\n\n", "\t", "\u00a0", "\u200b", "2,5", "Mr."];

  it("keeps paragraphs, sentences and mentions inside the text, in order, matching the schema", () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let k = 0; k < 300; k++) {
      let text = "x";
      for (let i = next(80); i > 0; i--) text += pieces[next(pieces.length)]! + (next(3) ? " " : "");
      const { document } = normalizeDocument(testDocument(text), context);
      expect(NormalizedDocument.safeParse(document).success).toBe(true);
      let previous = 0;
      for (const s of document.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(previous);
        expect(s.end).toBeGreaterThan(s.start);
        previous = s.end;
      }
      expect(previous).toBeLessThanOrEqual(document.text.length);
      for (const m of document.mentions) expect(document.text.slice(m.start, m.end)).toBe(m.surface);
    }
  });
});
