import type { NormalizedDocument, Paragraph } from "@viewpoints/artifacts";
import type { CompiledRules } from "./rules";
import { hasAtMostWords } from "./tokens";

/** Why a paragraph can never hold a statement, or which reading it gets. */
export type ParagraphRole = "text" | "dash" | "title" | "caption" | "factbox" | "boilerplate" | "comment";

const TERMINAL = new Set([".", "!", "?", "”", "\"", "’", "»", ":"]);

function startsWithAny(text: string, markers: readonly string[]): boolean {
  return markers.some((m) => text.startsWith(m));
}

/** A short line with no closing punctuation: a sub-heading the normalizer left in the body. */
export function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim();
  const last = trimmed[trimmed.length - 1] ?? "";
  return !TERMINAL.has(last) && hasAtMostWords(trimmed, 8);
}

function isCaption(lower: string, rules: CompiledRules): boolean {
  if (lower.startsWith("(") && lower.endsWith(")")) return true;
  return rules.captionMarkers.some((m) => lower.startsWith(m) || ((m.includes(":") || m.startsWith(".")) && lower.includes(m)));
}

/**
 * Classifies every paragraph: headlines, captions, fact boxes, site furniture and reader comments
 * hold no statements; everything else is running text or a dash quote.
 */
export function classifyParagraphs(doc: NormalizedDocument, rulesFor: (p: Paragraph) => CompiledRules | undefined): ParagraphRole[] {
  const roles: ParagraphRole[] = [];
  let inFactBox = false;
  let inComments = false;
  for (const p of doc.paragraphs) {
    const text = doc.text.slice(p.start, p.end).trim();
    const lower = text.toLowerCase();
    const rules = rulesFor(p);
    if (!rules) {
      roles.push(p.kind === "body" ? "text" : "title");
      continue;
    }
    const opensFactBox = startsWithAny(lower, rules.factBoxMarkers) && (p.kind !== "body" || (hasAtMostWords(text, 10) && looksLikeHeading(text.replace(/[.:]$/, ""))));
    if (startsWithAny(lower, rules.commentMarkers)) inComments = true;
    if (inComments) {
      roles.push("comment");
      continue;
    }
    if (opensFactBox) {
      inFactBox = true;
      roles.push("factbox");
      continue;
    }
    if (p.kind !== "body") {
      // Any other heading closes a fact box: the article goes on after it.
      inFactBox = false;
      roles.push("title");
      continue;
    }
    if (inFactBox) roles.push("factbox");
    else if (isCaption(lower, rules)) roles.push("caption");
    else if (startsWithAny(lower, rules.boilerplatePrefixes)) roles.push("boilerplate");
    else if (p.dashQuote && rules.dashQuotes) roles.push("dash");
    else roles.push("text");
  }
  return roles;
}
