import { lowerToken } from "./tokenize";

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
/** Code units below this get their lower-case form from a table: the word characters of the coding tokenizer. */
const TABLE_END = 0x500;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const FIRST_SLOTS = 1 << 12;
/** Words kept before the table starts over, so a long run's vocabulary cannot grow it without bound. */
const MAX_WORDS = 1 << 16;

/** Each code unit's lower-case form where lower-casing maps it to one code unit alone, else -1 ("İ" becomes "i̇"). */
const LOWER = new Int32Array(TABLE_END).map((_, c) => {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -1;
});

/** The code unit `lowerToken` puts for `c`, or -1 when only lower-casing the whole word can tell. */
function lowerCode(c: number): number {
  if (c < TABLE_END) return LOWER[c]!;
  if (c === RIGHT_QUOTE) return APOSTROPHE;
  // The tokenizer's other marks above the table (non-breaking hyphens) have no case.
  return c === 0x2010 || c === 0x2011 ? c : -1;
}

/**
 * A per-word memo keyed by the lower-cased form (`lowerToken`) of a stretch of text, looked up
 * straight from the text: the matcher sees every word of every statement, and building a string per
 * word only to hash it cost more than the lookup. The words are kept as code units in one buffer,
 * so an entry holds no slice of a document alive.
 */
export class WordTable<T> {
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes: number[] = [];
  private offsets: number[] = [];
  private lengths: number[] = [];
  private values: T[] = [];
  private units = new Uint16Array(1 << 14);
  private used = 0;
  /** Words whose lower-case form differs in length from the text ("İ"): looked up by string. */
  private readonly rare = new Map<string, T>();

  constructor(private readonly compute: (word: string) => T) {}

  /** `compute(lowerToken(text, start, end))`, computed once per distinct word. */
  get(text: string, start: number, end: number): T {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = lowerCode(text.charCodeAt(i));
      if (c < 0) return this.rareWord(lowerToken(text, start, end));
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.insert(hash, text, start, end);
      if (this.hashes[entry] === hash && this.holds(entry, text, start, end)) return this.values[entry]!;
    }
  }

  private holds(entry: number, text: string, start: number, end: number): boolean {
    if (this.lengths[entry] !== end - start) return false;
    const offset = this.offsets[entry]! - start;
    for (let i = start; i < end; i++) if (this.units[offset + i] !== lowerCode(text.charCodeAt(i))) return false;
    return true;
  }

  private insert(hash: number, text: string, start: number, end: number): T {
    const value = this.compute(lowerToken(text, start, end));
    if (this.values.length >= MAX_WORDS) this.clear();
    const length = end - start;
    if (this.used + length > this.units.length) {
      const units = new Uint16Array(Math.max(2 * this.units.length, this.used + length));
      units.set(this.units);
      this.units = units;
    }
    for (let i = 0; i < length; i++) this.units[this.used + i] = lowerCode(text.charCodeAt(start + i));
    const entry = this.values.length;
    this.hashes.push(hash);
    this.offsets.push(this.used);
    this.lengths.push(length);
    this.values.push(value);
    this.used += length;
    // At half full, double the slots: probes stay short.
    if (2 * this.values.length > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(entry);
    return value;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < this.values.length; entry++) this.place(entry);
  }

  private clear(): void {
    this.slots = new Int32Array(FIRST_SLOTS);
    this.hashes = [];
    this.offsets = [];
    this.lengths = [];
    this.values = [];
    this.used = 0;
    this.rare.clear();
  }

  private rareWord(word: string): T {
    const hit = this.rare.get(word);
    if (hit !== undefined || this.rare.has(word)) return hit as T;
    const value = this.compute(word);
    if (this.rare.size >= MAX_WORDS) this.rare.clear();
    this.rare.set(word, value);
    return value;
  }
}
