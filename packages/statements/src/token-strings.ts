/** Where a token's hash starts, and how each code unit moves it on (FNV-1a): the tokenizer folds it in as it scans. */
export const HASH_START = 0x811c9dc5;
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
const FIRST_SLOTS = 1 << 12;
/** Distinct token texts kept before the table starts over, so a long run's vocabulary cannot grow it without bound. */
const MAX_TEXTS = 1 << 16;

/**
 * One string per distinct token text (and its lower case), shared by every token that spells it. The
 * same few thousand words recur in every document: handing out the kept strings spares a slice and a
 * lower-casing per token, and V8 hashes each kept string once for all the set lookups that follow.
 * Kept texts are copies, never slices, so no entry holds a document's text alive.
 */
export class TokenStrings {
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes: number[] = [];
  private texts: string[] = [];
  private lowers: string[] = [];

  /**
   * The index of `text[start, end)`, kept with its lower case: `hash` is `hashStep` folded over its code
   * units from `HASH_START`, `mixed` says whether lower-casing may change it.
   */
  find(text: string, start: number, end: number, hash: number, mixed: boolean): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.insert(slot, hash, text, start, end, mixed);
      if (this.hashes[entry] === hash && spells(this.texts[entry]!, text, start, end)) return entry;
    }
  }

  text(entry: number): string {
    return this.texts[entry]!;
  }

  lower(entry: number): string {
    return this.lowers[entry]!;
  }

  private insert(slot: number, hash: number, text: string, start: number, end: number, mixed: boolean): number {
    if (this.texts.length >= MAX_TEXTS) {
      this.slots = new Int32Array(FIRST_SLOTS);
      this.hashes = [];
      this.texts = [];
      this.lowers = [];
      return this.find(text, start, end, hash, mixed);
    }
    // Joined from its characters: a copy, where a long slice would share (and keep) the document's string.
    const own = Array.from(text.slice(start, end)).join("");
    this.slots[slot] = this.texts.push(own);
    this.hashes.push(hash);
    this.lowers.push(mixed ? own.toLowerCase() : own);
    // At half full, double the slots: probes stay short, and a small table stays in cache.
    if (2 * this.texts.length > this.slots.length) this.rehash();
    return this.texts.length - 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.hashes.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

function spells(kept: string, text: string, start: number, end: number): boolean {
  if (kept.length !== end - start) return false;
  for (let k = 0; k < kept.length; k++) if (kept.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
