import type { Problem } from "@viewpoints/artifacts";

/** What went wrong, so the runner can tell which problems --strict treats as fatal. */
export type ProblemKind =
  | "empty"
  | "binary"
  | "no-text"
  | "encoding"
  | "unreadable"
  | "unsupported"
  | "manifest-row"
  | "manifest-unknown-file"
  | "metadata"
  | "front-matter"
  | "no-articles";

export interface IngestProblem extends Problem {
  kind: ProblemKind;
}

export function problem(
  kind: ProblemKind,
  severity: Problem["severity"],
  file: string,
  message: string,
  line: number | null = null,
): IngestProblem {
  return { kind, severity, file, line, message };
}

/** --strict fails on every error, on the Windows-1252 guess (it may have garbled text) and on an empty input folder. */
export function failsStrict(p: IngestProblem): boolean {
  return p.severity === "error" || p.kind === "encoding" || p.kind === "no-articles";
}

/** "file:line: message", the form editors and terminals turn into links. */
export function describeProblem(p: Problem): string {
  return `${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`;
}
