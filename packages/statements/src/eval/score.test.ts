import { describe, expect, it } from "vitest";
import type { GoldRow, PredictedRow } from "./gold";
import { prf, scoreRun, speakerResolver } from "./score";

const gold = (anchor: string, speaker: string, extra: Partial<GoldRow> = {}): GoldRow => ({
  doc_id: "d1",
  anchor,
  speaker,
  kind: "quote",
  frame: "risk",
  themes: ["escalation"],
  hedged: false,
  ...extra,
});
let nextId = 0;
const predicted = (text: string, speaker: string, extra: Partial<PredictedRow> = {}): PredictedRow => ({
  statement_id: `s${nextId++}`,
  doc_id: "d1",
  speaker_id: "",
  speaker_name: speaker,
  kind: "quote",
  frame: "risk",
  themes: ["escalation"],
  hedged: false,
  lang: "sv",
  text,
  ...extra,
});

describe("scoreRun", () => {
  it("counts right-speaker matches, wrong speakers, unmatched statements and misses", () => {
    const goldRows = [
      gold("trupperna blir kvar länge", "Jakob Hedenskog"),
      gold("alliansen har aldrig använts", "Jakob Hedenskog"),
      gold("Ryssland står starkare nu", "Gudrun Persson"),
      gold("en helt annan mening", "Johan Engvall"),
    ];
    const predictions = [
      predicted("– Jag tror att trupperna  blir kvar länge.", "Jakob Hedenskog"),
      predicted("Alliansen har aldrig använts så här.", "Jakob Hedenskog"),
      predicted("Ryssland står starkare nu, säger hon.", "Johan Engvall"),
      predicted("Bakgrund om vädret i Almaty.", "Johan Engvall"),
    ];
    const scores = scoreRun(goldRows, predictions);
    // TP 2 (first two), FP 2 (wrong speaker + no anchor), FN 2 (wrong speaker + not found).
    expect(scores.attribution).toEqual({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(scores.misses.map((m) => m.reason)).toEqual(["attributed to Johan Engvall", "no statement contains the anchor"]);
    expect(scores.falsePositives.map((f) => f.reason)).toEqual(["gold gives this text to another speaker", "contains no gold anchor"]);
  });

  it("matches each author of a co-authored sentence separately", () => {
    const goldRows = [gold("analysen visar detta", "Jakob Hedenskog", { kind: "authored" }), gold("analysen visar detta", "Hugo von Essen", { kind: "authored" })];
    const predictions = [predicted("Analysen visar detta tydligt.", "Jakob Hedenskog", { kind: "authored" })];
    const scores = scoreRun(goldRows, predictions);
    expect(scores.attribution).toEqual(prf(1, 0, 1));
    expect(scores.attribution.f1).toBeCloseTo(2 / 3, 10);
    expect(scores.byKind.authored).toEqual(prf(1, 0, 1));
  });

  it("splits attribution by the document's language and by kind", () => {
    const goldRows = [gold("first anchor text", "A Person", { kind: "reported" }), gold("andra ankaret här", "B Person", { doc_id: "d2" })];
    const predictions = [
      predicted("The first anchor text, A said.", "A Person", { lang: "en", kind: "reported" }),
      predicted("Something else entirely here", "A Person", { lang: "en", kind: "quote" }),
      predicted("Ingen träff alls", "B Person", { doc_id: "d2", lang: "sv" }),
    ];
    const scores = scoreRun(goldRows, predictions);
    expect(scores.byLang.en).toEqual(prf(1, 1, 0));
    expect(scores.byLang.sv).toEqual(prf(0, 1, 1));
    expect(scores.byKind.reported).toEqual(prf(1, 0, 0));
    expect(scores.byKind.quote).toEqual(prf(0, 2, 1));
    expect(scores.uncoveredDocs).toEqual([]);
  });

  it("compares themes, frame, hedge and kind only over matched statements", () => {
    const goldRows = [
      gold("alpha statement", "A Person", { themes: ["escalation", "russian-influence"], frame: "risk", hedged: true }),
      gold("beta statement", "A Person", { themes: [], frame: "assessment", hedged: false }),
      gold("gamma statement", "A Person", { themes: ["csto-precedent"] }),
    ];
    const predictions = [
      predicted("alpha statement", "A Person", { themes: ["escalation", "ukraine-two-fronts"], frame: "risk", hedged: false }),
      predicted("beta statement", "A Person", { themes: [], frame: "consequence", hedged: false, kind: "reported" }),
    ];
    const scores = scoreRun(goldRows, predictions);
    expect(scores.matched).toBe(2);
    expect(scores.themes).toEqual({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(scores.frameAccuracy).toBe(0.5);
    expect(scores.hedgedAccuracy).toBe(0.5);
    expect(scores.kindAccuracy).toBe(0.5);
    expect(scores.codingDifferences.map((d) => d.fields)).toEqual([["themes", "hedged"], ["frame", "kind"]]);
  });

  it("matches anchors across quote styles, dashes and line breaks", () => {
    const goldRows = [gold('vi tolererar inga "färgrevolutioner" - sa', "Gudrun Persson")];
    const predictions = [predicted("Vi tolererar inga\n”färgrevolutioner” – sa hon", "Gudrun Persson")];
    expect(scoreRun(goldRows, predictions).attribution.tp).toBe(1);
  });

  it("matches speaker spellings through the registry, ids and bare surnames", () => {
    const resolve = speakerResolver([
      { id: "kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev", aliases: ["Kasym-Zjomart Tokajev"], type: "person", role: null, affiliation: null },
    ]);
    const goldRows = [gold("terrorist threat claim", "Kasym-Zjomart Tokajev"), gold("second anchor here", "Jakob Hedenskog"), gold("third anchor here", "Gudrun Persson")];
    const predictions = [
      predicted("a terrorist threat claim", "Tokayev", { speaker_id: "kassym-jomart-tokayev" }),
      predicted("the second anchor here", "", { speaker_id: "jakob-hedenskog" }),
      predicted("the third anchor here", "Persson"),
    ];
    expect(scoreRun(goldRows, predictions, resolve).attribution.tp).toBe(3);
  });

  it("counts statements of documents without gold rows as false positives and names those documents", () => {
    const scores = scoreRun([gold("trupperna blir kvar", "A Person")], [predicted("trupperna blir kvar", "A Person"), predicted("Något annat", "B Person", { doc_id: "d9" })]);
    expect(scores.attribution).toEqual(prf(1, 1, 0));
    expect(scores.uncoveredDocs).toEqual(["d9"]);
  });

  it("gives zero scores, not NaN, when there is nothing to score", () => {
    expect(scoreRun([], []).attribution).toEqual({ tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
});
