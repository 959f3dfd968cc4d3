import { isCloser, isDigit, isLetter, isOpener, isSpace, isTerminator, isUpper } from "./chars";

/** What the splitter needs of a language (or of several merged, for text of unknown language). */
export interface SentenceRules {
  /** Abbreviations that may end a sentence, lower case, without the final dot: "t.ex", "u.s.s.r", "etc". */
  abbreviations: ReadonlySet<string>;
  /** Abbreviations that never end one: "dr", "mr", "st". */
  titleAbbreviations: ReadonlySet<string>;
  /** Lower-cased stopwords; after an abbreviation only a capitalised one of these starts a new sentence. */
  starters: ReadonlySet<string>;
}

/** A sentence as offsets into the text. */
export interface Span {
  start: number;
  end: number;
}

/** Lower-cases a list written with dots ("U.S.", "t.ex.") into the keys the splitter looks up. */
export function abbreviationKeys(list: readonly string[]): Set<string> {
  return new Set(list.map((a) => a.toLowerCase().replace(/\.$/, "")));
}

// Where the word ending right before the dot at `dot` starts, dots inside it included ("t.ex", "U.S.S.R", "J").
function wordStartBefore(text: string, dot: number, floor: number): number {
  let s = dot;
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (isLetter(c) || c === 0x2e) s--;
    else break;
  }
  return s;
}

// The word starting at `at`, after any opening quotes or brackets.
function wordAfter(text: string, at: number, end: number): string {
  let s = at;
  while (s < end && isOpener(text.charCodeAt(s))) s++;
  let e = s;
  while (e < end && isLetter(text.charCodeAt(e))) e++;
  return text.slice(s, e);
}

// Does the text at `at` look like the start of a sentence?
function startsSentence(text: string, at: number, end: number): boolean {
  let s = at;
  while (s < end && isOpener(text.charCodeAt(s))) s++;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  if (s >= end) return false;
  const c = text.charCodeAt(s);
  return isUpper(c) || isDigit(c);
}

/** The four terminator kinds; TerminatorIndex and splitSentences keep one slot per kind. */
const TERMINATORS = [".", "!", "?", "…"];

/**
 * Where each kind of terminator next occurs in a text, kept across the paragraphs of one document:
 * a search runs on past its paragraph's end, and what it found still answers for the paragraphs after.
 */
export class TerminatorIndex {
  /** Per kind: the last search started here and found the first terminator at `found` (the text's length for none). */
  private readonly from = [0, 0, 0, 0];
  private readonly found = [-1, -1, -1, -1];

  constructor(private readonly text: string) {}

  /** The first terminator of kind k at or after `from`, or the text's length. */
  next(k: number, from: number): number {
    let at = this.found[k]!;
    if (at < from || from < this.from[k]!) {
      at = this.text.indexOf(TERMINATORS[k]!, from);
      if (at < 0) at = this.text.length;
      this.from[k] = from;
      this.found[k] = at;
    }
    return at;
  }
}

function isAllDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

/**
 * Splits text[start, end) into sentences by char-code scanning. A terminator ends a sentence only
 * when whitespace and a sentence start follow, so "3.5", "U.S.-Russia", "“…,” said X" and
 * "”…”, säger X" stay whole; abbreviations and initials end one only before a capitalised stopword.
 */
export function splitSentences(text: string, rules: SentenceRules, start = 0, end = text.length, terminators = new TerminatorIndex(text)): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  while (sentenceStart < end && isSpace(text.charCodeAt(sentenceStart))) sentenceStart++;
  // Native indexOf finds the next terminator of each kind; the scan only looks at those positions.
  const next = [0, 0, 0, 0];
  for (let k = 0; k < TERMINATORS.length; k++) next[k] = Math.min(terminators.next(k, sentenceStart), end);
  let i = sentenceStart;
  while (i < end) {
    let nearest = end;
    for (let k = 0; k < TERMINATORS.length; k++) {
      if (next[k]! < i) next[k] = Math.min(terminators.next(k, i), end);
      if (next[k]! < nearest) nearest = next[k]!;
    }
    if (nearest >= end) break;
    i = nearest;
    const code = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isTerminator(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    if (j >= end || !isSpace(text.charCodeAt(j))) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    if (!startsSentence(text, k, end)) {
      i = j;
      continue;
    }
    if (code === 0x2e && j === i + 1) {
      // "1. Första punkten": a list number is no sentence of its own.
      if (isAllDigits(text, sentenceStart, i)) {
        i = j;
        continue;
      }
      const wordStart = wordStartBefore(text, i, sentenceStart);
      const word = text.slice(wordStart, i).toLowerCase();
      if (rules.titleAbbreviations.has(word)) {
        i = j;
        continue;
      }
      // An initial: one capital letter before the dot.
      const initial = i - wordStart === 1 && isUpper(text.charCodeAt(wordStart));
      const abbreviated = rules.abbreviations.has(word) || initial || word.includes(".");
      if (abbreviated && !rules.starters.has(wordAfter(text, k, end).toLowerCase())) {
        i = j;
        continue;
      }
    }
    spans.push({ start: sentenceStart, end: j });
    sentenceStart = k;
    i = k;
  }
  let last = end;
  while (last > sentenceStart && isSpace(text.charCodeAt(last - 1))) last--;
  if (last > sentenceStart) spans.push({ start: sentenceStart, end: last });
  return spans;
}
