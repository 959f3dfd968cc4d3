import { join } from "node:path";

/** File names of the artifacts inside an output directory: one place, so stages and the dashboard agree. */
export const ARTIFACT_FILES = {
  documents: "documents.jsonl",
  ingestReport: "ingest-report.json",
  normalized: "normalized.jsonl",
  normalizeReport: "normalize-report.json",
  statements: "statements.jsonl",
  statementsCsv: "statements.csv",
  metrics: "metrics/metrics.json",
  runManifest: "run-manifest.json",
} as const;
export type ArtifactName = keyof typeof ARTIFACT_FILES;

export function artifactPath(outDir: string, name: ArtifactName): string {
  // Artifact folders are chosen at run time; tracing them into a server bundle would pull in the whole repo.
  return join(/* turbopackIgnore: true */ outDir, ARTIFACT_FILES[name]);
}

/** Config files under data/ that a user edits. */
export const CONFIG_FILES = {
  people: "people.json",
  codebook: "codebook.json",
  analysts: "analysts.json",
} as const;
