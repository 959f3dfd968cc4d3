import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Metrics, RunManifest } from "@viewpoints/artifacts";
import { computeMetrics } from "./compute";
import { exportFileName, listTables, neutraliseFormula, renderTable, type ExportOptions } from "./export";
import { fixtureContext, fixtureStatements } from "./testing/fixtures";

const statements = fixtureStatements();
const metrics = computeMetrics(statements, fixtureContext());
const manifest: RunManifest = { run_id: metrics.run_id, created_at: "2022-01-01T00:00:00.000Z", package_version: "0.1.0", codebook_version: metrics.codebook_version, inputs: [] };
const en: ExportOptions = { lang: "en", bom: false, statements };

const num = z.coerce.number();
const int = z.coerce.number().int().nonnegative();
const bool = z.enum(["true", "false"]);
const list = z.string().transform((s) => (s === "" ? [] : s.split(";")));
const nullable = z.string();

/** What a spreadsheet user gets back from each CSV: the row schema every file must satisfy. */
const ROW_SCHEMAS: Record<string, z.ZodObject> = {
  speakers: z.strictObject({
    speaker_id: z.string().min(1), speaker_name: z.string().min(1), speaker_role: z.string(), compared: bool, statements: int, documents: int, words_quoted: int,
    share_risk: num, share_consequence: num, share_assessment: num, share_hedged: num, languages: list, sources: list, low_n: bool, statement_ids: list,
  }),
  speaker_theme: z.strictObject({ speaker_id: z.string(), speaker_name: z.string(), theme_id: z.string(), theme_label: z.string().min(1), count: int, share: num, low_n: bool, statement_ids: list }),
  speaker_frame: z.strictObject({ speaker_id: z.string(), speaker_name: z.string(), frame: z.enum(["risk", "consequence", "assessment"]), frame_label: z.string().min(1), count: int, share: num, low_n: bool, statement_ids: list }),
  similarity: z.strictObject({
    speaker_a: z.string(), speaker_a_name: z.string(), speaker_b: z.string(), speaker_b_name: z.string(), cosine: z.union([z.literal(""), num]),
    themes_both: list, themes_a_only: list, themes_b_only: list, themes_neither: list, low_n: bool,
  }),
  theme_agreement: z.strictObject({ theme_id: z.string(), theme_label: z.string(), verdict: z.enum(["agree", "differ", "neutral"]), analysts_addressing: int, analysts_total: int, share_spread: num, statement_ids: list }),
  sources: z.strictObject({ doc_id: z.string(), file: z.string(), outlet: nullable, title: nullable, published: nullable, lang: z.string(), statements: int, speakers: int, speaker_ids: list }),
  languages: z.strictObject({ lang: z.string(), documents: int, statements: int, speakers: int }),
  statements: z.strictObject({
    statement_id: z.string(), doc_id: z.string(), speaker_id: z.string(), speaker_name: z.string(), speaker_role: z.string(), kind: z.enum(["quote", "reported", "authored"]),
    frame: z.string(), frame_label: z.string(), themes: list, theme_labels: list, hedged: bool, confidence: num, cue: z.string(), lang: z.string(), start: int, end: int, text: z.string(),
  }),
};

function parse(csv: string) {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
}

const EXPECTED_ROWS: Record<string, (m: Metrics) => number> = {
  speakers: (m) => m.speakers.length,
  speaker_theme: (m) => m.speaker_theme.length,
  speaker_frame: (m) => m.speaker_frame.length,
  similarity: (m) => m.similarity.length,
  theme_agreement: (m) => m.theme_agreement.length,
  sources: (m) => m.sources.length,
  languages: (m) => m.languages.length,
  statements: () => statements.length,
};

