import type { NormalizedDocument } from "@viewpoints/artifacts";
import type { ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import type { TokensIn } from "./doc-tokens";
import { tokenize, type Token } from "./tokens";

/** What the text says about its genre: an author's argument, or a report of what others said. */
export interface GenreEvidence {
  /** A section label: "commentary" (Analys, Opinion), "news" (Intervju, News), or null. */
  label: "commentary" | "news" | null;
  /** The first body paragraph opens with a dateline ("MOSCOW –", "ALMATY, Jan 11 (Reuters) –"). */
  dateline: boolean;
  /** First-person words per 100 words of running text outside quotations. */
  firstPerson: number;
  /** Share of running-text paragraphs that carry someone else's words (quotations, dash quotes). */
  quoteShare: number;
}

/** Words a compound must have for a marker to count as its head ("utrikeskommentator"). */
const MIN_COMPOUND_HEAD = 6;
const LABEL_SEPARATORS = new Set([".", ":", "|", "–", "—", "-", "/"]);
const OPENING_MARKS = new Set(["“", "„", "«", "”", "\"", "»"]);
const CLOSING_MARKS = new Set(["”", "\"", "»", "“"]);
const DASHES = new Set(["–", "—", "-"]);
const DATELINE_TOKENS = 12;
const DATELINE_PARAGRAPHS = 2;
const LABEL_PARAGRAPHS = 3;
const MIN_QUOTE_WORDS = 4;
const MAX_LABEL_LINE_WORDS = 12;

/** True when a token is a marker or a compound ending in a long one ("utrikesredaktion" for "redaktion"). */
export function hasMarker(tokens: readonly Token[], markers: ReadonlySet<string>): boolean {
  for (const t of tokens) {
    if (markers.has(t.lower)) return true;
    if (!t.word) continue;
    for (const m of markers) if (m.length >= MIN_COMPOUND_HEAD && t.lower.length > m.length && t.lower.endsWith(m)) return true;
  }
  return false;
}

/**
 * The genre label a short line carries: a label alone ("DEBATT"), before a separator ("Analys.",
 * "DEBATT | …"), before a byline ("Analys av X"), or after one ("By X | Commentary").
 */
export function labelOf(tokens: readonly Token[], rules: CompiledRules): GenreEvidence["label"] {
  let first: Token | undefined;
  let words = 0;
  for (const t of tokens) {
    if (!t.word) continue;
    first ??= t;
    words += 1;
  }
  const second = tokens[1];
  if (first && first === tokens[0] && asLabel(second, rules)) {
    const kind = kindOf(first, rules);
    if (kind) return kind;
  }
  // "… | Commentary": the last word after a separator, on a line short enough to be a byline.
  if (words > MAX_LABEL_LINE_WORDS) return null;
  const last = tokens[tokens.length - 1];
  const beforeLast = tokens[tokens.length - 2];
  if (last?.word && beforeLast && LABEL_SEPARATORS.has(beforeLast.text)) return kindOf(last, rules);
  return null;
}

/** A word stands as a label when the line ends after it or a separator or byline prefix follows. */
function asLabel(next: Token | undefined, rules: CompiledRules): boolean {
  return next === undefined || LABEL_SEPARATORS.has(next.text) || rules.bylinePrefixes.has(next.lower);
}

function kindOf(t: Token, rules: CompiledRules): GenreEvidence["label"] {
  return rules.genreMarkers.has(t.lower) ? "commentary" : rules.newsGenreMarkers.has(t.lower) ? "news" : null;
}

const isUpperInitial = (t: Token) => t.word && t.text[0] !== t.lower[0];

function datelineAt(tokens: readonly Token[]): boolean {
  // An upper-case place ("MOSCOW", "ALMATY/MOSCOW") then a dash or agency parenthesis within a few tokens.
  const first = tokens[0];
  if (!first?.word || first.text.length < 3 || first.text !== first.text.toUpperCase() || /\d/.test(first.text)) return false;
  // Swedish papers close the place with a full stop: "ALMATY. På basaren …".
  if (tokens[1]?.text === "." && tokens[2] !== undefined && isUpperInitial(tokens[2])) return true;
  for (let i = 1; i < Math.min(tokens.length, DATELINE_TOKENS); i++) {
    const t = tokens[i]!;
    if (DASHES.has(t.text) || t.text === "(") return true;
  }
  return false;
}

const SINGLE_MARKS = new Set(["'", "‘", "’"]);

/** A single quotation mark opens when it leans on the word after it ("'I"), closes when it leans on the one before. */
function singleMark(tokens: readonly Token[], k: number): "open" | "close" | null {
  const t = tokens[k]!;
  if (!SINGLE_MARKS.has(t.text)) return null;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const leansBack = prev !== undefined && prev.end === t.start;
  const leansForward = next !== undefined && next.start === t.end && next.word;
  if (leansForward && !leansBack) return "open";
  return leansBack && !leansForward ? "close" : null;
}

/** Counts first-person words outside quotation marks and the words of quotations, in one pass. */
function scanParagraph(tokens: readonly Token[], rules: CompiledRules): { words: number; firstPerson: number; quoteWords: number } {
  let inQuote = false;
  let words = 0;
  let firstPerson = 0;
  let quoteWords = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      const single = singleMark(tokens, k);
      if (single === "open" && !inQuote) inQuote = true;
      else if (single === "close" && inQuote) inQuote = false;
      else if (inQuote && CLOSING_MARKS.has(t.text)) inQuote = false;
      else if (!inQuote && OPENING_MARKS.has(t.text)) inQuote = true;
      continue;
    }
    if (inQuote) {
      quoteWords += 1;
      continue;
    }
    words += 1;
    if (rules.firstPersonWords.has(t.lower)) firstPerson += 1;
  }
  return { words, firstPerson, quoteWords };
}

