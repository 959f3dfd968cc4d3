import type { NormalizedDocument } from "@viewpoints/artifacts";
import type { NameFinder } from "./cues";
import { labelName, wholeQuote, type Turn } from "./interview";
import type { ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import { firstTokenStart, hasAtMostWords, tokenize } from "./tokens";

/** A credit line under a block quote is a name and an affiliation, not a sentence. */
const MAX_CREDIT_WORDS = 14;
/** — – - ― : each is a token of its own, never part of a word at a paragraph's start. */
const DASH_CODES = new Set([0x2014, 0x2013, 0x2d, 0x2015]);

/**
 * Block quotes credited on the line below ("“…”" then "— Name, Institution"): the quoted paragraphs
 * above the credit are that person's; the credit line itself says nothing. Returns turns by paragraph.
 */
export function readBlockQuotes(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (paragraph: number) => CompiledRules | undefined,
  findName: NameFinder,
  resolveName: (name: string) => string | null,
): Map<number, Turn> {
  const turns = new Map<number, Turn>();
  const text = doc.text;
  for (let pi = 1; pi < doc.paragraphs.length; pi++) {
    const p = doc.paragraphs[pi]!;
    const rules = rulesFor(pi);
    // A credit opens with a dash: test that first, before counting words or tokenizing.
    const first = firstTokenStart(text, p.start, p.end);
    if (first >= p.end || !DASH_CODES.has(text.charCodeAt(first))) continue;
    if (!rules || (roles[pi] !== "text" && roles[pi] !== "dash") || !hasAtMostWords(text, MAX_CREDIT_WORDS, p.start, p.end)) continue;
    const tokens = tokenize(text, p.start, p.end);
    const comma = tokens.findIndex((t) => t.text === ",");
    const nameEnd = comma > 0 ? comma : tokens.length;
    // The quoted paragraphs right above the credit, nearest first.
    const quoted: { pi: number; start: number; end: number }[] = [];
    for (let q = pi - 1; q >= 0 && roles[q] === "text"; q--) {
      const above = doc.paragraphs[q]!;
      const words = wholeQuote(text, above.start, above.end);
      if (!words) break;
      quoted.push({ pi: q, ...words });
    }
    if (quoted.length === 0) continue;
    // Resolved only now: a name registered for a credit with no quote above would be a stray speaker.
    const known = findName(tokens, 1);
    const speaker = known && known.next === nameEnd ? known.id : labelName(tokens.slice(1, nameEnd), rules, findName, resolveName);
    if (!speaker) continue;
    for (const q of quoted) turns.set(q.pi, { speaker, start: q.start, end: q.end });
    turns.set(pi, { speaker: null, start: p.start, end: p.end });
  }
  return turns;
}
