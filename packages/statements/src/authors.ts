import type { NormalizedDocument } from "@viewpoints/artifacts";
import { findCues, type NameFinder } from "./cues";
import { hasMarker, labelOf, readGenre, type GenreEvidence } from "./genre";
import { paragraphsWhere, type ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import type { TokensIn } from "./doc-tokens";
import { countWords, hasAtMostWords, isCapitalized, tokenize, type Token } from "./tokens";

/** Who wrote an authored piece, from what evidence, and which paragraphs only name them. */
export interface Authorship {
  authors: string[];
  /** "signature", "byline" or "metadata"; a lead "skriver X och Y" is found per sentence instead. */
  cue: string;
  confidence: number;
  /** Role lines of a signature, byline or biography by author, for authors the document gives no role. */
  roles: Map<string, string>;
  /** Byline, signature and biography paragraphs: they name the authors and say nothing. */
  paragraphs: Set<number>;
  /** True when the author line is a reporter's (by its role, a news label, a dateline or interviews): no authored statements. */
  news: boolean;
}

const MAX_ROLE_WORDS = 30;
const MAX_NAME_PARTS = 4;
/** A role on an author's name line is a title and an affiliation, not a sentence. */
const MAX_NAME_LINE_ROLE_WORDS = 12;
const MIN_INTERVIEW_QUOTES = 2;
const BYLINE_PARAGRAPHS = 4;
const SIGNATURE_LINES = 4;
const LEAD_PARAGRAPHS = 3;
/** Paragraphs at each end of the piece where a biography of its author may stand. */
const BIO_PARAGRAPHS = 2;
const MAX_BIO_WORDS = 80;
/** First-person words per 100 words of running text above which the text argues rather than reports. */
const ARGUING_FIRST_PERSON = 0.8;
/** Share of paragraphs carrying others' words above which a story is built on interviews. */
const INTERVIEW_QUOTE_SHARE = 0.35;
/** Marks that end a byline's role and start furniture ("| Commentary", "· 7 min read"). */
const ROLE_END = new Set(["|", "·", "•"]);

interface Context {
  text: string;
  findName: NameFinder;
  tokensIn: TokensIn;
}

/** Marks an id that is still a name: it is resolved (and registered) only when the author line is accepted. */
const PENDING = "\u0000";

interface Signed {
  ids: string[];
  /** The surface of each name as written, by id: a biography names the author the same way. */
  surfaces: Map<string, string[]>;
  next: number;
}

/**
 * How to read a name the document does not know: not at all, as capitalized words, or also in capitals
 * (after a byline prefix: "By ANNA SMITH"; elsewhere a word in capitals is a label or a dateline).
 */
type Loose = false | "capitalized" | "capitals";

const titleCase = (word: string) => (word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word);

/**
 * A person's name at token i: one the document knows or, when loose, two to four capitalized words
 * (with particles such as "von") that an author line gives even when the body never mentions them.
 */
function readName(tokens: readonly Token[], i: number, ctx: Context, rules: CompiledRules, loose: Loose): { id: string; next: number } | null {
  const site = ctx.findName(tokens, i);
  if (site) return site;
  if (!loose) return null;
  let j = i;
  let capitalized = 0;
  while (j < tokens.length && j - i < MAX_NAME_PARTS) {
    const t = tokens[j]!;
    const upper = t.text === t.text.toUpperCase();
    const marker = rules.bylinePrefixes.has(t.lower) || rules.genreMarkers.has(t.lower) || rules.newsGenreMarkers.has(t.lower);
    if (isCapitalized(t) && !marker && (!upper || (loose === "capitals" && t.text.length > 1))) {
      capitalized += 1;
      j += 1;
    } else if (rules.nameParticles.has(t.lower) && capitalized > 0 && tokens[j + 1] && isCapitalized(tokens[j + 1]!)) {
      j += 1;
    } else break;
  }
  if (capitalized < 2) return null;
  return { id: PENDING + tokens.slice(i, j).map((t) => titleCase(t.text)).join(" "), next: j };
}

/** Reads "X", "X och Y", "X, Y and Z" and returns the persons, or null. */
function namesOnly(tokens: readonly Token[], from: number, ctx: Context, rules: CompiledRules, loose: Loose): Signed | null {
  const ids: string[] = [];
  const surfaces = new Map<string, string[]>();
  let i = from;
  for (;;) {
    const site = readName(tokens, i, ctx, rules, loose);
    if (!site) return null;
    if (!ids.includes(site.id)) ids.push(site.id);
    surfaces.set(site.id, tokens.slice(i, site.next).map((t) => t.lower));
    i = site.next;
    const t = tokens[i];
    if (!t) break;
    if (rules.coordinators.has(t.lower) || (t.text === "," && readName(tokens, i + 1, ctx, rules, loose))) {
      i += 1;
      continue;
    }
    break;
  }
  return { ids, surfaces, next: i };
}

function startsWithPhrase(tokens: readonly Token[], from: number, phrases: readonly string[][]): number {
  for (const phrase of phrases) if (phrase.every((w, k) => tokens[from + k]?.lower === w)) return phrase.length;
  return 0;
}

/** One line of text: a paragraph, or a line of a paragraph the normalizer kept whole. */
interface Line {
  paragraph: number;
  start: number;
  end: number;
}

function linesOf(doc: NormalizedDocument, paragraphs: readonly number[]): Line[] {
  const lines: Line[] = [];
  for (const pi of paragraphs) {
    const p = doc.paragraphs[pi]!;
    // Line breaks by indexOf: a native search, where a loop over every character cost more than the lines it found.
    for (let start = p.start; ; ) {
      const newline = doc.text.indexOf("\n", start);
      const end = newline < 0 || newline >= p.end ? p.end : newline;
      if (!hasAtMostWords(doc.text, 0, start, end)) lines.push({ paragraph: pi, start, end });
      if (end >= p.end) break;
      start = end + 1;
    }
  }
  return lines;
}

/**
 * The lines of the given paragraphs counted from the last one back (0 is the last line), split only
 * as far back as asked: a signature sits at the end, so the rest of a long text is never read.
 */
function linesFromEnd(doc: NormalizedDocument, paragraphs: readonly number[]): (back: number) => Line | undefined {
  const lines: Line[] = [];
  let next = paragraphs.length - 1;
  return (back) => {
    while (lines.length <= back && next >= 0) {
      const own = linesOf(doc, [paragraphs[next]!]);
      for (let j = own.length - 1; j >= 0; j--) lines.push(own[j]!);
      next -= 1;
    }
    return lines[back];
  };
}

interface Byline extends Signed {
  role: string | null;
  /** Tokens after the names: a role, an agency ("/TT") or furniture. */
  rest: Token[];
  blog: boolean;
  label: GenreEvidence["label"];
}

/** "Av X", "Analys av X, utrikeskommentator", "By X | Commentary", "Posted by X on 24 January". */
function readByline(line: Line, ctx: Context, rules: CompiledRules): Byline | null {
  const tokens = ctx.tokensIn(line.start, line.end);
  const blogPrefix = startsWithPhrase(tokens, 0, rules.blogBylinePrefixes);
  let k = blogPrefix;
  if (!blogPrefix) {
    const first = tokens[0];
    if (first && (rules.genreMarkers.has(first.lower) || rules.newsGenreMarkers.has(first.lower))) k = 1;
    const prefix = tokens[k];
    if (!prefix) return null;
    // "Text: X" as well as "Av X": a prefix listed with its colon is two tokens here.
    if (rules.bylinePrefixes.has(prefix.lower)) k += 1;
    else if (tokens[k + 1]?.text === ":" && rules.bylinePrefixes.has(`${prefix.lower}:`)) k += 2;
    else return null;
  }
  const names = namesOnly(tokens, k, ctx, rules, "capitals");
  if (!names) return null;
  const rest = tokens.slice(names.next);
  let role: string | null = null;
  if (rest[0]?.text === "," && rest[1]) {
    const end = rest.find((t) => ROLE_END.has(t.text))?.start ?? line.end;
    role = ctx.text.slice(rest[1].start, end).trim() || null;
  }
  return { ...names, role, rest, blog: blogPrefix > 0, label: labelOf(tokens, rules) };
}

interface Signature {
  ids: string[];
  role: string | null;
  surfaces: Map<string, string[]>;
}

/**
 * "X och Y" or "X, role" alone on a line: a signature line, with its inline role if any. A name the body
 * never mentions signs only with a role (inline or on the line below), and only in a piece that argues or with an expert's role:
 * a bare capitalized line may be a heading, "Foreign Ministry, Moscow" a credit.
 */
function readSignature(line: Line, ctx: Context, rules: CompiledRules, argues: boolean, roleBelow: string | null): Signature | null {
  const tokens = ctx.tokensIn(line.start, line.end);
  const read = (loose: Loose): Signature | null => {
    const names = namesOnly(tokens, 0, ctx, rules, loose);
    if (!names) return null;
    const rest = tokens.slice(names.next).filter((t) => t.text !== ".");
    const role = rest[0]?.text === "," && rest[1] ? ctx.text.slice(rest[1].start, line.end).trim() : null;
    // "X, who sells carpets, …" is a sentence about X, not a signature.
    if (rest[1] && rules.relativePronouns.has(rest[1].lower)) return null;
    if (rest.length > 0 && (role === null || countWords(role) > MAX_ROLE_WORDS)) return null;
    if (rest.some((t) => rules.speechVerbs.has(t.lower))) return null;
    return { ids: names.ids, role, surfaces: names.surfaces };
  };
  const strict = read(false);
  if (strict) return strict;
  const loose = read("capitalized");
  const role = loose ? (loose.role ?? roleBelow) : null;
  return role && (argues || hasMarker(tokenize(role), rules.commentatorMarkers)) ? loose : null;
}

/** Authorship while ids may still be pending names, with each author's name as written. */
interface Found extends Authorship {
  surfaces: Map<string, string[]>;
}

/** Whether the running text itself argues: a commentary label, or first person without a story built on quotes. */
function textArgues(genre: GenreEvidence): boolean {
  if (genre.label) return genre.label === "commentary";
  return !genre.dateline && genre.firstPerson >= ARGUING_FIRST_PERSON && genre.quoteShare < INTERVIEW_QUOTE_SHARE;
}

/** Whether the story reports others: a news label, a dateline, or interviews without the author's own voice. */
function textReports(genre: GenreEvidence, interviews: boolean): boolean {
  if (genre.label) return genre.label === "news";
  return genre.dateline || (interviews && genre.firstPerson < ARGUING_FIRST_PERSON);
}

function findSignature(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (i: number) => CompiledRules | undefined,
  ctx: Context,
  genre: { argues: boolean; reports: boolean },
): Found | null {
  // A signature line is short, so the normalizer may have taken it for a sub-heading.
  const closing = paragraphsWhere(roles, (r, i) => r === "text" || (r === "title" && doc.paragraphs[i]?.kind === "heading"));
  const lineFromEnd = linesFromEnd(doc, closing);
  const tail: Line[] = [];
  for (let back = SIGNATURE_LINES - 1; back >= 0; back--) {
    const line = lineFromEnd(back);
    if (line) tail.push(line);
  }
  // A signature closes running text: a name above all of it is a byline.
  const firstText = roles.findIndex((r, i) => r === "text" && doc.paragraphs[i]?.kind === "body");
  for (let k = tail.length - 1; k >= 0; k--) {
    const rules = rulesFor(tail[k]!.paragraph);
    if (!rules || firstText < 0 || tail[k]!.paragraph <= firstText) continue;
    // A dash quote after the line ("X, journalist, doubts it." then "– …") makes it an introduction, not a signature.
    if (roles.slice(tail[k]!.paragraph + 1).includes("dash")) continue;
    const after = tail.slice(k + 1);
    if (after.some((a) => !hasAtMostWords(doc.text, MAX_ROLE_WORDS, a.start, a.end))) continue;
    const roleLine = after[0] ? doc.text.slice(after[0].start, after[0].end).trim() : null;
    const line = readSignature(tail[k]!, ctx, rules, genre.argues, roleLine);
    if (!line) continue;
    const signed = [{ ...line, role: line.role ?? roleLine }];
    const paragraphs = new Set([tail[k]!.paragraph, ...after.map((a) => a.paragraph)]);
    // The lines above may sign for more authors ("Karin Ek, ordförande" / "Olof Berg, docent").
    for (let back = tail.length - k; ; back++) {
      const aboveLine = lineFromEnd(back);
      if (!aboveLine) break;
      const above = readSignature(aboveLine, ctx, rules, genre.argues, null);
      if (!above?.role) break;
      signed.unshift(above);
      paragraphs.add(aboveLine.paragraph);
    }
    const signedRoles = new Map<string, string>();
    const surfaces = new Map<string, string[]>();
    for (const l of signed) {
      for (const id of l.ids) if (l.role) signedRoles.set(id, l.role);
      for (const [id, s] of l.surfaces) surfaces.set(id, s);
    }
    const roleHas = (markers: ReadonlySet<string>) => signed.some((l) => l.role !== null && hasMarker(tokenize(l.role), markers));
    // A name closing a story built on interviews is its reporter's sign-off, unless an expert signs.
    const news = roleHas(rules.reporterMarkers) || (genre.reports && !genre.argues && !roleHas(rules.commentatorMarkers));
    const authors = [...new Set(signed.flatMap((l) => l.ids))];
    return { authors: news ? [] : authors, cue: "signature", confidence: 0.9, roles: signedRoles, paragraphs, news, surfaces };
  }
  return null;
}

function findByline(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (i: number) => CompiledRules | undefined,
  ctx: Context,
  genre: GenreEvidence,
  interviews: boolean,
): Found | null {
  const top = paragraphsWhere(roles, (r) => r === "text" || r === "title").slice(0, BYLINE_PARAGRAPHS);
  for (const line of linesOf(doc, top)) {
    const rules = rulesFor(line.paragraph);
    if (!rules || !hasAtMostWords(doc.text, MAX_ROLE_WORDS, line.start, line.end)) continue;
    const byline = readByline(line, ctx, rules);
    if (!byline) continue;
    const label = byline.label ?? genre.label;
    const roleTokens = byline.role ? tokenize(byline.role) : [];
    let news: boolean;
    if (byline.blog || label === "commentary") news = false;
    else if (label === "news" || hasMarker(byline.rest, rules.reporterMarkers)) news = true;
    else if (hasMarker(roleTokens, rules.commentatorMarkers)) news = false;
    else news = textReports(genre, interviews);
    const bylineRoles = new Map(byline.role ? byline.ids.map((id) => [id, byline.role!]) : []);
    return { authors: news ? [] : byline.ids, cue: "byline", confidence: 0.9, roles: bylineRoles, paragraphs: new Set([line.paragraph]), news, surfaces: byline.surfaces };
  }
  return null;
}

/**
 * A bare name line under the headline of a labelled commentary ("Maja Lind" / "Maja Lind, utrikeskommentator"),
 * optionally with the role on the next line. A name the body never mentions needs a known first name or an
 * expert's role: a headline in title case is no author.
 */
function findNameLine(doc: NormalizedDocument, roles: readonly ParagraphRole[], rulesFor: (i: number) => CompiledRules | undefined, ctx: Context): Found | null {
  const top = paragraphsWhere(roles, (r, i) => (r === "text" || r === "title") && doc.paragraphs[i]?.kind !== "title").slice(0, BYLINE_PARAGRAPHS);
  const lines = linesOf(doc, top);
  for (const [k, line] of lines.entries()) {
    const rules = rulesFor(line.paragraph);
    if (!rules || !hasAtMostWords(doc.text, MAX_ROLE_WORDS, line.start, line.end)) continue;
    const tokens = ctx.tokensIn(line.start, line.end);
    const names = namesOnly(tokens, 0, ctx, rules, "capitalized");
    if (!names) continue;
    const rest = tokens.slice(names.next);
    if (rest.length > 0 && (rest[0]!.text !== "," || countWords(ctx.text, rest[0]!.end, line.end) > MAX_NAME_LINE_ROLE_WORDS)) continue;
    if (rest.some((t) => rules.speechVerbs.has(t.lower))) continue;
    const below = lines[k + 1];
    const belowText = below ? doc.text.slice(below.start, below.end).trim() : "";
    const expertBelow = below !== undefined && countWords(belowText) <= MAX_ROLE_WORDS && hasMarker(tokenize(belowText), rules.commentatorMarkers);
    const role = rest[1] ? doc.text.slice(rest[1].start, line.end).trim() : expertBelow ? belowText : null;
    const known = ctx.findName(tokens, 0) !== null || rules.names.has(tokens[0]?.lower ?? "");
    if (!known && !(role && hasMarker(tokenize(role), rules.commentatorMarkers))) continue;
    const paragraphs = new Set([line.paragraph, ...(expertBelow && !rest[1] ? [below.paragraph] : [])]);
    const lineRoles = new Map(role ? names.ids.map((id) => [id, role]) : []);
    return { authors: names.ids, cue: "byline", confidence: 0.85, roles: lineRoles, paragraphs, news: false, surfaces: names.surfaces };
  }
  return null;
}

/** "…, skriver X och Y, forskare vid …" in the first paragraphs of an analysis. */
function findLead(doc: NormalizedDocument, roles: readonly ParagraphRole[], rulesFor: (i: number) => CompiledRules | undefined, ctx: Context): Found | null {
  for (const pi of paragraphsWhere(roles, (r) => r === "text").slice(0, LEAD_PARAGRAPHS)) {
    const rules = rulesFor(pi);
    const p = doc.paragraphs[pi]!;
    if (!rules) continue;
    const tokens = ctx.tokensIn(p.start, p.end);
    const cue = findCues(tokens, 0, tokens.length, { rules, findName: ctx.findName, text: doc.text }).find(
      (c) => c.form === "inverted" && rules.authoringVerbs.has(c.cue) && c.speakers.length > 0,
    );
    if (cue) {
      const leadRoles = new Map(cue.role ? cue.speakers.map((id) => [id, cue.role!]) : []);
      return { authors: cue.speakers, cue: cue.cue, confidence: 0.85, roles: leadRoles, paragraphs: new Set(), news: false, surfaces: new Map() };
    }
  }
  return null;
}

/**
 * Paragraphs at either end that open with an author's name (or "The author") and a copula, or that
 * speak of "the author": "Nadia Haddad is a senior fellow at …" is the piece's note on its author, not analysis.
 */
function markBiographies(doc: NormalizedDocument, roles: readonly ParagraphRole[], rulesFor: (i: number) => CompiledRules | undefined, ctx: Context, found: Found): void {
  const body = paragraphsWhere(roles, (r, i) => r === "text" && !found.paragraphs.has(i));
  const ends = [...new Set([...body.slice(0, BIO_PARAGRAPHS), ...body.slice(-BIO_PARAGRAPHS)])];
  const nameAt = (tokens: readonly Token[], i: number, rules: CompiledRules): number => {
    const site = ctx.findName(tokens, i);
    if (site && found.authors.includes(site.id)) return site.next;
    for (const [id, surface] of found.surfaces) {
      if (!found.authors.includes(id)) continue;
      const last = surface[surface.length - 1];
      if (surface.every((w, k) => tokens[i + k]?.lower === w)) return i + surface.length;
      if (last && tokens[i]?.lower === last) return i + 1;
    }
    return i + startsWithPhrase(tokens, i, rules.bioSubjects);
  };
  for (const pi of ends) {
    const rules = rulesFor(pi);
    const p = doc.paragraphs[pi]!;
    if (!rules || !hasAtMostWords(doc.text, MAX_BIO_WORDS, p.start, p.end)) continue;
    const tokens = ctx.tokensIn(p.start, p.end);
    if (tokens.some((_, i) => startsWithPhrase(tokens, i, rules.bioSubjects) > 0)) {
      found.paragraphs.add(pi);
      if (startsWithPhrase(tokens, 0, rules.bioSubjects) === 0) continue;
    }
    // A biography may open with a dash or a star the normalizer left ("— Jane Doe is …").
    const first = tokens.findIndex((t) => t.word);
    if (first < 0) continue;
    let j = nameAt(tokens, first, rules);
    if (j === first) continue;
    while (tokens[j] && (rules.coordinators.has(tokens[j]!.lower) || tokens[j]!.text === ",")) {
      const next = nameAt(tokens, j + 1, rules);
      if (next === j + 1) break;
      j = next;
    }
    if (!tokens[j] || !rules.copulas.has(tokens[j]!.lower) || !tokens[j + 1]) continue;
    found.paragraphs.add(pi);
    const firstEnd = doc.sentences.find((s) => s.paragraph === pi && s.end > tokens[j + 1]!.start)?.end ?? p.end;
    const role = doc.text.slice(tokens[j + 1]!.start, firstEnd).trim().replace(/\.$/, "");
    const only = found.authors.length === 1 ? found.authors[0] : undefined;
    if (only && role && !found.roles.has(only)) found.roles.set(only, role);
  }
}

/**
 * Whether `detectAuthors` weighs the voice share at all: dash quotes or enough quotations of speech
 * already make the story one built on interviews, so the caller need not compute it.
 */
export function needsVoiceShare(roles: readonly ParagraphRole[], speechQuotes: number): boolean {
  return !roles.includes("dash") && speechQuotes < MIN_INTERVIEW_QUOTES;
}

/**
 * Detects the authors of an authored piece (analysis, column, op-ed, blog post): a signature block at
 * the end, a byline at the top ("Av X", "Analys av X, …", "By X | Commentary", "Posted by X"), a lead
 * "skriver X", or the document's metadata when the text itself argues. A reporter's byline, a news
 * label, a dateline or a story built on interviews make the piece news: no authored statements.
 */
export function detectAuthors(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (paragraph: number) => CompiledRules | undefined,
  findName: NameFinder,
  resolveAuthor: (name: string) => string | null,
  /** Quotations long enough to be speech: a story built on them is news, whoever's byline it bears. */
  speechQuotes: number,
  /** The document's tokens by stretch, when the caller already has them. */
  tokensIn: TokensIn = (from, to) => tokenize(doc.text, from, to),
  /** Share of running paragraphs carrying others' words, reported speech included. */
  voiceShare = 0,
): Authorship | null {
  const ctx: Context = { text: doc.text, findName, tokensIn };
  const genre = readGenre(doc, roles, rulesFor, tokensIn);
  const interviews = roles.includes("dash") || speechQuotes >= MIN_INTERVIEW_QUOTES || Math.max(genre.quoteShare, voiceShare) >= INTERVIEW_QUOTE_SHARE;
  const argues = textArgues(genre);

  let found = findSignature(doc, roles, rulesFor, ctx, { argues, reports: textReports(genre, interviews) }) ?? findByline(doc, roles, rulesFor, ctx, genre, interviews);
  if (!found && genre.label === "commentary") found = findNameLine(doc, roles, rulesFor, ctx);
  // A news story citing someone's analysis ("skriver X") is told through interviews unless labelled analysis.
  if (!found && (genre.label === "commentary" || !interviews)) found = findLead(doc, roles, rulesFor, ctx);
  // Metadata names the reporter of a news story too: it counts only when the text itself argues.
  if (!found && doc.meta.authors.length > 0 && argues) {
    const authors = doc.meta.authors.map(resolveAuthor).filter((id): id is string => id !== null);
    if (authors.length > 0) found = { authors, cue: "metadata", confidence: 0.8, roles: new Map(), paragraphs: new Set(), news: false, surfaces: new Map() };
  }
  if (!found) return null;
  if (!found.news && found.authors.length > 0) markBiographies(doc, roles, rulesFor, ctx, found);
  const resolved = new Map<string, string | null>();
  const resolve = (id: string): string | null => {
    if (!id.startsWith(PENDING)) return id;
    if (!resolved.has(id)) resolved.set(id, resolveAuthor(id.slice(PENDING.length)));
    return resolved.get(id) ?? null;
  };
  const authors = found.authors.map(resolve).filter((id): id is string => id !== null);
  const authorRoles = new Map<string, string>();
  for (const [id, role] of found.roles) {
    // A reporter's name is no speaker: leave it unregistered.
    if (found.news && id.startsWith(PENDING)) continue;
    const r = resolve(id);
    if (r) authorRoles.set(r, role);
  }
  return { authors: [...new Set(authors)], cue: found.cue, confidence: found.confidence, roles: authorRoles, paragraphs: found.paragraphs, news: found.news };
}
