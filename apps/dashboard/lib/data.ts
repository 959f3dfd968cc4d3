import { join } from "node:path";
import {
  ArtifactError,
  ARTIFACT_FILES,
  Codebook,
  CONFIG_FILES,
  Metrics,
  NormalizedDocument,
  readJsonFile,
  readJsonlAll,
  RunManifest,
  Statement,
} from "@viewpoints/artifacts";
import { dataPaths } from "./paths";
import { MtimeCache } from "./mtime-cache";
import { buildIndex, type StatementIndex } from "./statement-query";

export interface Dashboard {
  out: string;
  metrics: Metrics;
  manifest: RunManifest;
  /** null when data/codebook.json is absent: labels come from metrics.json or fall back to ids. */
  codebook: Codebook | null;
  statements: StatementIndex;
}

export type DataProblem = { kind: "missing"; out: string; files: string[] } | { kind: "invalid"; file: string; message: string };
export type Loaded = { kind: "ok"; data: Dashboard } | DataProblem;

const cache = new MtimeCache();

/** Paths are chosen at run time; the ignore comment keeps Turbopack from tracing the whole repository. */
function at(dir: string, file: string): string {
  return join(/* turbopackIgnore: true */ dir, file);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT" || (error as Error).name === "MissingArtifactError";
}

/** Reads one artifact through the mtime cache; undefined when the file does not exist. */
async function cached<T>(file: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await cache.get(file, load);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function invalid(error: unknown, fallbackFile: string): DataProblem {
  if (error instanceof ArtifactError) return { kind: "invalid", file: error.file, message: error.message };
  return { kind: "invalid", file: fallbackFile, message: (error as Error).message };
}

/**
 * Everything the pages need, validated with the artifact schemas and parsed once per file version.
 * Never throws for bad data: the caller renders the "missing" or "invalid" state.
 */
export async function loadDashboard(): Promise<Loaded> {
  const paths = dataPaths();
  const files = {
    metrics: at(paths.out, ARTIFACT_FILES.metrics),
    manifest: at(paths.out, ARTIFACT_FILES.runManifest),
    statements: at(paths.out, ARTIFACT_FILES.statements),
    codebook: at(paths.config, CONFIG_FILES.codebook),
  };
  let current = files.metrics;
  try {
    const metrics = await cached(files.metrics, () => readJsonFile(files.metrics, Metrics));
    current = files.manifest;
    const manifest = await cached(files.manifest, () => readJsonFile(files.manifest, RunManifest));
    current = files.statements;
    const statements = await cached(files.statements, async () => buildIndex(await readJsonlAll(files.statements, Statement)));
    current = files.codebook;
    const codebook = await cached(files.codebook, () => readJsonFile(files.codebook, Codebook));
    if (!metrics || !manifest || !statements) {
      const absent = [
        [files.metrics, metrics],
        [files.manifest, manifest],
        [files.statements, statements],
      ]
        .filter(([, value]) => value === undefined)
        .map(([file]) => file as string);
      return { kind: "missing", out: paths.out, files: absent };
    }
    return { kind: "ok", data: { out: paths.out, metrics, manifest, codebook: codebook ?? null, statements } };
  } catch (error) {
    return invalid(error, current);
  }
}

/** normalized.jsonl by document id, parsed once per file version; only the document view needs it. */
export async function loadDocument(id: string): Promise<{ kind: "ok"; doc: NormalizedDocument | null } | DataProblem> {
  const paths = dataPaths();
  const file = at(paths.out, ARTIFACT_FILES.normalized);
  try {
    const docs = await cached(file, async () => new Map((await readJsonlAll(file, NormalizedDocument)).map((d) => [d.id, d])));
    if (!docs) return { kind: "missing", out: paths.out, files: [file] };
    return { kind: "ok", doc: docs.get(id) ?? null };
  } catch (error) {
    return invalid(error, file);
  }
}
