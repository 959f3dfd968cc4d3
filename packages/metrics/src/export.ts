import Papa from "papaparse";
// Subpath imports keep this module free of the artifacts' file-system helpers, so a browser bundle can use it.
import { STATEMENT_COLUMNS } from "@viewpoints/artifacts/statements";
import type { Metrics, MetricsLabel, RunManifest, Statement } from "@viewpoints/artifacts";

export interface ExportOptions {
  /** Labels in English or Swedish (the codebook carries both). */
  lang: "en" | "sv";
  /** Prepend a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom: boolean;
  /** The statements of the run; needed only for the `statements` table. */
  statements?: Iterable<Statement>;
}

export interface TableInfo {
  name: string;
  description: string;
  columns: string[];
}

type Cell = string | number | boolean | null | undefined | readonly string[];
type Row = Record<string, Cell>;

interface Labeler {
  theme(id: string): string;
  frame(id: string): string;
  speakerName(id: string): string;
}

interface TableDef {
  name: string;
  description: string;
  columns: readonly string[];
  rows(metrics: Metrics, labels: Labeler, statements: Iterable<Statement> | undefined): Iterable<Row>;
}

/** statements.csv's columns, each coded id followed by its label in the export language. */
const STATEMENT_TABLE_COLUMNS = STATEMENT_COLUMNS.flatMap((c): string[] => (c === "frame" ? [c, "frame_label"] : c === "themes" ? [c, "theme_labels"] : [c]));

const TABLES: readonly TableDef[] = [
  {
    name: "speakers",
    description: "one row per speaker: statements, documents, words quoted, frame and hedging shares",
    columns: ["speaker_id", "speaker_name", "speaker_role", "compared", "statements", "documents", "words_quoted", "share_risk", "share_consequence", "share_assessment", "share_hedged", "languages", "sources", "low_n", "statement_ids"],
    rows: (m) => m.speakers,
  },
  {
    name: "speaker_theme",
    description: "speaker x theme matrix: statements per theme and share of the speaker's statements",
    columns: ["speaker_id", "speaker_name", "theme_id", "theme_label", "count", "share", "low_n", "statement_ids"],
    rows: (m, l) => m.speaker_theme.map((r) => ({ ...r, speaker_name: l.speakerName(r.speaker_id), theme_label: l.theme(r.theme_id) })),
  },
  {
    name: "speaker_frame",
    description: "speaker x frame matrix: statements per frame and share of the speaker's statements",
    columns: ["speaker_id", "speaker_name", "frame", "frame_label", "count", "share", "low_n", "statement_ids"],
    rows: (m, l) => m.speaker_frame.map((r) => ({ ...r, speaker_name: l.speakerName(r.speaker_id), frame_label: l.frame(r.frame) })),
  },
  {
    name: "similarity",
    description: "every pair of speakers: cosine similarity of theme profiles and the themes they share or not",
    columns: ["speaker_a", "speaker_a_name", "speaker_b", "speaker_b_name", "cosine", "themes_both", "themes_a_only", "themes_b_only", "themes_neither", "low_n"],
    rows: (m, l) => m.similarity.map((r) => ({ ...r, speaker_a_name: l.speakerName(r.speaker_a), speaker_b_name: l.speakerName(r.speaker_b) })),
  },
  {
    name: "theme_agreement",
    description: "per theme: how many compared analysts address it, the spread of their shares, and the verdict",
    columns: ["theme_id", "theme_label", "verdict", "analysts_addressing", "analysts_total", "share_spread", "statement_ids"],
    rows: (m, l) => m.theme_agreement.map((r) => ({ ...r, theme_label: l.theme(r.theme_id) })),
  },
  {
    name: "sources",
    description: "per document: outlet, title, date, language, statements and speakers",
    columns: ["doc_id", "file", "outlet", "title", "published", "lang", "statements", "speakers", "speaker_ids"],
    rows: (m) => m.sources,
  },
  {
    name: "languages",
    description: "per language: documents, statements and speakers",
    columns: ["lang", "documents", "statements", "speakers"],
    rows: (m) => m.languages,
  },
  {
    name: "statements",
    description: "every coded statement with its document offsets, frame and theme labels",
    columns: STATEMENT_TABLE_COLUMNS,
    *rows(_m, l, statements) {
      if (!statements) throw new Error("the statements table needs the run's statements (options.statements)");
      for (const s of statements) {
        yield { ...s, frame_label: l.frame(s.frame), theme_labels: s.themes.map((t) => l.theme(t)) };
      }
    },
  },
];

