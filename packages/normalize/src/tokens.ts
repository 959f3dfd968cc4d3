import { isDigit, isLetter, isUpper } from "./chars";

/**
 * Words of a text as parallel arrays, filled in one char-code scan: offsets and flags.
 * One allocation per document, not per word.
 */
export interface TokenList {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** NON_ASCII | CAPITALISED bits. */
  flags: Uint8Array;
}

/** The word has a letter beyond ASCII (å, ä, ö …). */
export const NON_ASCII = 1;
/** The word starts with an upper-case letter. */
export const CAPITALISED = 2;
/** Longer words are never stopwords; a hash covers only this many chars. */
export const MAX_HASHED_LENGTH = 16;

const HASH_SEED = 0x811c9dc5 | 0;

/** Lower-cases Latin letters by char code; other scripts pass through. */
export function lowerCode(code: number): number {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)) return code + 32;
  return code;
}

/** FNV-1a over the lower-cased char codes of text[start, end), kept to 30 bits so it stays a small integer. */
export function wordHash(text: string, start = 0, end = text.length): number {
  let hash = HASH_SEED;
  for (let i = start; i < end && i - start < MAX_HASHED_LENGTH; i++) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), 16777619);
  return hash & 0x3fffffff;
}

// One table lookup per char instead of range tests. The first two bits are the token flags they set,
// so a word's flags are gathered by OR-ing its chars' classes.
const NON_ASCII_CHAR = NON_ASCII;
const UPPER = CAPITALISED;
const WORD = 4;
const JOINER = 8;
const CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (isDigit(code) || isLetter(code)) table[code]! |= WORD | (code >= 0x80 ? NON_ASCII_CHAR : 0);
    if (isUpper(code)) table[code]! |= UPPER;
  }
  // Joiners kept inside a word when a letter or digit follows: Jean-Luc, UNICEF’s, Nato:s, U.S, e.Kr.
  for (const code of [0x2d, 0x2019, 0x27, 0x3a, 0x2e, 0x2010, 0x2011]) table[code]! |= JOINER;
  return table;
})();

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Token capacity (about 2.4 MB of arrays, a 1 MB text) up to which TokenBuffers keep what tokenize grew. */
const MAX_KEPT_TOKENS = 1 << 18;

/**
 * Arrays a caller that tokenizes text after text hands back to tokenize, so they are allocated once
 * (and grown) instead of per text. A TokenList filled into them holds only until their next use.
 */
export class TokenBuffers {
  starts: Int32Array = new Int32Array(0);
  ends: Int32Array = new Int32Array(0);
  flags: Uint8Array = new Uint8Array(0);
}

/** Splits text[start, end) into words by char-code scanning, into `buffers` when given. */
export function tokenize(text: string, start = 0, end = text.length, buffers?: TokenBuffers): TokenList {
  // Words average six to seven chars with their space: a quarter of the length never needs to grow.
  let capacity = Math.max(16, (end - start) >> 2);
  let starts: Int32Array;
  let ends: Int32Array;
  let flags: Uint8Array;
  if (buffers && buffers.starts.length >= capacity) {
    ({ starts, ends, flags } = buffers);
    capacity = starts.length;
  } else {
    starts = new Int32Array(capacity);
    ends = new Int32Array(capacity);
    flags = new Uint8Array(capacity);
  }
  let count = 0;
  let i = start;
  while (i < end) {
    let cls = CLASSES[text.charCodeAt(i)]!;
    if ((cls & WORD) === 0) {
      i++;
      continue;
    }
    const s = i;
    // Only the first char's case counts; every word char's script does. A joiner stays when a word char follows.
    let flag = cls & (UPPER | NON_ASCII_CHAR);
    for (i++; i < end; i++) {
      cls = CLASSES[text.charCodeAt(i)]!;
      if (cls & WORD) flag |= cls & NON_ASCII_CHAR;
      else if (!(cls & JOINER && i + 1 < end && CLASSES[text.charCodeAt(i + 1)]! & WORD)) break;
    }
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, new Int32Array(capacity));
      ends = grow(ends, new Int32Array(capacity));
      flags = grow(flags, new Uint8Array(capacity));
    }
    starts[count] = s;
    ends[count] = i;
    flags[count] = flag;
    count++;
  }
  // A huge document's arrays are not kept: they would hold megabytes for the rest of the run.
  if (buffers && starts.length <= MAX_KEPT_TOKENS) {
    buffers.starts = starts;
    buffers.ends = ends;
    buffers.flags = flags;
  }
  return { text, count, starts, ends, flags };
}

/** The words of a short string, e.g. a registry spelling. */
export function words(text: string): string[] {
  const list = tokenize(text);
  const out: string[] = [];
  for (let t = 0; t < list.count; t++) out.push(text.slice(list.starts[t], list.ends[t]));
  return out;
}
