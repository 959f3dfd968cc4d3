import { SourceRow } from "@viewpoints/artifacts";
import { parseCsv } from "@viewpoints/artifacts/csv";
import { decodeArticle, encodingWarning } from "./decode";
import { isoDateOf } from "./meta";
import { problem, type IngestProblem } from "./problems";

export const MANIFEST_FILE = "sources.csv";

const ROW_IGNORED = "row ignored (its article is still read, without this row's metadata)";

export interface Manifest {
  /** Valid rows by article path (relative, "/" separators). */
  rows: Map<string, { row: SourceRow; line: number }>;
  problems: IngestProblem[];
}

/** "./a.txt" and "sub\\a.txt" name the same files as "a.txt" and "sub/a.txt". */
export function normalizeManifestPath(file: string): string {
  return file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/** describeIssues opens with "file:line: invalid record"; the problem carries file and line itself. */
function whatIsWrong(message: string): string {
  const lines = message.split("\n");
  const details = /: invalid record$/.test(lines[0] ?? "") ? lines.slice(1) : lines;
  return details.map((l) => l.trim()).filter(Boolean).join("; ");
}

/**
 * Reads the optional sources.csv. Bad rows become problems and are ignored (their article is still read,
 * without the row's metadata); a second row for the same file is ignored too.
 */
export function parseManifest(bytes: Uint8Array, file: string = MANIFEST_FILE): Manifest {
  const rows: Manifest["rows"] = new Map();
  const problems: IngestProblem[] = [];
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) {
    if (decoded.kind !== "empty") problems.push(problem("manifest-row", "error", file, `${decoded.message.replace(/; skipped$/, "")}; the manifest is ignored`));
    return { rows, problems };
  }
  const warning = encodingWarning(decoded);
  if (warning) problems.push(problem("encoding", "warning", file, warning));
  const parsed = parseCsv(decoded.text, SourceRow, file);
  for (const p of parsed.problems) {
    problems.push(problem("manifest-row", "error", file, `${ROW_IGNORED}: ${whatIsWrong(p.message)}`, p.line));
  }
  // papaparse problems (too few fields, a stray quote) leave a row that may still validate: it is ignored too.
  const badLines = new Set(parsed.problems.map((p) => p.line));
  parsed.rows.forEach((row, index) => {
    const line = parsed.lines[index] ?? null;
    if (line !== null && badLines.has(line)) return;
    // The schema checks the form YYYY-MM-DD; a day that does not exist is as wrong.
    if (row.published !== undefined && isoDateOf(row.published) === null) {
      problems.push(problem("manifest-row", "error", file, `${ROW_IGNORED}: published: ${row.published} is not a real date`, line));
      return;
    }
    const path = normalizeManifestPath(row.file);
    const first = rows.get(path);
    if (first) {
      problems.push(problem("manifest-row", "error", file, `a second row for "${path}" (the first is on line ${first.line}); this row is ignored`, line));
      return;
    }
    rows.set(path, { row: { ...row, file: path }, line: line ?? 0 });
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, problems };
}
