const QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x2032, 0x60]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);

/**
 * Makes a statement and a gold anchor comparable: one space for any whitespace run, one quote mark,
 * one apostrophe, one dash, lower case. Normalizers differ in exactly these respects.
 */
export function normalizeForMatch(text: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x202f || c === 0x2009) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      space = false;
    }
    if (QUOTES.has(c)) out += '"';
    else if (APOSTROPHES.has(c)) out += "'";
    else if (DASHES.has(c)) out += "-";
    else out += text[i];
  }
  return out.normalize("NFC").toLowerCase();
}

/** A speaker name reduced for comparison: no diacritics, lower case, words joined by one space. */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