/** Reads the genre evidence of a document: labels near the top, dateline, first-person and quotation density. */
export function readGenre(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (paragraph: number) => CompiledRules | undefined,
  tokensIn: TokensIn = (from, to) => tokenize(doc.text, from, to),
): GenreEvidence {
  let label: GenreEvidence["label"] = null;
  const docRules = rulesFor(0);
  // The normalizer may have cut the label ("Analys.") from the lead; it keeps what it removed.
  for (const r of doc.removed) {
    if (label || !docRules) break;
    label = labelOf(tokenize(r.text, 0, Math.min(r.text.length, 80)), docRules);
  }
  let seen = 0;
  let dateline = false;
  let bodySeen = 0;
  let words = 0;
  let firstPerson = 0;
  let running = 0;
  let quoting = 0;
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const role = roles[i];
    const rules = rulesFor(i);
    const p = doc.paragraphs[i]!;
    if (!rules) continue;
    if (role === "title" || role === "text") {
      if (!label && seen < LABEL_PARAGRAPHS) label = labelOf(tokensIn(p.start, Math.min(p.end, p.start + 120)), rules);
      seen += 1;
    }
    if (role === "dash") {
      running += 1;
      quoting += 1;
      continue;
    }
    if (role !== "text" || p.kind !== "body") continue;
    const tokens = tokensIn(p.start, p.end);
    // The byline may stand before the dateline paragraph.
    if (bodySeen < DATELINE_PARAGRAPHS && !dateline) dateline = datelineAt(tokens);
    bodySeen += 1;
    const scan = scanParagraph(tokens, rules);
    words += scan.words;
    firstPerson += scan.firstPerson;
    running += 1;
    if (scan.quoteWords >= MIN_QUOTE_WORDS) quoting += 1;
  }
  return {
    label,
    dateline,
    firstPerson: words > 0 ? (100 * firstPerson) / words : 0,
    quoteShare: running > 0 ? quoting / running : 0,
  };
}
