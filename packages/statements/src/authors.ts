import type { NormalizedDocument } from "@viewpoints/artifacts";
import { findCues, type NameFinder } from "./cues";
import type { ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import { countWords, tokenize, type Token } from "./tokens";

/** Who wrote an authored piece, from what evidence, and which paragraphs only name them. */
export interface Authorship {
  authors: string[];
  /** "signature", "byline" or "metadata"; a lead "skriver X och Y" is found per sentence instead. */
  cue: string;
  confidence: number;
  /** Role lines of a signature or byline by author, for authors the document gives no role. */
  roles: Map<string, string>;
  /** Byline and signature paragraphs: they name the authors and say nothing. */
  paragraphs: Set<number>;
  /** True when a byline or signature names a reporter: the piece is news, whatever else suggests. */
  news: boolean;
}

const MAX_ROLE_WORDS = 30;
const MIN_INTERVIEW_QUOTES = 2;

/** Reads "X", "X och Y", "X, Y and Z" (optionally ending in ".") and returns the persons, or null. */
function namesOnly(tokens: readonly Token[], from: number, findName: NameFinder, rules: CompiledRules): { ids: string[]; next: number } | null {
  const ids: string[] = [];
  let i = from;
  for (;;) {
    const site = findName(tokens, i);
    if (!site) return null;
    if (!ids.includes(site.id)) ids.push(site.id);
    i = site.next;
    const t = tokens[i];
    if (!t) break;
    if (rules.coordinators.has(t.lower) || (t.text === "," && findName(tokens, i + 1))) {
      i += 1;
      continue;
    }
    break;
  }
  return { ids, next: i };
}

function mentionsReporter(tokens: readonly Token[], rules: CompiledRules): boolean {
  return tokens.some((t) => rules.reporterMarkers.has(t.lower));
}

function startsWithGenre(text: string, rules: CompiledRules | undefined): boolean {
  const [first, second] = tokenize(text, 0, Math.min(text.length, 80));
  return Boolean(rules && first && rules.genreMarkers.has(first.lower) && (!second || [".", ":", "|", "–", "—"].includes(second.text)));
}

/** Whether any running-text paragraph attributes words to a person or pronoun: then someone besides the author speaks. */
function reportsSpeech(doc: NormalizedDocument, roles: readonly ParagraphRole[], rulesFor: (i: number) => CompiledRules | undefined, findName: NameFinder): boolean {
  return roles.some((role, i) => {
    const rules = rulesFor(i);
    const p = doc.paragraphs[i]!;
    if (role !== "text" || !rules) return false;
    const tokens = tokenize(doc.text, p.start, p.end);
    return findCues(tokens, 0, tokens.length, { rules, findName, text: doc.text }).some((c) => c.speakers.length > 0 || c.pronoun !== null);
  });
}

function hasGenreMarker(doc: NormalizedDocument, roles: readonly ParagraphRole[], rulesFor: (i: number) => CompiledRules | undefined): boolean {
  // The normalizer may have cut the label ("Analys.") from the lead; it keeps what it removed.
  if (doc.removed.some((r) => startsWithGenre(r.text, rulesFor(0)))) return true;
  let seen = 0;
  for (let i = 0; i < doc.paragraphs.length && seen < 3; i++) {
    if (roles[i] !== "text" && roles[i] !== "title") continue;
    seen += 1;
    const p = doc.paragraphs[i]!;
    if (startsWithGenre(doc.text.slice(p.start, p.end), rulesFor(i))) return true;
  }
  return false;
}

/**
 * Detects the authors of an analysis piece: a signature block at the end (names, then a role line),
 * a byline at the top ("Av X", "By X"), or the document's metadata when the piece is marked as
 * analysis or opinion. A reporter's byline or signature makes the piece news: no authored statements.
 */
export function detectAuthors(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (paragraph: number) => CompiledRules | undefined,
  findName: NameFinder,
  resolveAuthor: (name: string) => string | null,
  /** Quotations long enough to be speech: a story built on them is news, whoever's byline it bears. */
  speechQuotes: number,
): Authorship | null {
  const genre = hasGenreMarker(doc, roles, rulesFor);
  const interviews = roles.includes("dash") || speechQuotes >= MIN_INTERVIEW_QUOTES;
  // A signature line is short, so the normalizer may have taken it for a sub-heading.
  const closing = roles.flatMap((r, i) => (r === "text" || (r === "title" && doc.paragraphs[i]?.kind === "heading") ? [i] : []));

  /** "X och Y" or "X, role" alone on a line: a signature line, with its inline role if any. */
  const signatureLine = (pi: number): { ids: string[]; role: string | null } | null => {
    const rules = rulesFor(pi);
    const p = doc.paragraphs[pi]!;
    if (!rules) return null;
    const tokens = tokenize(doc.text, p.start, p.end);
    const names = namesOnly(tokens, 0, findName, rules);
    if (!names) return null;
    const rest = tokens.slice(names.next).filter((t) => t.text !== ".");
    const role = rest[0]?.text === "," ? doc.text.slice(rest[1]?.start ?? p.end, p.end).trim() : null;
    if (rest.length > 0 && (role === null || countWords(role) > MAX_ROLE_WORDS)) return null;
    if (rest.some((t) => rules.speechVerbs.has(t.lower))) return null;
    return { ids: names.ids, role };
  };

  // Signature: one of the last paragraphs holds only names (with a role or followed by a short role line);
  // the lines above it may sign for more authors ("Karin Ek, ordförande" / "Olof Berg, docent").
  const tail = closing.slice(-4);
  for (let k = tail.length - 1; k >= 0; k--) {
    const line = signatureLine(tail[k]!);
    // Speech after it ("X, journalist, doubts it." then "– …") makes the line an introduction, not a signature.
    if (!line || roles.slice(tail[k]! + 1).includes("dash")) continue;
    const after = tail.slice(k + 1);
    if (after.some((a) => countWords(doc.text, doc.paragraphs[a]!.start, doc.paragraphs[a]!.end) > MAX_ROLE_WORDS)) continue;
    const roleParagraph = after[0];
    const roleLine = roleParagraph === undefined ? null : doc.text.slice(doc.paragraphs[roleParagraph]!.start, doc.paragraphs[roleParagraph]!.end).trim();
    const lines = [{ ...line, role: line.role ?? roleLine }];
    const paragraphs = new Set([tail[k]!, ...after]);
    for (let b = closing.indexOf(tail[k]!) - 1; b >= 0; b--) {
      const above = signatureLine(closing[b]!);
      if (!above?.role) break;
      lines.unshift(above);
      paragraphs.add(closing[b]!);
    }
    const authorRoles = new Map<string, string>();
    for (const l of lines) for (const id of l.ids) if (l.role) authorRoles.set(id, l.role);
    const rules = rulesFor(tail[k]!);
    const news = rules !== undefined && lines.some((l) => l.role !== null && mentionsReporter(tokenize(l.role), rules));
    const authors = [...new Set(lines.flatMap((l) => l.ids))];
    return { authors: news ? [] : authors, cue: "signature", confidence: 0.9, roles: authorRoles, paragraphs, news };
  }

  // Byline: "Av X" / "By X and Y", optionally followed by a role or an agency ("/TT").
  for (const pi of roles.slice(0, 4).flatMap((r, i) => (r === "text" || r === "title" ? [i] : []))) {
    const rules = rulesFor(pi);
    const p = doc.paragraphs[pi]!;
    if (!rules || countWords(doc.text, p.start, p.end) > MAX_ROLE_WORDS) continue;
    const tokens = tokenize(doc.text, p.start, p.end);
    if (!tokens[0] || !rules.bylinePrefixes.has(tokens[0].lower)) continue;
    const names = namesOnly(tokens, 1, findName, rules);
    if (!names) continue;
    const rest = tokens.slice(names.next);
    const role = rest.length ? doc.text.slice(rest[0]!.start, p.end).replace(/^[,/\s]+/, "").trim() || null : null;
    // A byline without a role is a reporter's when the story is built on interviews, unless labelled analysis.
    const news = mentionsReporter(rest, rules) || (role === null && !genre && interviews);
    const roles = new Map(role ? names.ids.map((id) => [id, role]) : []);
    return { authors: news ? [] : names.ids, cue: "byline", confidence: 0.9, roles, paragraphs: new Set([pi]), news };
  }

  // Lead: "…, skriver X och Y, forskare vid …" in the first paragraphs of an analysis; a news story
  // citing someone's analysis is told through interviews unless it is labelled analysis.
  if (genre || !interviews) {
    for (const pi of roles.flatMap((r, i) => (r === "text" ? [i] : [])).slice(0, 3)) {
      const rules = rulesFor(pi);
      const p = doc.paragraphs[pi]!;
      if (!rules) continue;
      const tokens = tokenize(doc.text, p.start, p.end);
      const cue = findCues(tokens, 0, tokens.length, { rules, findName, text: doc.text }).find(
        (c) => c.form === "inverted" && rules.authoringVerbs.has(c.cue) && c.speakers.length > 0,
      );
      if (cue) return { authors: cue.speakers, cue: cue.cue, confidence: 0.85, roles: new Map(cue.role ? cue.speakers.map((id) => [id, cue.role!]) : []), paragraphs: new Set(), news: false };
    }
  }

  // A piece by a named author that quotes and reports no one at all is the author's own analysis, label or not.
  if (doc.meta.authors.length > 0 && (genre || (!interviews && speechQuotes === 0 && !reportsSpeech(doc, roles, rulesFor, findName)))) {
    const authors = doc.meta.authors.map(resolveAuthor).filter((id): id is string => id !== null);
    if (authors.length > 0) return { authors, cue: "byline", confidence: 0.8, roles: new Map(), paragraphs: new Set(), news: false };
  }
  return null;
}
