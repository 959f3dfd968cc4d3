import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { LOW_N_THRESHOLD, Metrics, STATEMENT_COLUMNS, type Statement } from "@viewpoints/artifacts";
import { toCsv } from "@viewpoints/artifacts/csv";
import { MetricsAccumulator, computeMetrics } from "./compute";
import { FIXTURE_ANALYSTS, FIXTURE_CODEBOOK, FIXTURE_DOCUMENTS, fixtureContext, fixtureStatements } from "./testing/fixtures";

type CsvRow = Record<(typeof STATEMENT_COLUMNS)[number], string>;

const statements = fixtureStatements();
// The independent side of the comparison reads the statements back from CSV text, as a user would.
const csvRows = Papa.parse<CsvRow>(toCsv(statements, STATEMENT_COLUMNS), { header: true, skipEmptyLines: true }).data;
const metrics = computeMetrics(statements, fixtureContext());
const themeIds = FIXTURE_CODEBOOK.themes.map((t) => t.id);

const themesOf = (r: CsvRow) => (r.themes === "" ? [] : r.themes.split(";"));
const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const uniqueSorted = (values: string[]) => [...new Set(values)].sort();
const rowsOf = (speaker: string) => csvRows.filter((r) => r.speaker_id === speaker);

describe("computeMetrics against an independent recount from statements.csv", () => {
  it("produces a metrics record that passes the shared schema", () => {
    expect(() => Metrics.parse(metrics)).not.toThrow();
  });

  it("counts statements, documents, quoted words, frame and hedging shares per speaker", () => {
    const speakers = uniqueSorted(csvRows.map((r) => r.speaker_id));
    expect(speakers.length).toBeGreaterThan(5);
    for (const id of speakers) {
      const rows = rowsOf(id);
      const row = metrics.speakers.find((s) => s.speaker_id === id)!;
      expect(row.statements).toBe(rows.length);
      expect(row.documents).toBe(new Set(rows.map((r) => r.doc_id)).size);
      expect(row.words_quoted).toBe(rows.filter((r) => r.kind === "quote").reduce((n, r) => n + wordsIn(r.text), 0));
      expect(row.share_risk).toBeCloseTo(rows.filter((r) => r.frame === "risk").length / rows.length, 12);
      expect(row.share_consequence).toBeCloseTo(rows.filter((r) => r.frame === "consequence").length / rows.length, 12);
      expect(row.share_assessment).toBeCloseTo(rows.filter((r) => r.frame === "assessment").length / rows.length, 12);
      expect(row.share_hedged).toBeCloseTo(rows.filter((r) => r.hedged === "true").length / rows.length, 12);
      expect(row.languages).toEqual(uniqueSorted(rows.map((r) => r.lang)));
      expect(row.sources).toEqual(uniqueSorted(rows.map((r) => r.doc_id)));
      expect(new Set(row.statement_ids)).toEqual(new Set(rows.map((r) => r.statement_id)));
    }
  });

  it("fills the speaker x theme matrix with counts, row shares and the statements behind each cell", () => {
    for (const cell of metrics.speaker_theme) {
      const rows = rowsOf(cell.speaker_id);
      const withTheme = rows.filter((r) => themesOf(r).includes(cell.theme_id));
      expect(cell.count).toBe(withTheme.length);
      expect(cell.share).toBeCloseTo(rows.length === 0 ? 0 : withTheme.length / rows.length, 12);
      expect(new Set(cell.statement_ids)).toEqual(new Set(withTheme.map((r) => r.statement_id)));
    }
    expect(metrics.speaker_theme).toHaveLength(metrics.speakers.length * themeIds.length);
  });

  it("fills the speaker x frame matrix", () => {
    for (const cell of metrics.speaker_frame) {
      const withFrame = rowsOf(cell.speaker_id).filter((r) => r.frame === cell.frame);
      expect(cell.count).toBe(withFrame.length);
      expect(new Set(cell.statement_ids)).toEqual(new Set(withFrame.map((r) => r.statement_id)));
    }
  });

  it("computes the cosine of theme-count vectors for every pair of speakers", () => {
    const vector = (id: string) => themeIds.map((t) => rowsOf(id).filter((r) => themesOf(r).includes(t)).length);
    const n = metrics.speakers.length;
    expect(metrics.similarity).toHaveLength((n * (n - 1)) / 2);
    for (const pair of metrics.similarity) {
      const a = vector(pair.speaker_a);
      const b = vector(pair.speaker_b);
      const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
      const norms = Math.hypot(...a) * Math.hypot(...b);
      if (norms === 0) expect(pair.cosine).toBeNull();
      else expect(pair.cosine).toBeCloseTo(dot / norms, 12);
      expect(pair.themes_both).toEqual(themeIds.filter((_, i) => a[i]! > 0 && b[i]! > 0));
      expect(pair.themes_neither).toEqual(themeIds.filter((_, i) => a[i] === 0 && b[i] === 0));
    }
  });

  it("counts, for each theme, the compared analysts with statements and those addressing it", () => {
    const speaking = FIXTURE_ANALYSTS.filter((a) => rowsOf(a).length > 0);
    for (const row of metrics.theme_agreement) {
      expect(row.analysts_total).toBe(speaking.length);
      expect(row.analysts_addressing).toBe(speaking.filter((a) => rowsOf(a).some((r) => themesOf(r).includes(row.theme_id))).length);
      const behind = csvRows.filter((r) => FIXTURE_ANALYSTS.includes(r.speaker_id) && themesOf(r).includes(row.theme_id));
      expect(new Set(row.statement_ids)).toEqual(new Set(behind.map((r) => r.statement_id)));
    }
  });

  it("counts statements and speakers per source and per language", () => {
    for (const source of metrics.sources) {
      const rows = csvRows.filter((r) => r.doc_id === source.doc_id);
      expect(source.statements).toBe(rows.length);
      expect(source.speaker_ids).toEqual(uniqueSorted(rows.map((r) => r.speaker_id)));
    }
    for (const lang of metrics.languages) {
      const rows = csvRows.filter((r) => r.lang === lang.lang);
      expect(lang.statements).toBe(rows.length);
      expect(lang.speakers).toBe(new Set(rows.map((r) => r.speaker_id)).size);
      expect(lang.documents).toBe(metrics.sources.filter((s) => s.lang === lang.lang).length);
    }
  });
});

