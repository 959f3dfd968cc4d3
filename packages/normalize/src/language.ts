import type { Lang } from "@viewpoints/artifacts";
import type { KnownLang } from "./language-data";
import { NON_ASCII, MAX_HASHED_LENGTH, TokenBuffers, lowerCode, tokenize, wordHash, type TokenList } from "./tokens";

/** What detection needs of one language: its stopwords and the letters only it uses. */
export interface LanguageProfile {
  lang: KnownLang;
  stopwords: readonly string[];
  letters: string;
}

/** Below this much evidence a text is "unknown": too short to tell, never a guess. */
const MIN_EVIDENCE = 2;
/** The winner must outweigh the runner-up this many times, or the text is ambiguous. */
const DOMINANCE = 2;

/** Stopwords and letters of every language compiled for an allocation-free scan. */
export interface LanguageDetector {
  langs: KnownLang[];
  /** Open-addressing table over stopword hashes (linear probing): 1 + index into the slot arrays, 0 empty. */
  table: Int32Array;
  /** Per stopword: hash of its lower-case char codes, the word, and bit p set when it is a stopword of profile p. */
  slotHashes: Int32Array;
  slotWords: string[];
  slotMasks: Uint32Array;
  /**
   * By shape (length, first and last char, see shapeKey): 0 when no stopword has it (most other words
   * are rejected there), 1 + slot when exactly one has it (compared without hashing), -1 for several.
   */
  shapes: Int32Array;
  /** Letter code (below LETTER_TABLE_SIZE) → bit mask of the languages that use it. */
  letters: Uint32Array;
  maxWordLength: number;
}

/**
 * A word's length with the low five bits of its first and last char codes. Lower-casing adds 32 to a
 * Latin code, which keeps those bits, so a word and its lower-case form share the key.
 */
function shapeKey(text: string, start: number, end: number): number {
  return ((end - start) << 10) | ((text.charCodeAt(start) & 31) << 5) | (text.charCodeAt(end - 1) & 31);
}

/** Language-marking letters are looked up in a table over Latin-1 and Latin Extended. */
const LETTER_TABLE_SIZE = 0x250;

/** The smallest power of two at least four times `n`: probes stay short. */
function tableSize(n: number): number {
  let size = 16;
  while (size < 4 * n) size *= 2;
  return size;
}

/** Compiles language profiles once; detection then scans text without allocating. */
export function createLanguageDetector(profiles: readonly LanguageProfile[]): LanguageDetector {
  const masks = new Map<string, number>();
  const letters = new Uint32Array(LETTER_TABLE_SIZE);
  let maxWordLength = 0;
  profiles.forEach((profile, p) => {
    for (const raw of profile.stopwords) {
      const word = raw.toLowerCase();
      masks.set(word, (masks.get(word) ?? 0) | (1 << p));
      maxWordLength = Math.min(MAX_HASHED_LENGTH, Math.max(maxWordLength, word.length));
    }
    for (const ch of profile.letters) {
      for (const c of [ch.toLowerCase(), ch.toUpperCase()]) {
        const code = c.charCodeAt(0);
        if (code < LETTER_TABLE_SIZE) letters[code]! |= 1 << p;
      }
    }
  });
  const slotWords = [...masks.keys()];
  const slotHashes = Int32Array.from(slotWords, (word) => wordHash(word));
  const slotMasks = Uint32Array.from(slotWords, (word) => masks.get(word)!);
  const shapes = new Int32Array((MAX_HASHED_LENGTH + 1) << 10);
  slotWords.forEach((word, s) => {
    if (word.length > MAX_HASHED_LENGTH) return;
    const key = shapeKey(word, 0, word.length);
    shapes[key] = shapes[key] === 0 ? s + 1 : -1;
  });
  const table = new Int32Array(tableSize(slotWords.length));
  slotWords.forEach((_, s) => {
    let at = slotHashes[s]! & (table.length - 1);
    while (table[at] !== 0) at = (at + 1) & (table.length - 1);
    table[at] = s + 1;
  });
  return { langs: profiles.map((p) => p.lang), table, slotHashes, slotWords, slotMasks, shapes, letters, maxWordLength };
}

function sameWord(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lowerCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** The languages whose stopword text[start, end) is (lower-cased), as bits; 0 for none. */
function stopwordMask(detector: LanguageDetector, text: string, start: number, end: number): number {
  const { table, slotHashes, slotWords, slotMasks, shapes } = detector;
  const shape = shapes[shapeKey(text, start, end)]!;
  if (shape === 0) return 0;
  if (shape > 0) return sameWord(text, start, slotWords[shape - 1]!) ? slotMasks[shape - 1]! : 0;
  const tableMask = table.length - 1;
  const hash = wordHash(text, start, end);
  let mask = 0;
  for (let at = hash & tableMask, slot = table[at]!; slot !== 0; at = (at + 1) & tableMask, slot = table[at]!) {
    const word = slotWords[slot - 1]!;
    if (slotHashes[slot - 1] === hash && word.length === end - start && sameWord(text, start, word)) mask |= slotMasks[slot - 1]!;
  }
  return mask;
}

/**
 * Adds the language evidence of tokens [from, to) to `scores` (one entry per language): a point per
 * stopword and per short word with a language's letters. Long words are skipped: they are never
 * stopwords, and the short ones carry enough of the letters.
 */
export function addLanguageEvidence(detector: LanguageDetector, scores: number[], tokens: TokenList, from = 0, to = tokens.count): void {
  const { text, starts, ends, flags } = tokens;
  const maxLength = detector.maxWordLength;
  for (let t = from; t < to; t++) {
    const s = starts[t]!;
    const e = ends[t]!;
    if (e - s > maxLength) continue;
    let letterMask = 0;
    if (flags[t]! & NON_ASCII) {
      for (let i = s; i < e; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xc0 && code < LETTER_TABLE_SIZE) letterMask |= detector.letters[code]!;
      }
    }
    const stopMask = stopwordMask(detector, text, s, e);
    if ((stopMask | letterMask) === 0) continue;
    for (let p = 0; p < scores.length; p++) {
      const bit = 1 << p;
      scores[p]! += (stopMask & bit ? 1 : 0) + (letterMask & bit ? 1 : 0);
    }
  }
}

/** Decides from accumulated evidence: the dominant language, or "unknown" when evidence is thin or split. */
export function decideLanguage(detector: LanguageDetector, scores: readonly number[]): Lang {
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let p = 0; p < scores.length; p++) {
    const score = scores[p]!;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = p;
    } else if (score > second) {
      second = score;
    }
  }
  if (best < 0 || bestScore < MIN_EVIDENCE || bestScore < DOMINANCE * second) return "unknown";
  return detector.langs[best]!;
}

/** The tokens of one detection are read only within it: one set of arrays serves every call. */
const detectionBuffers = new TokenBuffers();

/**
 * Detects the language of text[start, end) from stopword hits and language-specific letters.
 * Returns "unknown" when the evidence is thin or split, never a guess.
 */
export function detectLanguage(detector: LanguageDetector, text: string, start = 0, end = text.length): Lang {
  const scores = new Array<number>(detector.langs.length).fill(0);
  addLanguageEvidence(detector, scores, tokenize(text, start, end, detectionBuffers));
  return decideLanguage(detector, scores);
}
