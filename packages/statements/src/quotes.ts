import { isWhiteSpace } from "./tokens";

/** A span of text between quotation marks. Offsets index the normalized text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the end of the text the quote was cut at. */
  close: number;
  /** The quoted words, without the marks and surrounding blanks. */
  start: number;
  end: number;
  closed: boolean;
  /** The quote reopens a quote left open at the end of the previous paragraph (multi-paragraph quote). */
  continues: boolean;
  paragraph: number;
}

export interface TextRange {
  start: number;
  end: number;
}

// Char codes, so the scan never builds one-character strings: “ „ « open; » closes.
const LEFT_DOUBLE = 0x201c;
const LOW_DOUBLE = 0x201e;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;
// Marks that open when no quote is open and close one otherwise: Swedish ” ” and straight quotes.
const RIGHT_DOUBLE = 0x201d;
const STRAIGHT_DOUBLE = 0x22;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE = 0x2019;
const COMMA = 0x2c;

const isOpener = (c: number) => c === LEFT_DOUBLE || c === LOW_DOUBLE || c === LEFT_GUILLEMET;
const isSymmetric = (c: number) => c === RIGHT_DOUBLE || c === STRAIGHT_DOUBLE;
const isApostrophe = (c: number) => c === APOSTROPHE || c === RIGHT_SINGLE;
/** " ' « » and ‘ ’ ‚ ‛ “ ” „: every mark the quote scanner acts on. */
const isQuoteMark = (c: number) => c === STRAIGHT_DOUBLE || c === APOSTROPHE || c === LEFT_GUILLEMET || c === RIGHT_GUILLEMET || (c >= 0x2018 && c <= 0x201e);

/** ‘ only opens a single quote; ’ and ' open or close one. */
const LEFT_SINGLE = 0x2018;
/** Fewest words a single-quoted span needs to be speech rather than a 'term' or scare quote. */
const MIN_SINGLE_QUOTE_WORDS = 3;

const isLetterCode = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 192;
const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isBlankCode = (code: number) => code === 32 || code === 9 || code === 10 || code === 160;

/** A single mark opens a quote after a blank, a bracket or a dash and before a letter: not "don't", not "'90s". */
export function opensSingleQuote(text: string, i: number, from: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== LEFT_SINGLE && c !== APOSTROPHE) return false;
  const before = i > from ? text.charCodeAt(i - 1) : 32;
  const beforeOk = isBlankCode(before) || before === 40 || before === 0x2013 || before === 0x2014 || before === 58;
  return beforeOk && isLetterCode(text.charCodeAt(i + 1));
}

/** A single mark closes a quote after a non-blank and before a blank, punctuation or the end: not "Russia's". */
export function closesSingleQuote(text: string, i: number, to: number): boolean {
  if (!isApostrophe(text.charCodeAt(i))) return false;
  const before = text.charCodeAt(i - 1);
  if (isBlankCode(before)) return false;
  if (i + 1 >= to) return true;
  const after = text.charCodeAt(i + 1);
  return !isLetterCode(after) && !isDigitCode(after);
}

function wordsIn(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const blank = isBlankCode(text.charCodeAt(i));
    if (!blank && !inWord) words += 1;
    inWord = !blank;
  }
  return words;
}

function isOpenerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isOpener(c) || isSymmetric(c);
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhiteSpace(text.charCodeAt(i))) i += 1;
  return i;
}

function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && isWhiteSpace(text.charCodeAt(s))) s += 1;
  while (e > s && (isWhiteSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === COMMA)) e -= 1;
  return { start: s, end: e };
}

/**
 * Finds quotations in the given paragraphs in one pass over their characters. A quote left open at
 * the end of a paragraph continues when the next paragraph opens with a quotation mark (the English
 * convention); otherwise it is cut at the end of its sentence, so one stray mark never swallows a page.
 */
export function findQuotes(
  text: string,
  paragraphs: readonly (TextRange & { index: number })[],
  sentenceEnd: (offset: number) => number,
): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let carry = false;
  // The paragraph being scanned and its open quote, shared with the two helpers (made once, not per paragraph).
  let paragraph = -1;
  let open = -1;
  let continues = false;
  const push = (closeAt: number, contentEnd: number, closed: boolean) => {
    const r = trimRange(text, open + 1, contentEnd);
    if (r.end > r.start) quotes.push({ open, close: closeAt, start: r.start, end: r.end, closed, continues, paragraph });
    open = -1;
    continues = false;
  };
  const cutUnclosed = (limit: number) => {
    const end = Math.min(sentenceEnd(open), limit);
    push(end, end, false);
  };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    paragraph = p.index;
    open = -1;
    // A single-quoted span ('…', ‘…’) counts only outside double quotes, where it would be nested.
    let single = -1;
    continues = carry;
    carry = false;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      // Only quotation marks and apostrophes open, close or cut a quote.
      if (!isQuoteMark(c)) continue;
      const twoApostrophes = isApostrophe(c) && isApostrophe(text.charCodeAt(i + 1));
      if (open < 0 && !twoApostrophes) {
        if (single >= 0 && closesSingleQuote(text, i, p.end)) {
          const r = trimRange(text, single + 1, i);
          if (wordsIn(text, r.start, r.end) >= MIN_SINGLE_QUOTE_WORDS) {
            quotes.push({ open: single, close: i + 1, start: r.start, end: r.end, closed: true, continues: false, paragraph: p.index });
          }
          single = -1;
          continue;
        }
        if (single < 0 && opensSingleQuote(text, i, p.start)) {
          single = i;
          continue;
        }
      }
      if (open >= 0 && (c === RIGHT_GUILLEMET || isSymmetric(c) || twoApostrophes || (c === LEFT_DOUBLE && text.charCodeAt(open) === LOW_DOUBLE))) {
        push(i + (twoApostrophes ? 2 : 1), i, true);
        if (twoApostrophes) i += 1;
      } else if (isOpener(c) || isSymmetric(c)) {
        single = -1;
        if (open >= 0) cutUnclosed(i);
        open = i;
      }
    }
    if (open >= 0) {
      const next = paragraphs[pi + 1];
      if (next && isOpenerAt(text, firstNonSpace(text, next.start, next.end))) {
        push(p.end, p.end, false);
        carry = true;
      } else {
        cutUnclosed(p.end);
      }
    }
  }
  return quotes;
}