describe("speakers", () => {
  it("gives each of the five compared analysts a row, in the listed order, even one with no statements", () => {
    expect(metrics.speakers.slice(0, 5).map((s) => [s.speaker_id, s.compared])).toEqual(FIXTURE_ANALYSTS.map((id) => [id, true]));
    const silent = metrics.speakers.find((s) => s.speaker_id === "eve-silent")!;
    expect(silent).toMatchObject({ statements: 0, share_risk: 0, share_hedged: 0, low_n: true, speaker_name: "Eve Silent", speaker_role: "invented researcher" });
  });

  it("keeps every other speaker found, with the role most often given in the text", () => {
    const others = metrics.speakers.filter((s) => !s.compared);
    expect(others.map((s) => s.speaker_id).sort()).toEqual(["expert-two", "minister-three", "official-one"]);
    expect(others.find((s) => s.speaker_id === "official-one")?.speaker_role).toBe("spokesperson");
    expect(others.find((s) => s.speaker_id === "expert-two")?.speaker_role).toBe("analyst");
    // Most statements first.
    expect(others.map((s) => s.statements)).toEqual([...others.map((s) => s.statements)].sort((a, b) => b - a));
  });

  it("picks the most frequent non-empty role, and on a tie the longer, more informative one", () => {
    const roleAfter = (roles: string[]) => {
      const acc = new MetricsAccumulator(fixtureContext());
      const base = fixtureStatements(1)[0]!;
      roles.forEach((role, i) => acc.add({ ...base, statement_id: `r${i}`, speaker_id: "ada-fictive", speaker_role: role }));
      return acc.result(fixtureContext()).speakers.find((s) => s.speaker_id === "ada-fictive")?.speaker_role;
    };
    expect(roleAfter(["analytiker", "", "analytiker, Utrikespolitiska institutet"])).toBe("analytiker, Utrikespolitiska institutet");
    expect(roleAfter(["analytiker, UI", "forskare", "forskare", ""])).toBe("forskare");
  });

  it("flags figures resting on fewer statements than the threshold as low_n", () => {
    const sparse = metrics.speakers.find((s) => s.speaker_id === "dan-sparse")!;
    expect(sparse.statements).toBeGreaterThan(0);
    expect(sparse.statements).toBeLessThan(LOW_N_THRESHOLD);
    expect(sparse.low_n).toBe(true);
    expect(metrics.speaker_theme.filter((c) => c.speaker_id === "dan-sparse").every((c) => c.low_n)).toBe(true);
    expect(metrics.speakers.find((s) => s.speaker_id === "ada-fictive")?.low_n).toBe(false);
    expect(metrics.similarity.find((p) => p.speaker_a === "ada-fictive" && p.speaker_b === "dan-sparse")?.low_n).toBe(true);
    expect(metrics.similarity.find((p) => p.speaker_a === "ada-fictive" && p.speaker_b === "bo-imaginary")?.low_n).toBe(false);
  });

  it("honours a custom low_n threshold", () => {
    const strict = computeMetrics(statements, fixtureContext({ lowNThreshold: 1000 }));
    expect(strict.low_n_threshold).toBe(1000);
    expect(strict.speakers.every((s) => s.low_n)).toBe(true);
  });
});

