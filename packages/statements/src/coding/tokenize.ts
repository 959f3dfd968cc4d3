const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const COLON = 0x3a;
const PERIOD = 0x2e;

/** Letters and digits of the Latin scripts (ASCII, Latin-1, Latin Extended-A/B) and Cyrillic. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return c >= 0x400 && c <= 0x4ff;
}

function isJoiner(c: number): boolean {
  return c === HYPHEN || c === 0x2010 || c === 0x2011 || c === APOSTROPHE || c === RIGHT_QUOTE || c === COLON;
}

/**
 * Where the word that starts with the word character at `start` ends. Hyphens, apostrophes and colons
 * inside a word keep it whole ("anti-russian", "russia's", "csto:s"); dotted abbreviations stay one
 * token ("u.s.-russia").
 */
export function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  // Length of the current dot-separated segment, to recognise abbreviations like "u.s.".
  let segment = 0;
  let dotted = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      segment++;
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (isJoiner(c) && isWordChar(next)) {
      segment = 0;
      i++;
      continue;
    }
    if (c === PERIOD && segment === 1 && (isWordChar(next) || dotted)) {
      dotted = true;
      segment = 0;
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** Where the next word at or after `from` starts (`text.length` when none does). */
export function wordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** A token as the matcher looks it up: lower-cased, curly apostrophes made straight so cues need one spelling. */
export function lowerToken(text: string, start: number, end: number): string {
  const token = text.slice(start, end).toLowerCase();
  return token.includes("\u2019") ? token.replaceAll("\u2019", "'") : token;
}

/** Splits text into lower-cased word tokens (see `wordEnd` and `lowerToken`) in one char-code pass. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (let start = wordStart(text, 0); start < text.length; ) {
    const end = wordEnd(text, start);
    tokens.push(lowerToken(text, start, end));
    start = wordStart(text, end);
  }
  return tokens;
}

/**
 * The forms a token is looked up under: itself, its base without a possessive or clitic ("russia's"
 * → "russia", "csto:s" → "csto"), the clitic alone ("we'll" → "'ll"), and the parts of a hyphenated
 * compound ("csto-trupperna" → "csto", "trupperna").
 */
export function lookupForms(token: string): string[] {
  const forms = [token];
  const apostrophe = token.indexOf("'");
  if (apostrophe > 0) forms.push(token.slice(0, apostrophe), token.slice(apostrophe));
  const colon = token.indexOf(":");
  if (colon > 0) forms.push(token.slice(0, colon));
  const hyphen = token.indexOf("-");
  if (hyphen > 0) {
    forms.push(token.slice(0, hyphen));
    const last = token.lastIndexOf("-");
    if (last + 1 < token.length) forms.push(token.slice(last + 1));
  }
  return forms;
}
