import type { NormalizedDocument, Paragraph } from "@viewpoints/artifacts";
import type { CompiledRules } from "./rules";
import { hasAtMostWords } from "./tokens";

/** Why a paragraph can never hold a statement, or which reading it gets. */
export type ParagraphRole = "text" | "dash" | "title" | "caption" | "factbox" | "boilerplate" | "comment";

const TERMINAL = new Set([".", "!", "?", "”", "\"", "’", "»", ":"]);

/** Prefix markers by their first code unit, as most paragraphs open with a letter no marker starts with; null when a marker is empty (it opens every text). */
type PrefixIndex = ReadonlyMap<number, readonly string[]> | null;

function prefixIndex(markers: readonly string[]): PrefixIndex {
  const index = new Map<number, string[]>();
  for (const m of markers) {
    if (m.length === 0) return null;
    const list = index.get(m.charCodeAt(0));
    if (list) list.push(m);
    else index.set(m.charCodeAt(0), [m]);
  }
  return index;
}

/** Whether the text starts with one of the indexed markers. */
function startsWithAny(text: string, index: PrefixIndex): boolean {
  if (index === null) return true;
  const markers = index.get(text.charCodeAt(0));
  return markers !== undefined && markers.some((m) => text.startsWith(m));
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
  /** The ASCII caption markers that may stand anywhere ("photo:", ".jpg"), by the caseless character each is found by. */
  asciiInside: AnchoredMarkers;
  /** The other caption markers that may stand anywhere: these need the whole paragraph lower-cased. */
  otherInside: string[];
  factBox: PrefixIndex;
  comment: PrefixIndex;
  caption: PrefixIndex;
  boilerplate: PrefixIndex;
}

const searches = new WeakMap<CompiledRules, MarkerSearch>();

function markerSearch(rules: CompiledRules): MarkerSearch {
  let search = searches.get(rules);
  if (!search) {
    const prefixes = [...rules.factBoxMarkers, ...rules.commentMarkers, ...rules.captionMarkers, ...rules.boilerplatePrefixes];
    const inside = rules.captionMarkers.filter((m) => m.includes(":") || m.startsWith("."));
    const ascii = inside.filter((m) => /^[\x00-\x7f]*$/.test(m));
    search = {
      headLength: prefixes.reduce((n, m) => Math.max(n, m.length), 0) + HEAD_MARGIN,
      asciiInside: anchoredMarkers(ascii),
      otherInside: inside.filter((m) => !ascii.includes(m)),
      factBox: prefixIndex(rules.factBoxMarkers),
      comment: prefixIndex(rules.commentMarkers),
      caption: prefixIndex(rules.captionMarkers),
      boilerplate: prefixIndex(rules.boilerplatePrefixes),
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

/**
 * Lower-case ASCII markers grouped by their first character that is no letter (":" of "photo:", "." of
 * ".jpg"): a native search finds those few characters, and only there are the letters around compared.
 */
type AnchoredMarkers = ReadonlyMap<string, readonly { marker: string; anchor: number }[]>;

function anchoredMarkers(markers: readonly string[]): AnchoredMarkers {
  const byAnchor = new Map<string, { marker: string; anchor: number }[]>();
  for (const marker of markers) {
    let anchor = 0;
    while (anchor < marker.length && isAsciiLetter(marker.charCodeAt(anchor))) anchor += 1;
    // Caption markers found inside a paragraph hold a ":" or open with ".": never letters alone.
    if (anchor === marker.length) throw new Error(`caption marker "${marker}" needs a character other than a letter`);
    const list = byAnchor.get(marker[anchor]!);
    if (list) list.push({ marker, anchor });
    else byAnchor.set(marker[anchor]!, [{ marker, anchor }]);
  }
  return byAnchor;
}

const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** Whether `text[start…]` spells the lower-case ASCII marker in any ASCII case, as a regex with the i flag (and no u flag) matches. */
function spellsAt(text: string, start: number, marker: string): boolean {
  if (start < 0 || start + marker.length > text.length) return false;
  for (let k = 0; k < marker.length; k++) {
    const c = text.charCodeAt(start + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== marker.charCodeAt(k)) return false;
  }
  return true;
}

function containsAnchored(text: string, markers: AnchoredMarkers): boolean {
  for (const [anchorChar, list] of markers) {
    for (let at = text.indexOf(anchorChar); at >= 0; at = text.indexOf(anchorChar, at + 1)) {
      for (const { marker, anchor } of list) if (spellsAt(text, at - anchor, marker)) return true;
    }
  }
  return false;
}

/** Whether `text.toLowerCase()` contains one of the caption markers that may stand anywhere in it. */
function hasInsideMarker(text: string, search: MarkerSearch): boolean {
  if (search.otherInside.length > 0 || ASCII_LOWER_FROM_ELSEWHERE.test(text)) {
    const lower = text.toLowerCase();
    return search.otherInside.some((m) => lower.includes(m)) || containsAnchored(lower, search.asciiInside);
  }
  return containsAnchored(text, search.asciiInside);
}

function isCaption(text: string, head: string, search: MarkerSearch): boolean {
  if (text.startsWith("(") && text.endsWith(")")) return true;
  return startsWithAny(head, search.caption) || hasInsideMarker(text, search);
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
    const opensFactBox = startsWithAny(lower, search.factBox) && (p.kind !== "body" || (hasAtMostWords(text, 10) && looksLikeHeading(text.replace(/[.:]$/, ""))));
    if (startsWithAny(lower, search.comment)) inComments = true;
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
    else if (isCaption(text, lower, search)) roles.push("caption");
    else if (startsWithAny(lower, search.boilerplate)) roles.push("boilerplate");
    else if (p.dashQuote && rules.dashQuotes) roles.push("dash");
    else roles.push("text");
  }
  return roles;
}
