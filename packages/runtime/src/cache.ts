import { createHash, hash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { crc32 } from "node:zlib";

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
/** Bump when the layout of index.json or the pack changes; an index of another format is no cache. */
const FORMAT = 2;
/** Bytes gathered before one write to the new pack, and read at once from the old one. */
const BATCH = 1 << 20;
/**
 * Keys and entries hash and store a string's UTF-16 code units as they are: copying them out and back
 * runs at memory speed, UTF-8 encoding and decoding at a tenth of it (the main thread's bottleneck),
 * for packs twice as large. Unlike UTF-8 it also keeps a lone surrogate apart from U+FFFD.
 */
const ENCODING = "utf16le";

/**
 * index.json: the pack file of the last complete run and, per entry, where it sits in the pack and
 * the CRC-32 of its bytes. The key is a SHA-256 (two inputs must never share a result); the CRC only
 * has to notice a pack that was truncated, overwritten or edited, which it does for every error burst
 * up to 32 bits and otherwise misses one damaged entry in 4 billion, at a small part of the cost.
 */
interface PackIndex {
  format: typeof FORMAT;
  pack: string;
  entries: [key: string, offset: number, length: number, crc: number][];
}

interface Entry {
  offset: number;
  length: number;
  crc: number;
}

function readIndex(root: string): PackIndex | null {
  try {
    const index = JSON.parse(readFileSync(join(root, INDEX), "utf8")) as PackIndex;
    return index.format === FORMAT && typeof index.pack === "string" && Array.isArray(index.entries) ? index : null;
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
 * Entries are encoded straight into one reused write buffer and read through one reused read
 * buffer: no buffer per document (thousands of 10 KB buffers cost the main thread extra GCs).
 */
export class ResultCache {
  readonly root: string;
  private readonly dir: string;
  private readonly entries = new Map<string, Entry>();
  private packFd: number | null = null;
  private readonly newPack: string;
  private readonly newTmp: string;
  private newFd: number | null = null;
  private readonly written: PackIndex["entries"] = [];
  private readonly writtenKeys = new Set<string>();
  /** Bytes of the new pack before the write buffer. */
  private flushed = 0;
  private batch = Buffer.allocUnsafeSlow(BATCH);
  private used = 0;
  /** A window of the old pack: entries read in pack order (a rerun of the same corpus) cost one read per batch. */
  private window = Buffer.allocUnsafeSlow(BATCH);
  /** Where a key's input is copied to be hashed. */
  private readonly scratch = Buffer.allocUnsafeSlow(BATCH);
  private windowStart = 0;
  private windowEnd = 0;

  constructor(spec: CacheSpec) {
    this.dir = spec.dir;
    this.root = join(spec.dir, spec.version);
    const index = readIndex(this.root);
    if (index !== null) {
      try {
        this.packFd = openSync(join(this.root, index.pack), "r");
        for (const [key, offset, length, crc] of index.entries) this.entries.set(key, { offset, length, crc });
      } catch {
        this.entries.clear();
      }
    }
    this.newPack = `${Date.now()}-${process.pid}.pack`;
    this.newTmp = join(this.root, `.${this.newPack}.tmp`);
  }

  /** The key of one input record (the version is the folder above it). */
  key(input: string): string {
    const length = input.length * 2;
    if (length > this.scratch.length) return hash("sha256", Buffer.from(input, ENCODING));
    this.scratch.write(input, 0, ENCODING);
    return hash("sha256", this.scratch.subarray(0, length));
  }

  /** The text stored under `key` by the previous run, if intact; it is kept for the next run. */
  get(key: string): string | undefined {
    const where = this.entries.get(key);
    if (where === undefined) return undefined;
    const bytes = this.readOld(where);
    if (bytes === undefined || crc32(bytes) !== where.crc) return undefined;
    const text = bytes.toString(ENCODING);
    this.appendBytes(key, bytes, where.crc);
    return text;
  }

  /** Stores a result computed in this run, as text (see `CacheCodec`). */
  set(key: string, text: string): void {
    // A document that occurs twice in the corpus is stored once.
    if (this.writtenKeys.has(key)) return;
    const length = text.length * 2;
    if (length > this.batch.length - this.used) this.flush();
    if (length > this.batch.length) {
      const bytes = Buffer.from(text, ENCODING);
      this.appendBytes(key, bytes, crc32(bytes));
      return;
    }
    this.batch.write(text, this.used, ENCODING);
    this.record(key, length, crc32(this.batch.subarray(this.used, this.used + length)));
    this.used += length;
  }

  /** Makes this run's pack the cache and removes older packs and other versions. */
  commit(): void {
    try {
      this.flush();
      if (this.newFd === null) this.open();
      closeSync(this.newFd!);
      this.newFd = null;
      renameSync(this.newTmp, join(this.root, this.newPack));
      const index: PackIndex = { format: FORMAT, pack: this.newPack, entries: this.written };
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
    this.used = 0;
    rmSync(this.newTmp, { force: true });
    this.closePack();
  }

  private closePack(): void {
    if (this.packFd !== null) closeSync(this.packFd);
    this.packFd = null;
  }

  // The entry's bytes in the old pack, valid until the next read; undefined if they cannot be read.
  private readOld({ offset, length }: Entry): Buffer | undefined {
    if (this.packFd === null) return undefined;
    if (offset < this.windowStart || offset + length > this.windowEnd) {
      // Read ahead only where the last read ended: entries asked for out of order are read alone.
      const span = offset === this.windowEnd ? Math.max(length, BATCH) : length;
      if (span > this.window.length) this.window = Buffer.allocUnsafeSlow(span);
      let got: number;
      try {
        got = readSync(this.packFd, this.window, 0, span, offset);
      } catch {
        got = 0;
      }
      this.windowStart = offset;
      this.windowEnd = offset + got;
      if (got < length) return undefined;
    }
    const start = offset - this.windowStart;
    return this.window.subarray(start, start + length);
  }

  private record(key: string, length: number, crc: number): void {
    this.writtenKeys.add(key);
    this.written.push([key, this.flushed + this.used, length, crc]);
  }

  private appendBytes(key: string, bytes: Buffer, crc: number): void {
    if (this.writtenKeys.has(key)) return;
    if (bytes.length > this.batch.length - this.used) this.flush();
    this.record(key, bytes.length, crc);
    if (bytes.length > this.batch.length) {
      this.writeAll(bytes);
      this.flushed += bytes.length;
      return;
    }
    bytes.copy(this.batch, this.used);
    this.used += bytes.length;
  }

  private open(): void {
    mkdirSync(this.root, { recursive: true });
    this.newFd = openSync(this.newTmp, "w");
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.batch.subarray(0, this.used));
    this.flushed += this.used;
    this.used = 0;
  }

  private writeAll(data: Buffer): void {
    if (this.newFd === null) this.open();
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
