import { CLOSE_QUOTE, DASH, OPEN_QUOTE, isSpace } from "./chars";

// Everything that changes, found by one native regex scan that never stops at a plain space: odd
// whitespace and invisible characters, every double-quote style (and '' for one), em/figure dashes
// and minus, and a hyphen before a space (a dash when it also follows one). Single characters come
// first in one class, which the regex engine scans for fastest; a run of odd spaces then becomes
// several spaces, collapsed with the others afterwards.
const SPECIAL = /[\t\n\r\u00a0\u2000-\u200d\u202f\u3000\u00ad\ufeff"\u201c-\u201f\u00ab\u00bb\u2033\u2012\u2014\u2015\u2212]|''|-(?=\s)/g;
const SPACE_RUN = / {2,}/g;

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

function replacement(match: string, offset: number, text: string): string {
  const code = match.charCodeAt(0);
  if (isSpace(code)) return " ";
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xad || code === 0xfeff) return "";
  const prev = offset > 0 ? text.charCodeAt(offset - 1) : -1;
  if (code === 0x2d) return prev < 0 || isSpace(prev) ? DASH : match;
  if ((code >= 0x2012 && code <= 0x2015) || code === 0x2212) return DASH;
  const next = offset + match.length < text.length ? text.charCodeAt(offset + match.length) : -1;
  return isOpeningContext(prev) && next >= 0 && !isSpace(next) ? OPEN_QUOTE : CLOSE_QUOTE;
}

/**
 * Unifies quotation marks to one “…” pair (deciding open or close from the neighbours, so »…» and
 * "…" work too), dashes to –, a hyphen standing alone (as at the start of a Swedish dash quote) to –,
 * and whitespace to single spaces. Apostrophes are left alone.
 */
export function unifyPunctuation(text: string): string {
  SPECIAL.lastIndex = 0;
  const unified = text.replace(SPECIAL, replacement);
  return (unified.includes("  ") ? unified.replace(SPACE_RUN, " ") : unified).trim();
}
