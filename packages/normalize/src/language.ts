import type { Lang } from "@viewpoints/artifacts";
import type { KnownLang } from "./language-data";
import { NON_ASCII, MAX_HASHED_LENGTH, lowerCode, tokenize, wordHash, type TokenList } from "./tokens";

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

interface StopwordSlot {
  word: string;
  /** Bit p set: a stopword of profile p. */
  mask: number;
}

/** Stopwords and letters of every language compiled for an allocation-free scan. */
export interface LanguageDetector {
  langs: KnownLang[];
  /** Stopwords by hash of their lower-case char codes. */
  slots: Map<number, StopwordSlot[]>;
  /** Open-addressing table over the hashes: a cheap first check before the Map. */
  present: Uint8Array;
  /** Letter code (below LETTER_TABLE_SIZE) → bit mask of the languages that use it. */
  letters: Uint32Array;
  maxWordLength: number;
}

/** Size of the hash filter in front of the stopword map (a power of two, well above the stopword count). */
const PRESENT_SIZE = 1 << 14;
/** Language-marking letters are looked up in a table over Latin-1 and Latin Extended. */
const LETTER_TABLE_SIZE = 0x250;

/** Compiles language profiles once; detection then scans text without allocating. */
export function createLanguageDetector(profiles: readonly LanguageProfile[]): LanguageDetector {
  const slots = new Map<number, StopwordSlot[]>();
  const letters = new Uint32Array(LETTER_TABLE_SIZE);
  let maxWordLength = 0;
  profiles.forEach((profile, p) => {
    for (const raw of profile.stopwords) {
      const word = raw.toLowerCase();
      const hash = wordHash(word);
      const list = slots.get(hash) ?? [];
      const slot = list.find((s) => s.word === word);
      if (slot) slot.mask |= 1 << p;
      else list.push({ word, mask: 1 << p });
      slots.set(hash, list);
      maxWordLength = Math.min(MAX_HASHED_LENGTH, Math.max(maxWordLength, word.length));
    }
    for (const ch of profile.letters) {
      for (const c of [ch.toLowerCase(), ch.toUpperCase()]) {
        const code = c.charCodeAt(0);
        if (code < LETTER_TABLE_SIZE) letters[code]! |= 1 << p;
      }
    }
  });
  const present = new Uint8Array(PRESENT_SIZE);
  for (const hash of slots.keys()) present[hash & (PRESENT_SIZE - 1)] = 1;
  return { langs: profiles.map((p) => p.lang), slots, present, letters, maxWordLength };
}

function sameWord(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lowerCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
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
    let stopMask = 0;
    const hash = wordHash(text, s, e);
    const list = detector.present[hash & (PRESENT_SIZE - 1)] ? detector.slots.get(hash) : undefined;
    if (list) for (const slot of list) if (slot.word.length === e - s && sameWord(text, s, slot.word)) stopMask |= slot.mask;
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

/**
 * Detects the language of text[start, end) from stopword hits and language-specific letters.
 * Returns "unknown" when the evidence is thin or split, never a guess.
 */
export function detectLanguage(detector: LanguageDetector, text: string, start = 0, end = text.length): Lang {
  const scores = new Array<number>(detector.langs.length).fill(0);
  addLanguageEvidence(detector, scores, tokenize(text, start, end));
  return decideLanguage(detector, scores);
}