describe("sources and languages", () => {
  it("lists every document, also those without statements, with outlet, title and date", () => {
    expect(metrics.sources.map((s) => s.doc_id)).toEqual(FIXTURE_DOCUMENTS.map((d) => d.doc_id));
    expect(metrics.sources.find((s) => s.doc_id === "doc-a")).toMatchObject({ file: "doc-a.txt", outlet: "The Example Times", published: "2022-01-10" });
    expect(metrics.sources.find((s) => s.doc_id === "doc-d")).toMatchObject({ statements: 0, speakers: 0, speaker_ids: [] });
  });

  it("takes a document's language from its statements' majority, else the declared one, else the detected one", () => {
    const doc = (overrides: Partial<(typeof FIXTURE_DOCUMENTS)[number]> & { doc_id: string }) => ({ ...FIXTURE_DOCUMENTS[0]!, ...overrides });
    const mk = (id: string, doc_id: string, lang: Statement["lang"]): Statement => ({ ...fixtureStatements(1)[0]!, statement_id: id, doc_id, lang });
    const m = computeMetrics([mk("x1", "mixed", "sv"), mk("x2", "mixed", "sv"), mk("x3", "mixed", "en")], {
      ...fixtureContext(),
      documents: [
        doc({ doc_id: "mixed", declared_lang: "en" }),
        doc({ doc_id: "declared", declared_lang: "sv", detected_lang: "en" }),
        doc({ doc_id: "detected", declared_lang: null, detected_lang: "sv" }),
        doc({ doc_id: "nothing", declared_lang: null, detected_lang: null }),
      ],
    });
    expect(m.sources.map((s) => [s.doc_id, s.lang])).toEqual([
      ["mixed", "sv"],
      ["declared", "sv"],
      ["detected", "sv"],
      ["nothing", "unknown"],
    ]);
  });
});

describe("edge cases", () => {
  it("returns zero rows for every compared analyst when there are no statements", () => {
    const empty = computeMetrics([], fixtureContext());
    expect(empty.speakers.map((s) => s.speaker_id)).toEqual(FIXTURE_ANALYSTS);
    expect(empty.speakers.every((s) => s.statements === 0 && s.low_n)).toBe(true);
    expect(empty.similarity.every((p) => p.cosine === null)).toBe(true);
    expect(empty.theme_agreement.every((r) => r.verdict === "neutral" && r.analysts_total === 0)).toBe(true);
    expect(empty.sources.every((s) => s.statements === 0)).toBe(true);
    expect(() => Metrics.parse(empty)).not.toThrow();
  });

  it("warns about, and does not count, a theme the codebook does not define", () => {
    const acc = new MetricsAccumulator(fixtureContext());
    acc.add({ ...fixtureStatements(1)[0]!, speaker_id: "ada-fictive", themes: ["harbour-tolls", "retired-theme"] });
    const m = acc.result(fixtureContext());
    expect(acc.warnings.join("\n")).toMatch(/theme "retired-theme" on 1 statement\(s\) is not in the codebook/);
    expect(m.speaker_theme.filter((c) => c.speaker_id === "ada-fictive" && c.count > 0).map((c) => c.theme_id)).toEqual(["harbour-tolls"]);
  });

  it("counts a theme a statement lists twice once, and the statement's other themes too", () => {
    const acc = new MetricsAccumulator(fixtureContext());
    const [first, second] = themeIds;
    acc.add({ ...fixtureStatements(1)[0]!, speaker_id: "ada-fictive", themes: [first!, second!, first!] });
    const counts = acc.result(fixtureContext()).speaker_theme.filter((c) => c.speaker_id === "ada-fictive" && c.count > 0);
    expect(counts.map((c) => [c.theme_id, c.count])).toEqual([
      [first, 1],
      [second, 1],
    ]);
  });

  it("keeps statements of a document missing from documents.jsonl as their own source, with a warning", () => {
    const acc = new MetricsAccumulator(fixtureContext());
    acc.add({ ...fixtureStatements(1)[0]!, doc_id: "ghost-doc" });
    const m = acc.result(fixtureContext());
    expect(m.sources.find((s) => s.doc_id === "ghost-doc")).toMatchObject({ file: "ghost-doc", statements: 1 });
    expect(acc.warnings.join("\n")).toMatch(/1 document\(s\) missing from documents\.jsonl: ghost-doc/);
  });

  it("carries theme and frame labels from the codebook in codebook order", () => {
    expect(metrics.theme_labels?.map((l) => l.id)).toEqual(themeIds);
    expect(metrics.frame_labels?.find((l) => l.id === "consequence")?.sv).toBe("Följd");
  });
});
