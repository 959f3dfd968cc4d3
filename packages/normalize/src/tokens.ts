import { isDigit, isLetter } from "./chars";

/** A word of the text with its UTF-16 offsets. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

// Joiners kept inside a word when a letter or digit follows: Kasym-Zjomart, RIAC’s, CSTO:s, U.S, R.Politik.
function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2019 || code === 0x27 || code === 0x3a || code === 0x2e || code === 0x2010 || code === 0x2011;
}

function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

/** Splits text[start, end) into word tokens by char-code scanning. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    i++;
    for (;;) {
      while (i < end && isWordChar(text.charCodeAt(i))) i++;
      if (i + 1 < end && isJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    tokens.push({ start: s, end: i, text: text.slice(s, i) });
  }
  return tokens;
}