/** The tables `pnpm export` writes and the dashboard offers for download, with their columns in order. */
export function listTables(): TableInfo[] {
  return TABLES.map((t) => ({ name: t.name, description: t.description, columns: [...t.columns] }));
}

/** The file name an exported table carries: the run id in the name ties it to run-manifest.json. */
export function exportFileName(table: string, manifest: Pick<RunManifest, "run_id">): string {
  return `${table}.${manifest.run_id}.csv`;
}

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
const PLAIN_NEGATIVE = /^-\d+(\.\d+)?$/;

/**
 * Neutralises text a spreadsheet would run as a formula by prefixing `'`. A plain negative number
 * ("-3", "-0.25") cannot run anything, so it stays a number.
 */
export function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  if (!TRIGGERS.has(first)) return text;
  if (first === "-" && PLAIN_NEGATIVE.test(text)) return text;
  return `'${text}`;
}

/** One cell as text: numbers rounded to 6 decimals, booleans as true/false, lists joined with ";". */
function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return neutraliseFormula(value);
  return neutraliseFormula(value.join(";"));
}

function labeler(metrics: Metrics, lang: "en" | "sv"): Labeler {
  const index = (labels: readonly MetricsLabel[] | undefined) => new Map((labels ?? []).map((l) => [l.id, l[lang]]));
  const themes = index(metrics.theme_labels);
  const frames = index(metrics.frame_labels);
  const names = new Map(metrics.speakers.map((s) => [s.speaker_id, s.speaker_name]));
  return {
    theme: (id) => themes.get(id) ?? id,
    frame: (id) => frames.get(id) ?? id,
    speakerName: (id) => names.get(id) ?? id,
  };
}

/** Why metrics.json and run-manifest.json do not belong together (a half-finished or mixed run), or null. */
export function runMismatch(metrics: Pick<Metrics, "run_id">, manifest: Pick<RunManifest, "run_id">): string | null {
  if (manifest.run_id === metrics.run_id) return null;
  return `metrics.json is from run ${metrics.run_id} but run-manifest.json from run ${manifest.run_id}; run \`pnpm metrics\` again`;
}

function tableDef(name: string): TableDef {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown table "${name}"; tables: ${TABLES.map((t) => t.name).join(", ")}`);
  return table;
}

/** The header line of a table (with the byte-order mark when asked): column ids, never labels. */
export function renderHeader(name: string, options: Pick<ExportOptions, "bom">): string {
  const header = `${Papa.unparse([[...tableDef(name).columns]], { newline: "\n" })}\n`;
  return options.bom ? `\uFEFF${header}` : header;
}

/**
 * Renders a table's data lines without the header, so a caller can write a long table (statements)
 * batch by batch: header once, then the rows of each batch of `options.statements`.
 */
export function renderRows(name: string, metrics: Metrics, manifest: RunManifest, options: ExportOptions): string {
  const table = tableDef(name);
  const mismatch = runMismatch(metrics, manifest);
  if (mismatch) throw new Error(mismatch);
  const data: string[][] = [];
  for (const row of table.rows(metrics, labeler(metrics, options.lang), options.statements)) {
    data.push(table.columns.map((c) => formatCell(row[c])));
  }
  return data.length === 0 ? "" : `${Papa.unparse(data, { newline: "\n" })}\n`;
}

/**
 * Renders one table as CSV text (UTF-8, header row of stable column ids, formula-safe cells,
 * lists joined with ";"). The single implementation behind `pnpm export` and the dashboard's
 * download buttons: pure, no file system. Throws when the table is unknown or when the manifest
 * belongs to another run than the metrics (stale files).
 */
export function renderTable(name: string, metrics: Metrics, manifest: RunManifest, options: ExportOptions): string {
  return renderHeader(name, options) + renderRows(name, metrics, manifest, options);
}
