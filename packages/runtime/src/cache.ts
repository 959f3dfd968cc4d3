import { createHash, hash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
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
const FORMAT = 3;
/** Bytes gathered before one write to the new pack, and read at once from the old one. */
const BATCH = 1 << 20;
/**
 * Keys hash a string's UTF-16 code units as they are: a memory-speed copy, and unlike UTF-8 it keeps
 * a lone surrogate apart from U+FFFD, so two inputs never share a key. Entries are stored as UTF-8,
 * half the disk of UTF-16 for this mostly Latin text at a small encoding cost.
 */
const KEY_ENCODING = "utf16le";
/** Most UTF-8 bytes one UTF-16 code unit can take. */
const UTF8_PER_UNIT = 3;

/** Where this thread copies an input to hash it. */
const keyScratch = Buffer.allocUnsafeSlow(BATCH);

/** The cache key of one input record, in any thread: the SHA-256 of its UTF-16 code units, hex. */
export function cacheKey(input: string): string {
  const length = input.length * 2;
  if (length > keyScratch.length) return hash("sha256", Buffer.from(input, KEY_ENCODING));
  keyScratch.write(input, 0, KEY_ENCODING);
  return hash("sha256", keyScratch.subarray(0, length));
}

/** Pack files one cache may span: a pack past this (the smallest) is merged into the run's new one. */
const MAX_PACKS = 8;
/** Where an entry of this run's own pack points before the pack gets its place in the index. */
const NEW_PACK = -1;

/**
 * index.json: the pack files of the last complete run and, per entry, the pack it sits in, where,
 * and the CRC-32 of its bytes. The key is a SHA-256 (two inputs must never share a result); the CRC only
 * has to notice a pack that was truncated, overwritten or edited, which it does for every error burst
 * up to 32 bits and otherwise misses one damaged entry in 4 billion, at a small part of the cost.
 */
interface PackIndex {
  format: typeof FORMAT;
  packs: string[];
  entries: IndexEntry[];
}

type IndexEntry = [key: string, pack: number, offset: number, length: number, crc: number];

interface Entry {
  pack: number;
  offset: number;
  length: number;
  crc: number;
}

/** A pack of the previous run: opened on its first hit; `used` counts the bytes this run keeps of it. */
interface OldPack {
  name: string;
  fd: number | null;
  broken: boolean;
  used: number;
}

/** Counts the packs this process has started, so two runs in one millisecond name theirs apart. */
let packSerial = 0;

function readIndex(root: string): PackIndex | null {
  try {
    const index = JSON.parse(readFileSync(join(root, INDEX), "utf8")) as PackIndex;
    const valid = index.format === FORMAT && Array.isArray(index.packs) && index.packs.every((p) => typeof p === "string") && Array.isArray(index.entries);
    return valid ? index : null;
  } catch {
    return null;
  }
}

/**
 * Per-document results of one stage, keyed by the hash of the input record, under a folder per
 * version (`<dir>/<version>/`). A run appends the results it computes to a new pack file and commits
 * an index of exactly the entries it used: hits stay where they are in the packs of earlier runs,
 * so a rerun writes only what changed. A pack that the run used less than half of, and the smallest
 * beyond MAX_PACKS, has its used entries copied into the new pack and is removed: the cache stays
 * within about twice what the last run used, in a few files instead of one per document.
 * Every entry carries a checksum; an entry that is missing, unreadable or does not match is a miss,
 * so the document is simply computed again. A run that fails leaves the previous cache as it was
 * (packs are never changed once written; the index is replaced on commit).
 * Entries are encoded straight into one reused write buffer and read through one reused read
 * buffer: no buffer per document (thousands of 10 KB buffers cost the main thread extra GCs).
 */
export class ResultCache {
  readonly root: string;
  private readonly dir: string;
  private readonly entries = new Map<string, Entry>();
  private readonly oldPacks: OldPack[] = [];
  private readonly newPack: string;
  private readonly newTmp: string;
  private newFd: number | null = null;
  /** The entries this run keeps, in the order it used them. */
  private written: IndexEntry[] = [];
  private readonly writtenKeys = new Set<string>();
  /** Bytes of the new pack before the write buffer. */
  private flushed = 0;
  private readonly batch = Buffer.allocUnsafeSlow(BATCH);
  private used = 0;
  /** A window of one old pack: entries read in pack order (a rerun of the same corpus) cost one read per batch. */
  private window = Buffer.allocUnsafeSlow(BATCH);
  private windowPack = -1;
  private windowStart = 0;
  private windowEnd = 0;

  constructor(spec: CacheSpec) {
    this.dir = spec.dir;
    this.root = join(spec.dir, spec.version);
    const index = readIndex(this.root);
    if (index !== null) {
      for (const name of index.packs) this.oldPacks.push({ name, fd: null, broken: false, used: 0 });
      try {
        for (const [key, pack, offset, length, crc] of index.entries) {
          if (this.oldPacks[pack] !== undefined) this.entries.set(key, { pack, offset, length, crc });
        }
      } catch {
        // An index that is not what this code wrote is no cache.
        this.entries.clear();
      }
    }
    // Never the name of a pack the index still lists: the rename on commit would replace it.
    this.newPack = `${Date.now()}-${process.pid}-${(packSerial += 1)}.pack`;
    this.newTmp = join(this.root, `.${this.newPack}.tmp`);
  }

  /** The key of one input record (the version is the folder above it). */
  key(input: string): string {
    return cacheKey(input);
  }

  /** Whether the previous run left entries to look up (on a first run no key can hit). */
  get hasEntries(): boolean {
    return this.entries.size > 0;
  }

  /** The text stored under `key` by the previous run, if intact; it is kept for the next run. */
  get(key: string): string | undefined {
    const where = this.entries.get(key);
    if (where === undefined) return undefined;
    const bytes = this.readOld(where);
    if (bytes === undefined || crc32(bytes) !== where.crc) return undefined;
    if (!this.writtenKeys.has(key)) {
      this.writtenKeys.add(key);
      this.written.push([key, where.pack, where.offset, where.length, where.crc]);
      this.oldPacks[where.pack]!.used += where.length;
    }
    return bytes.toString("utf8");
  }

  /** Stores a result computed in this run, as text (see `CacheCodec`). */
  set(key: string, text: string): void {
    // A document that occurs twice in the corpus is stored once.
    if (this.writtenKeys.has(key)) return;
    // UTF-8 would turn a lone surrogate into U+FFFD: such a rare result is computed again next time.
    if (!text.isWellFormed()) return;
    const most = text.length * UTF8_PER_UNIT;
    if (most > this.batch.length - this.used) this.flush();
    if (most > this.batch.length) {
      const bytes = Buffer.from(text, "utf8");
      this.appendNew(key, bytes, crc32(bytes));
      return;
    }
    const length = this.batch.write(text, this.used, "utf8");
    this.record(key, length, crc32(this.batch.subarray(this.used, this.used + length)));
    this.used += length;
  }

  /** Makes this run's entries the cache and removes the packs it no longer uses and other versions. */
  commit(): void {
    let packs: string[];
    try {
      const keep = this.packsToKeep();
      this.written = this.written.filter((entry) => keep.has(entry[1]) || this.moveToNew(entry));
      packs = [...keep].filter((pack) => pack !== NEW_PACK).map((pack) => this.oldPacks[pack]!.name);
      const place = new Map([...keep].filter((pack) => pack !== NEW_PACK).map((pack, i) => [pack, i]));
      this.flush();
      if (this.newFd !== null) {
        closeSync(this.newFd);
        this.newFd = null;
        renameSync(this.newTmp, join(this.root, this.newPack));
        place.set(NEW_PACK, packs.length);
        packs.push(this.newPack);
      }
      for (const entry of this.written) entry[1] = place.get(entry[1])!;
      const index: PackIndex = { format: FORMAT, packs, entries: this.written };
      mkdirSync(this.root, { recursive: true });
      const tmpIndex = join(this.root, `.${INDEX}.${process.pid}.tmp`);
      writeFileSync(tmpIndex, JSON.stringify(index));
      renameSync(tmpIndex, join(this.root, INDEX));
    } catch {
      // A cache that cannot be written costs only speed on the next run.
      this.abort();
      return;
    }
    this.closeOldPacks();
    const live = new Set([INDEX, ...packs]);
    for (const name of readdirSync(this.root)) {
      if (!live.has(name) && !name.startsWith(".")) rmSync(join(this.root, name), { force: true });
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
    this.closeOldPacks();
  }

  private closeOldPacks(): void {
    for (const pack of this.oldPacks) {
      if (pack.fd !== null) closeSync(pack.fd);
      pack.fd = null;
    }
  }

  // The old packs that stay as they are: used at least half, the largest MAX_PACKS - 1 of them; the new pack always.
  private packsToKeep(): Set<number> {
    const kept = this.oldPacks
      .map((pack, i) => ({ i, used: pack.used, size: pack.fd === null ? 0 : fstatSync(pack.fd).size }))
      .filter((pack) => pack.used > 0 && pack.used * 2 >= pack.size)
      .sort((a, b) => b.used - a.used)
      .slice(0, MAX_PACKS - 1);
    return new Set([...kept.map((pack) => pack.i), NEW_PACK]);
  }

  // Copies an entry of a pack that goes into the new pack; false if it can no longer be read intact.
  private moveToNew(entry: IndexEntry): boolean {
    const [, pack, offset, length, crc] = entry;
    const bytes = this.readOld({ pack, offset, length, crc });
    if (bytes === undefined || crc32(bytes) !== crc) return false;
    entry[1] = NEW_PACK;
    entry[2] = this.flushed + this.used;
    this.writeBytes(bytes);
    return true;
  }

  // The entry's bytes in its old pack, valid until the next read; undefined if they cannot be read.
  private readOld({ pack, offset, length }: Entry): Buffer | undefined {
    const old = this.oldPacks[pack]!;
    if (old.fd === null && !old.broken) {
      try {
        old.fd = openSync(join(this.root, old.name), "r");
      } catch {
        old.broken = true;
      }
    }
    if (old.fd === null) return undefined;
    if (pack !== this.windowPack || offset < this.windowStart || offset + length > this.windowEnd) {
      // Read ahead only where the last read ended: entries asked for out of order are read alone.
      const span = pack === this.windowPack && offset === this.windowEnd ? Math.max(length, BATCH) : length;
      if (span > this.window.length) this.window = Buffer.allocUnsafeSlow(span);
      let got: number;
      try {
        got = readSync(old.fd, this.window, 0, span, offset);
      } catch {
        got = 0;
      }
      this.windowPack = pack;
      this.windowStart = offset;
      this.windowEnd = offset + got;
      if (got < length) return undefined;
    }
    const start = offset - this.windowStart;
    return this.window.subarray(start, start + length);
  }

  // The new pack's next offset is `flushed + used` whether or not the buffer is flushed first.
  private record(key: string, length: number, crc: number): void {
    this.writtenKeys.add(key);
    this.written.push([key, NEW_PACK, this.flushed + this.used, length, crc]);
  }

  private appendNew(key: string, bytes: Buffer, crc: number): void {
    this.record(key, bytes.length, crc);
    this.writeBytes(bytes);
  }

  // Appends bytes at the end of the new pack (after a flush if they do not fit in the write buffer).
  private writeBytes(bytes: Buffer): void {
    if (bytes.length > this.batch.length) {
      this.flush();
      this.writeAll(bytes);
      this.flushed += bytes.length;
      return;
    }
    if (bytes.length > this.batch.length - this.used) this.flush();
    bytes.copy(this.batch, this.used);
    this.used += bytes.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.batch.subarray(0, this.used));
    this.flushed += this.used;
    this.used = 0;
  }

  private writeAll(data: Buffer): void {
    if (this.newFd === null) {
      mkdirSync(this.root, { recursive: true });
      this.newFd = openSync(this.newTmp, "w");
    }
    let done = 0;
    while (done < data.length) done += writeSync(this.newFd, data, done);
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
