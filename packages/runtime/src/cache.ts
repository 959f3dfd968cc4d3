import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { threadId } from "node:worker_threads";

/** Where a stage's per-document results are kept, and the version of everything that shapes them. */
export interface CacheSpec {
  dir: string;
  version: string;
}

/** Where a stage keeps its per-document results inside an output folder: `<out>/.cache/<stage>`. */
export function stageCacheSpec(outDir: string, stage: string, version: string): CacheSpec {
  return { dir: join(outDir, ".cache", stage), version };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Per-document results keyed by the input record and the version: `<dir>/<version>/<ab>/<key>.json`.
 * Entries are written atomically (temp + rename) and carry a checksum; an entry that is missing,
 * unreadable or does not match its checksum is a miss, so the document is simply computed again.
 * Synchronous, so worker threads use it inside a task without yielding.
 */
export class ResultCache {
  readonly root: string;
  private readonly shards = new Set<string>();

  constructor(spec: CacheSpec) {
    this.root = join(spec.dir, spec.version);
  }

  /** The key of one input record (the version is the folder above it). */
  key(input: string): string {
    return sha256(input);
  }

  get(key: string): unknown {
    let content: string;
    try {
      content = readFileSync(this.path(key), "utf8");
    } catch {
      return undefined;
    }
    const newline = content.indexOf("\n");
    const body = content.slice(newline + 1);
    if (newline !== 64 || content.slice(0, newline) !== sha256(body)) return undefined;
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    const file = this.path(key);
    const body = JSON.stringify(value);
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    try {
      const shard = key.slice(0, 2);
      if (!this.shards.has(shard)) {
        mkdirSync(join(this.root, shard), { recursive: true });
        this.shards.add(shard);
      }
      writeFileSync(tmp, `${sha256(body)}\n${body}`);
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written costs only speed on the next run.
      rmSync(tmp, { force: true });
    }
  }

  private path(key: string): string {
    return join(this.root, key.slice(0, 2), `${key}.json`);
  }
}

/**
 * Keeps the cache bounded: removes other versions and the entries of this version no run used
 * (documents gone from the corpus). Returns how many entries were removed.
 */
export async function pruneCache(spec: CacheSpec, used: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  const versions = await readdir(spec.dir).catch(() => [] as string[]);
  for (const version of versions) {
    if (version !== spec.version) {
      await rm(join(spec.dir, version), { recursive: true, force: true });
      removed += 1;
    }
  }
  const root = join(spec.dir, spec.version);
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    for (const name of await readdir(join(root, shard)).catch(() => [] as string[])) {
      if (name.endsWith(".json") && used.has(name.slice(0, -5))) continue;
      await rm(join(root, shard, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * A short hash of the files (and folders, recursively, tests left out) that shape a stage's results:
 * rules, registries, codebook, the stage's source. Paths count relative to `base`, so a moved checkout
 * keeps its cache; a missing path counts as missing.
 */
export async function versionHash(base: string, paths: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const path of paths) {
    const files = await listFiles(path);
    hash.update(`${relative(base, path)}:${files.length}\n`);
    for (const file of files) {
      hash.update(`${relative(base, file)}\n`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}
