import { isDigit, isLetter } from "./chars";

/** Words of a text as parallel offset arrays: one allocation per document, not one per word. */
export interface TokenList {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

// Joiners kept inside a word when a letter or digit follows: Kasym-Zjomart, RIAC’s, CSTO:s, U.S, R.Politik.
function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2019 || code === 0x27 || code === 0x3a || code === 0x2e || code === 0x2010 || code === 0x2011;
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || isDigit(code) || (code >= 0x80 && isLetter(code));
}

/** Splits text[start, end) into words by char-code scanning. */
export function tokenize(text: string, start = 0, end = text.length): TokenList {
  let starts = new Int32Array(Math.max(16, (end - start) >> 3));
  let ends = new Int32Array(starts.length);
  let count = 0;
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
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      const grownEnds = new Int32Array(count * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    starts[count] = s;
    ends[count] = i;
    count++;
  }
  return { text, count, starts, ends };
}

/** The words of a short string, e.g. a registry spelling. */
export function words(text: string): string[] {
  const list = tokenize(text);
  const out: string[] = [];
  for (let t = 0; t < list.count; t++) out.push(text.slice(list.starts[t], list.ends[t]));
  return out;
}
