import { describe, expect, it } from "vitest";
import { SIMILARITY_TOP_SPEAKERS, type Statement } from "@viewpoints/artifacts";
import { computeMetrics } from "./compute";
import { documentLang } from "./inputs";
import { FIXTURE_ANALYSTS, fixtureContext, fixtureStatements } from "./testing/fixtures";

/** The fixture statements plus `extra` speakers, the i-th of them with i + 1 statements. */
function manySpeakers(extra: number): Statement[] {
  const base = fixtureStatements();
  const template = base[0]!;
  const more = Array.from({ length: extra }, (_, i) =>
    Array.from({ length: i + 1 }, (_, k) => ({ ...template, statement_id: `x${i}-${k}`, speaker_id: `speaker-${String(i).padStart(3, "0")}` })),
  ).flat();
  return [...base, ...more];
}

describe("metrics at scale", () => {
  it("keeps similarity pairs among the compared analysts and the most frequent speakers only", () => {
    const metrics = computeMetrics(manySpeakers(120), fixtureContext());
    const kept = FIXTURE_ANALYSTS.length + SIMILARITY_TOP_SPEAKERS;
    expect(metrics.speakers.length).toBeGreaterThan(kept);
    expect(metrics.similarity).toHaveLength((kept * (kept - 1)) / 2);
    const paired = new Set(metrics.similarity.flatMap((p) => [p.speaker_a, p.speaker_b]));
    for (const analyst of FIXTURE_ANALYSTS) expect(paired.has(analyst)).toBe(true);
    // The most frequent extra speaker is compared, the least frequent is not.
    expect(paired.has("speaker-119")).toBe(true);
    expect(paired.has("speaker-000")).toBe(false);
  });

  it("reads a normalized record's id and language without its text, and falls back on any other layout", () => {
    const where = { file: "normalized.jsonl", line: 1 };
    expect(documentLang('{"id":"a","file":"a.txt","hash":"h","meta":{"title":"x"},"lang":"sv","text":"Hej \\"text\\":\\"","paragraphs":[]}', where)).toEqual({ id: "a", lang: "sv" });
    expect(documentLang('{"lang":"en","text":"x","id":"b"}', where)).toEqual({ id: "b", lang: "en" });
    expect(() => documentLang('{"id":"c","lang":"xx","text":"x"}', where)).toThrow(/normalized\.jsonl:1/);
  });
});
