import Papa from "papaparse";
import type { z } from "zod";
import { ArtifactError, describeIssues } from "./errors";

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Parses CSV text with a header row and validates each row. Bad rows are returned as problems
 * (line numbers are 1-based file lines, the header being line 1), never thrown, so callers decide
 * whether to skip or fail.
 */
export function parseCsv<T extends z.ZodType>(
  text: string,
  schema: T,
  file: string,
): { rows: z.infer<T>[]; problems: CsvProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
    message: `${e.code}: ${e.message}`,
  }));
  const rows: z.infer<T>[] = [];
  parsed.data.forEach((raw, index) => {
    const line = index + 2;
    // Empty cells mean "unknown": drop them so optional fields stay absent instead of "".
    const cleaned = Object.fromEntries(
      Object.entries(raw)
        .map(([k, v]) => [k, typeof v === "string" ? v.trim() : v] as const)
        .filter(([, v]) => v !== "" && v !== undefined && v !== null),
    );
    const result = schema.safeParse(cleaned);
    if (result.success) rows.push(result.data);
    else problems.push({ line, message: describeIssues(result.error, { file, line }) });
  });
  return { rows, problems };
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
