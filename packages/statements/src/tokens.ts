import { HASH_START, hashStep, TokenStrings } from "./token-strings";

/** A word or punctuation mark of the normalized text, with its offsets. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  word: boolean;
}

/** An apostrophe or hyphen, which joins the letters around it into one word. */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2011;

/** Letters and digits by char code: ASCII, Latin-1 and beyond, minus the punctuation blocks. */
export function isWordChar(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code < 0xc0) return false;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  return true;
}

/** Exactly the characters of the regex class `\s`, by char code (no regex in scanning loops). */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0 || code === 0x202f;

/** Where the first token of `text[from, to)` starts (`to` when there is none): the blanks tokenize skips. */
export function firstTokenStart(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** The token texts of the run, each kept once. */
const strings = new TokenStrings();

/**
 * Splits `text[from, to)` into tokens in one char-code pass. An apostrophe or hyphen between
 * letters stays inside the word ("RIAC’s", "Kasym-Zjomart"); any other mark is its own token.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i += 1;
      continue;
    }
    const start = i;
    const word = isWordChar(code);
    // Only text with an upper-case ASCII letter or a non-ASCII character can change when lower-cased.
    let mixed = code >= 0x80 || (code >= 0x41 && code <= 0x5a);
    let hash = hashStep(HASH_START, code);
    if (word) {
      i += 1;
      while (i < to) {
        const c = text.charCodeAt(i);
        // Lower-case ASCII letters, most of any text: a word character that lower-casing leaves alone.
        if (c >= 0x61 && c <= 0x7a) {
          hash = hashStep(hash, c);
          i += 1;
          continue;
        }
        if (isWordChar(c)) {
          if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) mixed = true;
          hash = hashStep(hash, c);
          i += 1;
        } else if (isJoiner(c) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) {
          const after = text.charCodeAt(i + 1);
          if (c >= 0x80 || after >= 0x80 || (after >= 0x41 && after <= 0x5a)) mixed = true;
          hash = hashStep(hashStep(hash, c), after);
          i += 2;
        } else break;
      }
    } else {
      i += 1;
    }
    const kept = strings.find(text, start, i, hash, mixed);
    tokens.push({ start, end: i, text: strings.text(kept), lower: strings.lower(kept), word });
  }
  return tokens;
}

/** True for a word that starts with an upper-case letter. */
export function isCapitalized(token: Token): boolean {
  // A first code unit that lower-casing changes implies the whole text changed.
  return token.word && token.text.charCodeAt(0) !== token.lower.charCodeAt(0);
}

/** Counts words in a slice without building tokens. */
export function countWords(text: string, from = 0, to = text.length): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord) n += 1;
    inWord = w;
  }
  return n;
}

/** Whether a slice has at most `max` words; stops counting as soon as it has more. */
export function hasAtMostWords(text: string, max: number, from = 0, to = text.length): boolean {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord && ++n > max) return false;
    inWord = w;
  }
  return true;
}

/** Ends in "'s" or "’s", as the regex /['’]s$/ tests: a genitive. */
export function endsWithGenitive(text: string): boolean {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 0x73) return false;
  const c = text.charCodeAt(n - 2);
  return c === 0x27 || c === 0x2019;
}