describe("renderTable", () => {
  it("lists the eight tables, each with a row schema here", () => {
    expect(listTables().map((t) => t.name)).toEqual(["speakers", "speaker_theme", "speaker_frame", "similarity", "theme_agreement", "sources", "languages", "statements"]);
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual(listTables().map((t) => t.name).sort());
  });

  for (const table of listTables()) {
    it(`round-trips ${table.name} through papaparse and its row schema, header in listed column order`, () => {
      const parsed = parse(renderTable(table.name, metrics, manifest, en));
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(table.columns);
      expect(parsed.data).toHaveLength(EXPECTED_ROWS[table.name]!(metrics));
      for (const row of parsed.data) ROW_SCHEMAS[table.name]!.parse(row);
    });
  }

  it("writes the same figures it was given: counts, shares to 6 decimals, lists joined with ;", () => {
    const rows = parse(renderTable("speakers", metrics, manifest, en)).data;
    metrics.speakers.forEach((s, i) => {
      const row = ROW_SCHEMAS.speakers!.parse(rows[i]) as Record<string, unknown>;
      expect(row.statements).toBe(s.statements);
      expect(row.share_hedged as number).toBeCloseTo(s.share_hedged, 6);
      expect(row.statement_ids).toEqual(s.statement_ids);
      expect(row.compared).toBe(String(s.compared));
    });
  });

  it("labels themes and frames in Swedish with --lang sv while column headers stay ids", () => {
    const sv = parse(renderTable("speaker_theme", metrics, manifest, { ...en, lang: "sv" }));
    expect(sv.meta.fields).toContain("theme_label");
    expect(sv.data.find((r) => r.theme_id === "ferry-schedules")?.theme_label).toBe("Färjetider");
    const enRows = parse(renderTable("speaker_theme", metrics, manifest, en)).data;
    expect(enRows.find((r) => r.theme_id === "ferry-schedules")?.theme_label).toBe("Ferry schedules");
    const frames = parse(renderTable("statements", metrics, manifest, { ...en, lang: "sv" })).data;
    expect(frames.find((r) => r.frame === "consequence")?.frame_label).toBe("Följd");
  });

  it("falls back to ids as labels for metrics written without labels", () => {
    const { theme_labels: _t, frame_labels: _f, ...bare } = metrics;
    const rows = parse(renderTable("theme_agreement", bare, manifest, en)).data;
    expect(rows.every((r) => r.theme_label === r.theme_id)).toBe(true);
  });

  it("starts the file with a byte-order mark only when asked", () => {
    expect(renderTable("languages", metrics, manifest, { ...en, bom: true }).startsWith("\uFEFFlang,")).toBe(true);
    expect(renderTable("languages", metrics, manifest, en).startsWith("lang,")).toBe(true);
  });

  it("neutralises formula-like text in cells but keeps plain negative numbers", () => {
    const hostile = statements.slice(0, 4).map((s, i) => ({ ...s, text: ["=HYPERLINK(\"x\")", "-2+3", "@SUM(A1)", "-12.5"][i]!, cue: i === 0 ? "+cue" : s.cue }));
    const rows = parse(renderTable("statements", metrics, manifest, { ...en, statements: hostile })).data;
    expect(rows.map((r) => r.text)).toEqual(["'=HYPERLINK(\"x\")", "'-2+3", "'@SUM(A1)", "-12.5"]);
    expect(rows[0]?.cue).toBe("'+cue");
  });

  it("refuses an unknown table and a manifest from another run", () => {
    expect(() => renderTable("nope", metrics, manifest, en)).toThrow(/unknown table "nope"; tables: speakers/);
    expect(() => renderTable("speakers", metrics, { ...manifest, run_id: "other-run" }, en)).toThrow(/run-manifest\.json from run other-run.*pnpm metrics/);
  });

  it("asks for the statements when rendering the statements table without them", () => {
    expect(() => renderTable("statements", metrics, manifest, { lang: "en", bom: false })).toThrow(/needs the run's statements/);
  });

  it("renders a header row even when a table is empty", () => {
    const empty = computeMetrics([], fixtureContext({ analysts: ["only-one"], documents: [] }));
    expect(renderTable("similarity", empty, { ...manifest, run_id: empty.run_id }, en).trim()).toBe(listTables().find((t) => t.name === "similarity")!.columns.join(","));
  });
});

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+46 8 123", "'+46 8 123"],
    ["@user", "'@user"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-", "'-"],
    ["-1e5", "'-1e5"],
    ["-3", "-3"],
    ["-0.25", "-0.25"],
    ["plain text", "plain text"],
  ])("%j becomes %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
});

describe("exportFileName", () => {
  it("puts the run id in the file name", () => {
    expect(exportFileName("speakers", { run_id: "20220101T000000Z-abcdef" })).toBe("speakers.20220101T000000Z-abcdef.csv");
  });
});
