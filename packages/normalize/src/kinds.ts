import type { Paragraph } from "@viewpoints/artifacts";
import { CLOSE_QUOTE_CODE, DASH_CODE, OPEN_QUOTE_CODE, countWords, isCloser } from "./chars";

const MAX_TITLE_WORDS = 25;
const MAX_HEADING_WORDS = 12;
/** A question can be a sub-heading ("Knyts närmare?") only when it is this short. */
const MAX_QUESTION_HEADING_WORDS = 6;

/** A paragraph opening with "– " after punctuation was unified: a Swedish dash quote. */
export function isDashQuote(paragraph: string): boolean {
  return paragraph.charCodeAt(0) === DASH_CODE && paragraph.charCodeAt(1) === 0x20;
}

function endCode(paragraph: string): number {
  let e = paragraph.length;
  while (e > 0 && isCloser(paragraph.charCodeAt(e - 1))) e--;
  return e > 0 ? paragraph.charCodeAt(e - 1) : -1;
}

function fullyQuoted(paragraph: string): boolean {
  return paragraph.charCodeAt(0) === OPEN_QUOTE_CODE && paragraph.charCodeAt(paragraph.length - 1) === CLOSE_QUOTE_CODE;
}

/**
 * Tells a headline, a sub-heading or fact-box title, and running text apart by shape: length,
 * final punctuation, position, and the language's heading prefixes ("Fakta:").
 */
export function paragraphKind(
  paragraph: string,
  index: number,
  headingPrefixes: readonly string[],
  metaTitle: string | null,
): Paragraph["kind"] {
  if (isDashQuote(paragraph)) return "body";
  // Only the first paragraph can be the title: later ones need counting only past the heading limit.
  const words = countWords(paragraph, (index === 0 ? MAX_TITLE_WORDS : MAX_HEADING_WORDS) + 1);
  const end = endCode(paragraph);
  const sentenceEnd = end === 0x2e || end === 0x21 || end === 0x2026;
  if (index === 0) {
    if (metaTitle !== null && metaTitle.trim() === paragraph) return "title";
    if (words <= MAX_TITLE_WORDS && (!sentenceEnd || fullyQuoted(paragraph)) && end !== 0x3a) return "title";
  }
  if (words > MAX_HEADING_WORDS) return "body";
  for (const prefix of headingPrefixes) if (paragraph.startsWith(prefix)) return "heading";
  if (end === 0x3f) return words <= MAX_QUESTION_HEADING_WORDS ? "heading" : "body";
  if (end === 0x3a) return "body";
  return sentenceEnd ? "body" : "heading";
}
