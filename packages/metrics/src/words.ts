/** Whitespace by char code (ASCII, no-break space, the Unicode spaces block, line/paragraph separators). */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Punctuation that never makes a token a word on its own: ASCII punctuation, « », and the General Punctuation block. */
function isPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126) ||
    code === 0xab ||
    code === 0xbb ||
    (code >= 0x2010 && code <= 0x205e)
  );
}

/**
 * Counts words: whitespace-separated tokens holding at least one character that is not punctuation,
 * so a Swedish dash ("–") or a lone quotation mark is not a word. Char-code scan, no regex.
 */
export function countWords(text: string): number {
  let words = 0;
  let inToken = false;
  let tokenHasWordChar = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (inToken && tokenHasWordChar) words += 1;
      inToken = false;
      tokenHasWordChar = false;
    } else {
      inToken = true;
      if (!isPunctuation(code)) tokenHasWordChar = true;
    }
  }
  if (inToken && tokenHasWordChar) words += 1;
  return words;
}
