// Character classes by char code: these run in every hot loop, where \p{..} regexes are slow on Node 20.

export const SPACE = 0x20;
export const NEWLINE = 0x0a;

/** Letters of the Latin, Greek and Cyrillic scripts (enough for names in Swedish and English text). */
export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return (code >= 0x370 && code <= 0x3ff) || (code >= 0x400 && code <= 0x52f) || (code >= 0x1e00 && code <= 0x1eff);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isUpper(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (!isLetter(code)) return false;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

export function isLower(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  if (!isLetter(code)) return false;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase() || ch === ch.toLowerCase();
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000;
}

/** . ! ? … */
export function isTerminator(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

export const OPEN_QUOTE = "“";
export const CLOSE_QUOTE = "”";
export const DASH = "–";
export const OPEN_QUOTE_CODE = 0x201c;
export const CLOSE_QUOTE_CODE = 0x201d;
export const DASH_CODE = 0x2013;

/** Characters that may follow a sentence terminator and still belong to the sentence. */
export function isCloser(code: number): boolean {
  return code === CLOSE_QUOTE_CODE || code === 0x22 || code === 0x27 || code === 0x2019 || code === 0x29 || code === 0x5d || code === 0xbb;
}

/** Characters that may open a sentence before its first letter. */
export function isOpener(code: number): boolean {
  return code === OPEN_QUOTE_CODE || code === 0x22 || code === 0x28 || code === 0x5b || code === 0x2018 || code === 0xab || code === DASH_CODE;
}

/** Counts space-separated words up to `limit` with native indexOf (tabs and odd spaces are rare after unwrapping). */
export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  let from = 0;
  const length = text.length;
  while (from < length) {
    if (text.charCodeAt(from) === SPACE) {
      from++;
      continue;
    }
    if (++n >= limit) break;
    const space = text.indexOf(" ", from);
    if (space < 0) break;
    from = space + 1;
  }
  return n;
}
