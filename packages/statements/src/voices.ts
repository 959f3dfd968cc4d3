import type { NormalizedDocument } from "@viewpoints/artifacts";
import type { ParagraphRole } from "./layout";
import type { QuoteSpan } from "./quotes";
import { hasAtMostWords } from "./tokens";

/** Words a quotation needs to be someone's speech rather than a term in quotation marks. */
const MIN_VOICE_QUOTE_WORDS = 4;
/** Shorter lines are bylines, credits or sub-headings, not running text. */
const MIN_RUNNING_WORDS = 8;

/**
 * Share of running-text paragraphs that carry someone else's words: a dash quote, a quotation of
 * speech (any marks, single ones included), or reported speech of a named person. A story mostly
 * told in others' voices is reportage, whoever's byline it bears.
 */
export function othersVoiceShare(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  quotes: readonly QuoteSpan[],
  /** Whether a paragraph reports what a named person says or thinks ("X said", "enligt X", "he believes"). */
  reportsNamed: (paragraph: number) => boolean,
): number {
  const quoted = new Set<number>();
  for (const q of quotes) if (!hasAtMostWords(doc.text, MIN_VOICE_QUOTE_WORDS - 1, q.start, q.end)) quoted.add(q.paragraph);
  let running = 0;
  let voiced = 0;
  for (let pi = 0; pi < doc.paragraphs.length; pi++) {
    const role = roles[pi];
    if (role === "dash") {
      running += 1;
      voiced += 1;
      continue;
    }
    const p = doc.paragraphs[pi]!;
    if (role !== "text" || p.kind !== "body" || hasAtMostWords(doc.text, MIN_RUNNING_WORDS - 1, p.start, p.end)) continue;
    running += 1;
    if (quoted.has(pi) || reportsNamed(pi)) voiced += 1;
  }
  return running > 0 ? voiced / running : 0;
}
