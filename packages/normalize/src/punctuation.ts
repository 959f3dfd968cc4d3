import { CLOSE_QUOTE, DASH, OPEN_QUOTE, isSpace } from "./chars";

function isQuoteChar(code: number): boolean {
  // " “ ” „ ‟ « » ″
  return code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0xab || code === 0xbb || code === 0x2033;
}

function isDashChar(code: number): boolean {
  // ‒ – — ― and the minus sign used as a dash
  return code === 0x2012 || code === 0x2013 || code === 0x2014 || code === 0x2015 || code === 0x2212;
}

function opensHere(prev: number, next: number): boolean {
  const before = prev < 0 || isSpace(prev) || prev === 0x28 || prev === 0x5b || prev === 0x2013 || prev === 0x2f || prev === 0x201c;
  const after = next >= 0 && !isSpace(next);
  return before && after;
}

/**
 * Unifies quotation marks to one “…” pair (deciding open or close from the neighbours, so »…» and
 * "…" work too), dashes to –, a leading "- " or "— " to the Swedish dash-quote "– ", and whitespace
 * to single spaces. Apostrophes are left alone.
 */
export function unifyPunctuation(text: string): string {
  let out = "";
  let runStart = 0;
  const n = text.length;
  let lastOut = -1;
  const flush = (i: number) => {
    if (i > runStart) {
      out += text.slice(runStart, i);
      lastOut = text.charCodeAt(i - 1);
    }
  };
  const emit = (s: string, i: number, skip: number) => {
    flush(i);
    out += s;
    lastOut = s.length ? s.charCodeAt(s.length - 1) : lastOut;
    runStart = i + skip;
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 0x20 && !(i + 1 < n && isSpace(text.charCodeAt(i + 1)))) continue;
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      emit(" ", i, j - i);
      i = j - 1;
      continue;
    }
    if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xad || code === 0xfeff) {
      emit("", i, 1);
      continue;
    }
    // Two apostrophes stand for a double quote in old typewriter style ('' he added).
    const twoApostrophes = code === 0x27 && i + 1 < n && text.charCodeAt(i + 1) === 0x27;
    if (isQuoteChar(code) || twoApostrophes) {
      const width = twoApostrophes ? 2 : 1;
      const prev = i > runStart ? text.charCodeAt(i - 1) : lastOut;
      const next = i + width < n ? text.charCodeAt(i + width) : -1;
      emit(opensHere(prev, next) ? OPEN_QUOTE : CLOSE_QUOTE, i, width);
      i += width - 1;
      continue;
    }
    if (isDashChar(code) && code !== 0x2013) {
      emit(DASH, i, 1);
      continue;
    }
    // A hyphen standing alone between spaces, or opening the paragraph, is a dash.
    if (code === 0x2d && (i === 0 || isSpace(text.charCodeAt(i - 1))) && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
      emit(DASH, i, 1);
      continue;
    }
  }
  flush(n);
  return out.trim();
}
