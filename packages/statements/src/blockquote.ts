import type { NormalizedDocument } from "@viewpoints/artifacts";
import type { NameFinder } from "./cues";
import type { Turn } from "./interview";
import type { ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import { countWords, isCapitalized, tokenize } from "./tokens";

/** A credit line under a block quote is a name and an affiliation, not a sentence. */
const MAX_CREDIT_WORDS = 14;
const MAX_NAME_PARTS = 4;
const DASHES = new Set(["—", "–", "-", "―"]);
const OPEN = new Set(["“", "„", "«", "»", "”", "\"", "‘", "'"]);
const CLOSE = new Set(["”", "\"", "»", "«", "“", "’", "'"]);

/** The words of a paragraph that is one quotation, without its marks, or null. */
function quotedParagraph(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && text.charCodeAt(s) <= 32) s += 1;
  while (e > s && text.charCodeAt(e - 1) <= 32) e -= 1;
  if (e - s < 2 || !OPEN.has(text[s]!) || !CLOSE.has(text[e - 1]!)) return null;
  return { start: s + 1, end: e - 1 };
}

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
    if (!rules || (roles[pi] !== "text" && roles[pi] !== "dash") || countWords(text, p.start, p.end) > MAX_CREDIT_WORDS) continue;
    const tokens = tokenize(text, p.start, p.end);
    if (!DASHES.has(tokens[0]?.text ?? "")) continue;
    const comma = tokens.findIndex((t) => t.text === ",");
    const nameEnd = comma > 0 ? comma : tokens.length;
    let speaker: string | null = null;
    const known = findName(tokens, 1);
    if (known && known.next === nameEnd) speaker = known.id;
    else {
      const parts = tokens.slice(1, nameEnd);
      if (parts.length < 2 || parts.length > MAX_NAME_PARTS || !parts.every((t) => isCapitalized(t) || rules.nameParticles.has(t.lower))) continue;
      if (parts.some((t) => rules.nonPersonWords.has(t.lower))) continue;
      speaker = resolveName(parts.map((t) => t.text).join(" "));
    }
    if (!speaker) continue;
    // The quoted paragraphs right above the credit, nearest first.
    const quoted: { pi: number; start: number; end: number }[] = [];
    for (let q = pi - 1; q >= 0 && roles[q] === "text"; q--) {
      const above = doc.paragraphs[q]!;
      const words = quotedParagraph(text, above.start, above.end);
      if (!words) break;
      quoted.push({ pi: q, ...words });
    }
    if (quoted.length === 0) continue;
    for (const q of quoted) turns.set(q.pi, { speaker, start: q.start, end: q.end });
    turns.set(pi, { speaker: null, start: p.start, end: p.end });
  }
  return turns;
}
