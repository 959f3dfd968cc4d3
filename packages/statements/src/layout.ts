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

/** Characters whose lower case is ASCII though they are not: a case-insensitive ASCII search would miss them. */
const ASCII_LOWER_FROM_ELSEWHERE = /[\u0130\u212a]/;
/** Lower-casing is context-free but for the Greek final sigma: without one, a prefix lowers alone as it does in its text. */
const CAPITAL_SIGMA = "\u03a3";
/** Beyond the longest prefix marker, so the lowered head is never cut short. */
const HEAD_MARGIN = 16;

/** How to find one language's layout markers in a paragraph without lower-casing all of it. */
interface MarkerSearch {
  /** Source characters to lower-case for the prefix markers. */
  headLength: number;
  /** The ASCII caption markers that may stand anywhere ("photo:", ".jpg"), as one case-insensitive search. */
  asciiInside: RegExp | null;
  /** The other caption markers that may stand anywhere: these need the whole paragraph lower-cased. */
  otherInside: string[];
}

const searches = new WeakMap<CompiledRules, MarkerSearch>();

function markerSearch(rules: CompiledRules): MarkerSearch {
  let search = searches.get(rules);
  if (!search) {
    const prefixes = [...rules.factBoxMarkers, ...rules.commentMarkers, ...rules.captionMarkers, ...rules.boilerplatePrefixes];
    const inside = rules.captionMarkers.filter((m) => m.includes(":") || m.startsWith("."));
    const ascii = inside.filter((m) => /^[\x00-\x7f]*$/.test(m));
    // Without the u flag, an ASCII letter matches exactly its two ASCII cases.
    const escaped = ascii.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    search = {
      headLength: prefixes.reduce((n, m) => Math.max(n, m.length), 0) + HEAD_MARGIN,
      asciiInside: escaped.length > 0 ? new RegExp(escaped.join("|"), "i") : null,
      otherInside: inside.filter((m) => !ascii.includes(m)),
    };
    searches.set(rules, search);
  }
  return search;
}

/** The start of `text.toLowerCase()`, at least `length` characters of it when the text has them. */
function lowerHead(text: string, length: number): string {
  if (text.length <= length) return text.toLowerCase();
  const head = text.slice(0, length);
  return head.includes(CAPITAL_SIGMA) ? text.toLowerCase() : head.toLowerCase();
}

/** Whether `text.toLowerCase()` contains one of the caption markers that may stand anywhere in it. */
function hasInsideMarker(text: string, search: MarkerSearch): boolean {
  if (search.otherInside.length > 0 || ASCII_LOWER_FROM_ELSEWHERE.test(text)) {
    const lower = text.toLowerCase();
    return search.otherInside.some((m) => lower.includes(m)) || (search.asciiInside !== null && search.asciiInside.test(lower));
  }
  return search.asciiInside !== null && search.asciiInside.test(text);
}

function isCaption(text: string, head: string, rules: CompiledRules, search: MarkerSearch): boolean {
  if (text.startsWith("(") && text.endsWith(")")) return true;
  return startsWithAny(head, rules.captionMarkers) || hasInsideMarker(text, search);
}

/** The indexes of the paragraphs whose role passes the test, in order (a loop: flatMap built an array per paragraph). */
export function paragraphsWhere(roles: readonly ParagraphRole[], test: (role: ParagraphRole, index: number) => boolean): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < roles.length; i++) if (test(roles[i]!, i)) indexes.push(i);
  return indexes;
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
    const rules = rulesFor(p);
    if (!rules) {
      roles.push(p.kind === "body" ? "text" : "title");
      continue;
    }
    const search = markerSearch(rules);
    // Markers open the paragraph, so only its head is lower-cased.
    const lower = lowerHead(text, search.headLength);
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
    else if (isCaption(text, lower, rules, search)) roles.push("caption");
    else if (startsWithAny(lower, rules.boilerplatePrefixes)) roles.push("boilerplate");
    else if (p.dashQuote && rules.dashQuotes) roles.push("dash");
    else roles.push("text");
  }
  return roles;
}
