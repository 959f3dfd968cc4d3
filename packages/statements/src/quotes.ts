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
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    let open = -1;
    let continues = carry;
    carry = false;
    const push = (closeAt: number, contentEnd: number, closed: boolean) => {
      const r = trimRange(text, open + 1, contentEnd);
      if (r.end > r.start) quotes.push({ open, close: closeAt, start: r.start, end: r.end, closed, continues, paragraph: p.index });
      open = -1;
      continues = false;
    };
    const cutUnclosed = (limit: number) => {
      const end = Math.min(sentenceEnd(open), limit);
      push(end, end, false);
    };
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      const twoApostrophes = isApostrophe(c) && isApostrophe(text.charCodeAt(i + 1));
      if (open >= 0 && (c === RIGHT_GUILLEMET || isSymmetric(c) || twoApostrophes || (c === LEFT_DOUBLE && text.charCodeAt(open) === LOW_DOUBLE))) {
        push(i + (twoApostrophes ? 2 : 1), i, true);
        if (twoApostrophes) i += 1;
      } else if (isOpener(c) || isSymmetric(c)) {
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
