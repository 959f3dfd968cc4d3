import Papa from "papaparse";
import type { z } from "zod";
import { ArtifactError, describeIssues } from "./errors";

export interface CsvProblem {
  line: number;
  message: string;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

/**
 * Parses CSV text with a header row and validates each row. Bad rows are returned as problems
 * (line numbers are 1-based file lines, the header being line 1, counted past blank lines and cells
 * that span lines), never thrown, so callers decide whether to skip or fail. `lines[i]` is the file
 * line of `rows[i]`, so callers can name it later.
 */
export function parseCsv<T extends z.ZodType>(
  text: string,
  schema: T,
  file: string,
): { rows: z.infer<T>[]; lines: number[]; problems: CsvProblem[] } {
  const source = text.replace(/^\uFEFF/, "");
  const rows: z.infer<T>[] = [];
  const lines: number[] = [];
  const problems: CsvProblem[] = [];
  // Where the previous row ended, and the file line there; rows start after any blank lines.
  let cursor = source.indexOf("\n") + 1;
  let lineAtCursor = 2;
  Papa.parse<Record<string, string>>(source, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
    step: (result) => {
      const span = source.slice(cursor, result.meta.cursor);
      const line = lineAtCursor + countNewlines(/^(?:[ \t]*\r?\n)*/.exec(span)?.[0] ?? "");
      lineAtCursor += countNewlines(span);
      cursor = result.meta.cursor;
      // A one-column file has no delimiter to detect; papaparse then uses "," as it should, so that is no problem.
      for (const e of result.errors) if (e.code !== "UndetectableDelimiter") problems.push({ line, message: `${e.code}: ${e.message}` });
      // Empty cells mean "unknown": drop them so optional fields stay absent instead of "".
      const cleaned = Object.fromEntries(
        Object.entries(result.data)
          .map(([k, v]) => [k, typeof v === "string" ? v.trim() : v] as const)
          .filter(([, v]) => v !== "" && v !== undefined && v !== null),
      );
      const parsed = schema.safeParse(cleaned);
      if (parsed.success) {
        rows.push(parsed.data);
        lines.push(line);
      } else problems.push({ line, message: describeIssues(parsed.error, { file, line }) });
    },
  });
  return { rows, lines, problems };
}

/** Parses CSV that must be entirely valid (our own artifacts); the first problem throws. */
export function parseCsvStrict<T extends z.ZodType>(text: string, schema: T, file: string): z.infer<T>[] {
  const { rows, problems } = parseCsv(text, schema, file);
  const first = problems[0];
  if (first) throw new ArtifactError(first.message.startsWith(file) ? first.message : `${file}:${first.line}: ${first.message}`, { file, line: first.line });
  return rows;
}

/** Serialises rows with a fixed column order (UTF-8, header row, CRLF-free). */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const data = rows.map((row) => columns.map((c) => csvCell(row[c])));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: "\n" })}\n`;
}

/** One CSV cell: empty for null, arrays joined with ";", everything else as text. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(";");
  return String(value);
}
