import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACT_FILES, Metrics, Statement } from "@viewpoints/artifacts";

/** The artifacts the main server reads, loaded in the test so expectations come from the data, not from constants. */
export function readArtifacts(out: string): { metrics: Metrics; statements: Statement[] } {
  const metrics = Metrics.parse(JSON.parse(readFileSync(join(out, ARTIFACT_FILES.metrics), "utf8")));
  const statements = readFileSync(join(out, ARTIFACT_FILES.statements), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => Statement.parse(JSON.parse(line)));
  return { metrics, statements };
}
