import { CLOSE_QUOTE, DASH, OPEN_QUOTE, isSpace } from "./chars";

// What unification does with each char, looked up by char code in one pass (a regex over every
// paragraph cost more than the rest of the pass).
const KEEP = 0;
/** A plain space: dropped right after another space. */
const SPACE = 1;
/** Odd whitespace (tab, newline, no-break and typographic spaces): a run becomes one space. */
const ODD_SPACE = 2;
/** Invisible characters (zero-width, soft hyphen, BOM): removed. */
const INVISIBLE = 3;
/** Every double-quote style: open or close, from the neighbours. */
const DOUBLE_QUOTE = 4;
/** A straight apostrophe: two in a row are one double quote. */
const APOSTROPHE = 5;
/** Em and figure dashes, horizontal bar and minus: the en dash. */
const LONG_DASH = 6;
/** A hyphen: a dash when whitespace follows and whitespace (or nothing) precedes. */
const HYPHEN = 7;

const ACTIONS = (() => {
  const table = new Uint8Array(0x10000);
  const set = (action: number, codes: readonly number[]) => codes.forEach((code) => (table[code] = action));
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  set(SPACE, [0x20]);
  set(ODD_SPACE, [0x09, 0x0a, 0x0d, 0xa0, ...range(0x2000, 0x200a), 0x202f, 0x3000]);
  set(INVISIBLE, [0x200b, 0x200c, 0x200d, 0xad, 0xfeff]);
  set(DOUBLE_QUOTE, [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033]);
  set(APOSTROPHE, [0x27]);
  set(LONG_DASH, [0x2012, 0x2014, 0x2015, 0x2212]);
  set(HYPHEN, [0x2d]);
  return table;
})();

/** JavaScript's \s: what may follow a hyphen for it to stand alone. */
function isJsWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isOpeningContext(code: number): boolean {
  // Start, space, bracket, slash, a dash or an opening quote before the mark: it opens.
  return (
    code < 0 ||
    isSpace(code) ||
    code === 0x28 ||
    code === 0x5b ||
    code === 0x2f ||
    code === 0x2d ||
    (code >= 0x2012 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0x201c ||
    code === 0x201e ||
    code === 0xab
  );
}

/** The unified quote for a mark at text[at, at + length): neighbours are read in the original text. */
function quoteAt(text: string, at: number, length: number): string {
  const prev = at > 0 ? text.charCodeAt(at - 1) : -1;
  const next = at + length < text.length ? text.charCodeAt(at + length) : -1;
  return isOpeningContext(prev) && next >= 0 && !isSpace(next) ? OPEN_QUOTE : CLOSE_QUOTE;
}

/**
 * Unifies quotation marks to one “…” pair (deciding open or close from the neighbours, so »…» and
 * "…" work too), dashes to –, a hyphen standing alone (as at the start of a Swedish dash quote) to –,
 * and whitespace to single spaces. Apostrophes are left alone.
 */
export function unifyPunctuation(text: string): string {
  const n = text.length;
  let out = "";
  // text[copied, i) is unchanged and not yet appended to out.
  let copied = 0;
  let changed = false;
  let lastIsSpace = false;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const action = ACTIONS[code]!;
    if (action === KEEP) {
      lastIsSpace = false;
      i++;
      continue;
    }
    let replacement: string | null = null;
    let length = 1;
    switch (action) {
      case SPACE:
        if (lastIsSpace) replacement = "";
        lastIsSpace = true;
        break;
      case ODD_SPACE:
        while (i + length < n && ACTIONS[text.charCodeAt(i + length)] === ODD_SPACE) length++;
        replacement = lastIsSpace ? "" : " ";
        lastIsSpace = true;
        break;
      case INVISIBLE:
        replacement = "";
        break;
      case APOSTROPHE:
        if (text.charCodeAt(i + 1) === 0x27) {
          length = 2;
          replacement = quoteAt(text, i, 2);
        }
        lastIsSpace = false;
        break;
      case DOUBLE_QUOTE:
        replacement = quoteAt(text, i, 1);
        lastIsSpace = false;
        break;
      case LONG_DASH:
        replacement = DASH;
        lastIsSpace = false;
        break;
      default:
        if (i + 1 < n && isJsWhitespace(text.charCodeAt(i + 1)) && (i === 0 || isSpace(text.charCodeAt(i - 1)))) replacement = DASH;
        lastIsSpace = false;
    }
    if (replacement !== null) {
      out += text.slice(copied, i) + replacement;
      copied = i + length;
      changed = true;
    }
    i += length;
  }
  return (changed ? out + text.slice(copied) : text).trim();
}
