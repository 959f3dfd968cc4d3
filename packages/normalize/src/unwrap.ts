import { isCloser, isLetter, isLower, isSpace, isTerminator, isUpper } from "./chars";

/** How a wrapped block is recognised and re-joined. */
const MIN_WRAPPED_LINES = 3;
/** Share of line breaks inside a block that continue a sentence in lower case before the block counts as hard-wrapped. */
const WRAPPED_SHARE = 0.2;
/** A line shorter than this share of the block's width that ends a sentence ends its paragraph. */
const SHORT_LINE = 0.8;
const LINE_BREAK = /\r\n|\r|\n/;
/** Glued headings are at most this many words ("Farm protests The union …"). */
const MAX_GLUED_HEADING_WORDS = 5;

function lastCode(line: string): number {
  let e = line.length;
  while (e > 0 && isCloser(line.charCodeAt(e - 1))) e--;
  return e > 0 ? line.charCodeAt(e - 1) : -1;
}

function firstLetterCode(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isLetter(c)) return c;
    if (!isSpace(c) && c !== 0x201c && c !== 0x22 && c !== 0x28) return -1;
  }
  return -1;
}

/** Line breaks of a block that continue a sentence in lower case, and all its line breaks. */
function continuedBreaks(lines: readonly string[]): { continued: number; breaks: number } {
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const end = lastCode(lines[i]!);
    if (!isTerminator(end) && end !== 0x3a && isLower(firstLetterCode(lines[i + 1]!))) continued++;
  }
  return { continued, breaks: Math.max(0, lines.length - 1) };
}

// A wrapped block breaks lines mid-sentence: a line not ending a sentence followed by a lower-case word.
function isWrapped(lines: readonly string[]): boolean {
  if (lines.length < MIN_WRAPPED_LINES) return false;
  const { continued, breaks } = continuedBreaks(lines);
  return continued >= 2 && continued / breaks >= WRAPPED_SHARE;
}

/**
 * A text with blank lines between short paragraphs is hard-wrapped as a whole when its blocks, taken
 * together, break lines mid-sentence: then even a two-line block is one wrapped paragraph.
 */
function isWrappedDocument(blocks: readonly (readonly string[])[]): boolean {
  let continued = 0;
  let breaks = 0;
  for (const block of blocks) {
    const counts = continuedBreaks(block);
    continued += counts.continued;
    breaks += counts.breaks;
  }
  return continued >= MIN_WRAPPED_LINES && continued / breaks >= WRAPPED_SHARE;
}

/** A line opening with a dash or bullet and a space: a dash quote or list item starts its own paragraph. */
function opensWithDash(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 0x2013 || c === 0x2014 || c === 0x2d || c === 0x2022) && line.charCodeAt(1) === 0x20;
}

const CLOSING_OF: Record<number, number> = { 0x201c: 0x201d, 0x22: 0x22, 0x28: 0x29, 0xab: 0xbb };

// A paragraph that opened with a quote or bracket ends where a line closes it: a quoted headline, a caption in parentheses.
function closesEnclosure(opening: number, line: string): boolean {
  const closing = CLOSING_OF[opening];
  return closing !== undefined && line.charCodeAt(line.length - 1) === closing;
}

/**
 * A paragraph ends at a short line that ends a sentence (or closes the quote or bracket the paragraph
 * opened with), or at a full line ending a sentence when the next line is short without ending one:
 * some layouts break a paragraph's first line early.
 */
function endsParagraph(line: string, next: string | undefined, width: number, opening: number): boolean {
  const end = lastCode(line);
  const short = line.length < SHORT_LINE * width;
  if (end === 0x3a) return short;
  if (short) return isTerminator(end) || closesEnclosure(opening, line);
  return isTerminator(end) && next !== undefined && next.length < SHORT_LINE * width && !isTerminator(lastCode(next));
}

/**
 * Splits "Farm protests The union …" into a heading and its paragraph: a few capitalised-then-lower
 * words with no punctuation, followed by a capitalised stopword that starts the real sentence.
 */
export function splitGluedHeading(line: string, starters: ReadonlySet<string>): [string, string] | null {
  const words = line.split(" ", MAX_GLUED_HEADING_WORDS + 2);
  const first = words[0];
  if (!first || !isUpper(first.charCodeAt(0))) return null;
  for (let k = 1; k <= MAX_GLUED_HEADING_WORDS && k < words.length; k++) {
    const word = words[k]!;
    const prev = words[k - 1]!;
    for (let c = 0; c < prev.length; c++) if (!isLetter(prev.charCodeAt(c)) && prev.charCodeAt(c) !== 0x2d) return null;
    if (isUpper(word.charCodeAt(0))) {
      if (!starters.has(word.toLowerCase()) || starters.has(prev.toLowerCase())) return null;
      const cut = words.slice(0, k).join(" ").length;
      return [line.slice(0, cut), line.slice(cut + 1)];
    }
    if (!isLower(word.charCodeAt(0))) return null;
  }
  return null;
}

/**
 * Turns raw text into paragraphs. Blank lines separate blocks; in a normal block each line is a
 * paragraph, in a hard-wrapped block lines are re-joined and a paragraph ends at a short line that
 * ends a sentence. Glued headings at paragraph starts of wrapped blocks are split off.
 */
export function unwrapParagraphs(raw: string, starters: ReadonlySet<string>): string[] {
  const blocks: string[][] = [[]];
  // Splitting at a plain "\n" is several times faster than at the line-break regex, and the same without "\r".
  for (const rawLine of raw.includes("\r") ? raw.split(LINE_BREAK) : raw.split("\n")) {
    const line = rawLine.trim();
    if (line !== "") blocks[blocks.length - 1]!.push(line);
    else if (blocks[blocks.length - 1]!.length > 0) blocks.push([]);
  }
  const wrappedDocument = isWrappedDocument(blocks);
  let documentWidth = 0;
  for (const block of blocks) for (const line of block) documentWidth = Math.max(documentWidth, line.length);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (!(isWrapped(block) || (wrappedDocument && block.length > 1))) {
      paragraphs.push(...block);
      continue;
    }
    let width = wrappedDocument ? documentWidth : 0;
    for (const line of block) width = Math.max(width, line.length);
    let current: string[] = [];
    const push = () => {
      if (current.length) paragraphs.push(current.join(" "));
      current = [];
    };
    for (let l = 0; l < block.length; l++) {
      const line = block[l]!;
      if (current.length > 0 && opensWithDash(line) && isTerminator(lastCode(current[current.length - 1]!))) push();
      if (current.length === 0) {
        const glued = splitGluedHeading(line, starters);
        if (glued) {
          paragraphs.push(glued[0]);
          current.push(glued[1]);
        } else {
          current.push(line);
        }
      } else {
        current.push(line);
      }
      if (endsParagraph(line, block[l + 1], width, current[0]!.charCodeAt(0))) push();
    }
    push();
  }
  return paragraphs;
}
