import { Statement } from "@viewpoints/artifacts";
import { describe, expect, it } from "vitest";
import type { Coder } from "./coding";
import { extractStatements, speakerRole } from "./statements";
import { buildDoc } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();
const hedgingCoder: Coder = (text) => ({ frame: "risk", themes: text.includes("Moskva") ? ["russian-influence"] : [], hedged: text.includes("kan") });

const doc = buildDoc(
  [
    "Läget är spänt i huvudstaden.",
    "– Moskva kan komma att kräva motprestationer, säger Anna Lindqvist, forskare vid Försvarshögskolan.",
    "Per Holm menar att krisen är över.",
    "Lena Ahl tror att trupperna blir kvar.",
  ],
  [
    { id: "anna-lindqvist", name: "Anna Lindqvist" },
    { id: "per-holm", name: "Per Holm", role: "docent i statsvetenskap" },
    { id: "lena-ahl", name: "Lena Ahl" },
  ],
  { id: "d1" },
);

describe("extractStatements", () => {
  const registry = new Map([["lena-ahl", { id: "lena-ahl", name: "Lena Ahl", aliases: [], type: "person" as const, role: "analytiker vid UI", affiliation: null }]]);
  const rows = extractStatements(doc, { rules, coder: hedgingCoder, registry });

  it("writes valid statements whose text is exactly the slice at their offsets", () => {
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Statement.parse(row)).toEqual(row);
      expect(doc.text.slice(row.start, row.end)).toBe(row.text);
    }
  });

  it("codes each statement with the coder and keeps deterministic, unique ids", () => {
    expect(rows[0]).toMatchObject({ frame: "risk", themes: ["russian-influence"], hedged: true, kind: "quote", cue: "säger", lang: "sv" });
    const again = extractStatements(doc, { rules, coder: hedgingCoder, registry });
    expect(again.map((r) => r.statement_id)).toEqual(rows.map((r) => r.statement_id));
    expect(new Set(rows.map((r) => r.statement_id)).size).toBe(rows.length);
  });

  it("takes the role from the document's person, then the registry, then the text's apposition", () => {
    expect(rows.map((r) => [r.speaker_id, r.speaker_role])).toEqual([
      ["anna-lindqvist", "forskare vid Försvarshögskolan"],
      ["per-holm", "docent i statsvetenskap"],
      ["lena-ahl", "analytiker vid UI"],
    ]);
  });

  it("writes the role and affiliation as one readable phrase, the document's person before the registry", () => {
    expect(speakerRole({ role: "head", affiliation: "Caspian Policy Group" }, undefined)).toBe("head, Caspian Policy Group");
    expect(speakerRole({ role: "analytiker", affiliation: null }, "forskare")).toBe("analytiker");
    expect(speakerRole({ role: null, affiliation: "FOI" }, "forskare vid FOI")).toBe("forskare vid FOI");
    expect(speakerRole(undefined, undefined)).toBe("");
  });

  it("rates an explicit name next to a quote above a reported clause", () => {
    expect(rows[0]!.confidence).toBeGreaterThan(rows[1]!.confidence);
  });
});
