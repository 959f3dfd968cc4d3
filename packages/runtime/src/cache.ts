import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** Where a stage's per-document results are kept, and the version of everything that shapes them. */
export interface CacheSpec {
  dir: string;
  version: string;
}

/** How a stage's result is stored as text; the default is JSON. A stage whose result is mostly
 * serialized records stores them as they are, saving an escaping pass over every document. */
export interface CacheCodec<V> {
  encode(value: V): string;
  /** Throws on text it cannot read; the document is then computed again. */
  decode(text: string): V;
}

export const JSON_CODEC: CacheCodec<unknown> = { encode: (value) => JSON.stringify(value), decode: (text) => JSON.parse(text) as unknown };

/** Where a stage keeps its per-document results inside an output folder: `<out>/.cache/<stage>`. */
export function stageCacheSpec(outDir: string, stage: string, version: string): CacheSpec {
  return { dir: join(outDir, ".cache", stage), version };
}

const INDEX = "index.json";
const HASH_LENGTH = 64;
/** Bytes gathered before one write to the new pack. */
const WRITE_BATCH = 1 << 20;

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** index.json: the pack file of the last complete run and where each entry sits in it. */
interface PackIndex {
  pack: string;
  entries: [key: string, offset: number, length: number][];
}

function readIndex(root: string): PackIndex | null {
  try {
    const index = JSON.parse(readFileSync(join(root, INDEX), "utf8")) as PackIndex;
    return typeof index.pack === "string" && Array.isArray(index.entries) ? index : null;
  } catch {
    return null;
  }
}

/**
 * Per-document results of one stage, keyed by the hash of the input record, under a folder per
 * version (`<dir>/<version>/`). A run reads the previous run's pack file and writes a new one holding
 * exactly the entries it used (hits copied as bytes, new results appended), then switches the index
 * to it: the cache stays as large as the corpus, one file per run instead of one per document.
 * Every entry carries a checksum; an entry that is missing, unreadable or does not match is a miss,
 * so the document is simply computed again. A run that fails leaves the previous cache as it was.
 */
export class ResultCache {
  readonly root: string;
  private readonly dir: string;
  private readonly entries = new Map<string, { offset: number; length: number }>();
  private packFd: number | null = null;
  private readonly newPack: string;
  private readonly newTmp: string;
  private newFd: number | null = null;
  private readonly written: PackIndex["entries"] = [];
  private readonly writtenKeys = new Set<string>();
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(spec: CacheSpec) {
    this.dir = spec.dir;
    this.root = join(spec.dir, spec.version);
    const index = readIndex(this.root);
    if (index !== null) {
      try {
        this.packFd = openSync(join(this.root, index.pack), "r");
        for (const [key, offset, length] of index.entries) this.entries.set(key, { offset, length });
      } catch {
        this.entries.clear();
      }
    }
    this.newPack = `${Date.now()}-${process.pid}.pack`;
    this.newTmp = join(this.root, `.${this.newPack}.tmp`);
  }

  /** The key of one input record (the version is the folder above it). */
  key(input: string): string {
    return sha256(input);
  }

  /** The text stored under `key` by the previous run, if intact; it is kept for the next run. */
  get(key: string): string | undefined {
    const where = this.entries.get(key);
    if (where === undefined || this.packFd === null) return undefined;
    const bytes = Buffer.allocUnsafe(where.length);
    try {
      if (readSync(this.packFd, bytes, 0, where.length, where.offset) !== where.length) return undefined;
    } catch {
      return undefined;
    }
    const body = bytes.subarray(HASH_LENGTH + 1);
    if (bytes.toString("latin1", 0, HASH_LENGTH) !== sha256(body)) return undefined;
    this.append(key, bytes);
    return body.toString("utf8");
  }

  /** Stores a result computed in this run, as text (see `CacheCodec`). */
  set(key: string, text: string): void {
    const body = Buffer.from(text, "utf8");
    this.append(key, Buffer.concat([Buffer.from(`${sha256(body)}\n`, "latin1"), body]));
  }

  /** Makes this run's pack the cache and removes older packs and other versions. */
  commit(): void {
    try {
      this.flush();
      if (this.newFd === null) this.open();
      closeSync(this.newFd!);
      this.newFd = null;
      renameSync(this.newTmp, join(this.root, this.newPack));
      const index: PackIndex = { pack: this.newPack, entries: this.written };
      const tmpIndex = join(this.root, `.${INDEX}.${process.pid}.tmp`);
      writeFileSync(tmpIndex, JSON.stringify(index));
      renameSync(tmpIndex, join(this.root, INDEX));
    } catch {
      // A cache that cannot be written costs only speed on the next run.
      this.abort();
      return;
    }
    this.closePack();
    for (const name of readdirSync(this.root)) {
      if (name !== INDEX && name !== this.newPack && !name.startsWith(".")) rmSync(join(this.root, name), { force: true });
    }
    for (const version of readdirSync(this.dir)) {
      if (join(this.dir, version) !== this.root) rmSync(join(this.dir, version), { recursive: true, force: true });
    }
  }

  /** Drops this run's new pack; the previous cache stays. */
  abort(): void {
    if (this.newFd !== null) closeSync(this.newFd);
    this.newFd = null;
    this.pending = [];
    rmSync(this.newTmp, { force: true });
    this.closePack();
  }

  private closePack(): void {
    if (this.packFd !== null) closeSync(this.packFd);
    this.packFd = null;
  }

  private append(key: string, entry: Buffer): void {
    // A document that occurs twice in the corpus is stored once.
    if (this.writtenKeys.has(key)) return;
    this.writtenKeys.add(key);
    this.written.push([key, this.offset, entry.length]);
    this.offset += entry.length;
    this.pending.push(entry);
    this.pendingBytes += entry.length;
    if (this.pendingBytes >= WRITE_BATCH) this.flush();
  }

  private open(): void {
    mkdirSync(this.root, { recursive: true });
    this.newFd = openSync(this.newTmp, "w");
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.newFd === null) this.open();
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < data.length) done += writeSync(this.newFd!, data, done);
  }
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
