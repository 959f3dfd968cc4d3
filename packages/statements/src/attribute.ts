import type { NormalizedDocument, Paragraph, Sentence, StatementKind } from "@viewpoints/artifacts";
import { personSlug } from "@viewpoints/normalize";
import { paragraphTokens, type TokensIn } from "./doc-tokens";
import { detectAuthors, needsVoiceShare, type Authorship } from "./authors";
import { findCues, introducedAmong, introducedWithRole, mayHoldCue, nameSites, sharedSubjectCue, type Cue, type CueContext, type NameFinder, type NameSite, type RoleAnaphorFinder } from "./cues";
import { classifyParagraphs, looksLikeHeading, paragraphsWhere, type ParagraphRole } from "./layout";
import { readBlockQuotes } from "./blockquote";
import { readInterview } from "./interview";
import { othersVoiceShare } from "./voices";
import { indexPersons, type PersonIndex } from "./names";
import { nameInPersonContext } from "./person-context";
import { findQuotes, type QuoteSpan } from "./quotes";
import { rangeFinder } from "./sentence-index";
import { isRoleNoun, type CompiledRules, type Gender, type RuleSet } from "./rules";
import { countWords, hasAtMostWords, isCapitalized, isWhiteSpace, isWordChar, tokenize, type Token } from "./tokens";

/** One attributed stretch of text, before coding: who, how sure, from what cue, where. */
export interface Attribution {
  speakers: string[];
  kind: StatementKind;
  cue: string;
  confidence: number;
  start: number;
  end: number;
  paragraph: number;
}

export interface DocumentAttribution {
  attributions: Attribution[];
  /** Roles the text gives speakers (appositions, signature lines), by person id. */
  roles: Map<string, string>;
  /** Speakers who are not among the document's persons (metadata authors, names the text gives): id → name. */
  extraNames: Map<string, string>;
}

/** Confidence of each kind of evidence: an explicit name next to the words beats any inference. */
const CONFIDENCE = {
  named: 0.95,
  reported: 0.85,
  continuation: 0.85,
  pronoun: 0.8,
  pronounUnknownGender: 0.7,
  dashContinuation: 0.85,
  precedingParagraph: 0.7,
  stale: 0.1,
  ambiguous: 0.15,
  introduced: 0.7,
} as const;
/** Paragraphs after which a continued speaker is less certain. */
const RECENT_PARAGRAPHS = 4;
/** Unattributed quotes shorter than this are scare quotes or terms, not speech. */
const MIN_SPEECH_WORDS = 4;
const MIN_AUTHORED_WORDS = 4;
/** Words a reported sentence needs besides its attribution to say anything. */
const MIN_REPORTED_WORDS = 3;
const MIN_FREE_LINE_WORDS = 15;
/** A bare dash line this short without closing punctuation is a list item, not a quote. */
const MAX_LIST_ITEM_WORDS = 8;
const DASHES = new Set([0x2013, 0x2014, 0x2d]);
/** How far after a clause verb its "att"/"that" may come ("skriver i en ny analys att"). */
const CLAUSE_WINDOW = 8;

interface Speaker {
  id: string;
  paragraph: number;
}

function hasWordBetween(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (isWordChar(text.charCodeAt(i))) return true;
  return false;
}

function skipDash(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (DASHES.has(text.charCodeAt(i)) || isWhiteSpace(text.charCodeAt(i)))) i += 1;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,:–—-]/.test(text[e - 1] ?? "")) e -= 1;
  return e;
}

/** Marks that end a dash line that is speech, not a list item. */
const LINE_END_MARKS = ".!?…”\"";
/** Marks that end a paragraph of running text. */
const SENTENCE_CLOSE_MARKS = ".!?”\"»’";

/** Whether text[from, to) ends with one of the marks, trailing blanks aside: /[marks]\s*$/ without a scan from the start. */
function endsWithMark(text: string, from: number, to: number, marks: string): boolean {
  let e = to;
  while (e > from && isWhiteSpace(text.charCodeAt(e - 1))) e -= 1;
  return e > from && marks.includes(text[e - 1]!);
}
const OPEN_MARKS = new Set(["“", "„", "«", "”", "\""]);

/** . ! ? by char code: clause ends are scanned for at every character, so no one-character strings. */
const isSentenceEndCode = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
/** “ „ « ” " by char code, as OPEN_MARKS. */
const isOpenMarkCode = (c: number) => c === 0x201c || c === 0x201e || c === 0xab || c === 0x201d || c === 0x22;

/** Ends the attribution clause after a quote: the first sentence end, the next quote, or the paragraph end. */
function clauseEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSentenceEndCode(c) && (i + 1 >= to || isWhiteSpace(text.charCodeAt(i + 1)))) return i + 1;
    if (isOpenMarkCode(c) && i > from && isWhiteSpace(text.charCodeAt(i - 1))) return i;
  }
  return to;
}

/** A cue that begins the token stretch, after an optional comma or dash, or after "Det"/"So" standing for the quote. */
function leadingCue(cues: readonly Cue[], tokens: readonly Token[], rules: CompiledRules): Cue | undefined {
  let first = 0;
  while (first < tokens.length && !tokens[first]!.word) first += 1;
  const second = rules.demonstratives.has(tokens[first]?.lower ?? "") ? first + 1 : first;
  return cues.find((c) => c.from === first || (c.from === second && c.form === "inverted"));
}

const allNamesCache = new WeakMap<RuleSet, Map<string, Gender>>();

/** First names of every language, merged once per rule set rather than once per document. */
function namesOfAllLanguages(ruleSet: RuleSet): ReadonlyMap<string, Gender> {
  let all = allNamesCache.get(ruleSet);
  if (!all) {
    all = new Map();
    for (const r of ruleSet.values()) for (const [k, v] of r.names) all.set(k, v);
    allNamesCache.set(ruleSet, all);
  }
  return all;
}

/**
 * One document's attribution in progress: what the setup found, and the speaker state the walk over its
 * paragraphs carries from sentence to sentence. Module functions take it instead of closing over it, so a
 * document creates only the few callbacks it hands to other modules (under tsx each named closure also costs a `__name` call).
 */
class Walk {
  readonly text: string;
  readonly fallback: CompiledRules | undefined;
  readonly persons: PersonIndex;
  readonly tokensIn: TokensIn;
  readonly sentenceAt: (offset: number) => Sentence | undefined;
  readonly sentencesOf: Sentence[][];
  paragraphRoles: ParagraphRole[] = [];
  quotes: QuoteSpan[] = [];
  /** Roles the text gives speakers (appositions, signature lines), by person id. */
  readonly roles = new Map<string, string>();
  readonly authorNames = new Map<string, string>();
  authorship: Authorship | null = null;
  authors: string[] = [];
  readonly out: Attribution[] = [];
  current: Speaker | null = null;
  /** End of the text the last attributed quote and its attribution clause cover. */
  coveredEnd = -1;
  lastQuoteSpeakers: string[] = [];
  /** Persons named in narrative since the current speaker last spoke: a pronoun might mean them. */
  readonly others = new Map<string, number>();
  /** Persons the last narrative sentence introduced with a role, and its paragraph. */
  lastIntroduced: { ids: string[]; paragraph: number } | null = null;
  /** The paragraph in which the author's biography began. */
  bioParagraph = -1;
  /** Narrative sentences, not about the current speaker, since the current speaker last spoke. */
  narrativeSince = 0;
  /** Everyone who has spoken so far. */
  readonly spoken = new Set<string>();
  readonly roleWordsCache = new Map<CompiledRules, Map<string, string[]>>();
  /** Bumped whenever `roles` changes, so the current speaker's role words can be kept between tokens. */
  rolesVersion = 0;
  /** The current speaker's role words and what they were read from. */
  roleWords: { id: string; rules: CompiledRules; version: number; words: string[] } | null = null;
  /** The cue context of the last rules asked for: a document is mostly in one language. */
  cueContext: WalkCueContext | null = null;

  constructor(
    readonly doc: NormalizedDocument,
    readonly ruleSet: RuleSet,
  ) {
    const fallback = ruleSet.get(doc.lang) ?? [...ruleSet.values()][0];
    this.fallback = fallback;
    this.text = doc.text;
    this.persons = indexPersons(doc.persons, doc.mentions, namesOfAllLanguages(ruleSet), (tokens, i) => (fallback ? nameInPersonContext(tokens, i, fallback) : null));
    this.tokensIn = paragraphTokens(doc.text, doc.paragraphs);
    this.sentenceAt = rangeFinder(doc.sentences);
    this.sentencesOf = doc.paragraphs.map(() => []);
  }
}

/**
 * The cue context of a walk. Its role-anaphor test is a method, not a closure per document: with a closure
 * there, V8 kept each document's tokens alive through scavenges (15x the bytes promoted on the bench corpus).
 */
class WalkCueContext implements CueContext {
  readonly findName: NameFinder;
  readonly findOwner: NameFinder;
  readonly text: string;

  constructor(
    readonly walk: Walk,
    readonly rules: CompiledRules,
  ) {
    this.findName = walk.persons.findName;
    this.findOwner = walk.persons.findOwner;
    this.text = walk.text;
  }

  roleAnaphorAt(tokens: readonly Token[], i: number, rules: CompiledRules): number | null {
    return roleAnaphorAt(this.walk, tokens, i, rules);
  }
}

function rulesOf(w: Walk, p: Paragraph | undefined): CompiledRules | undefined {
  return p ? (w.ruleSet.get(p.lang) ?? w.fallback) : w.fallback;
}

function resolveAuthor(w: Walk, name: string): string | null {
  const lower = name.trim().toLowerCase();
  if (!lower) return null;
  const known = w.doc.persons.find((p) => p.name.toLowerCase() === lower);
  if (known) return known.id;
  const id = personSlug(name);
  if (!id) return null;
  w.authorNames.set(id, name.trim());
  return id;
}

function sentenceStartOf(w: Walk, offset: number): number {
  return w.sentenceAt(offset)?.start ?? 0;
}

function sentenceEnd(w: Walk, offset: number): number {
  const s = w.sentenceAt(offset);
  return s ? s.end : clauseEnd(w.text, offset, w.text.length);
}

function emit(w: Walk, a: Attribution): void {
  const end = trimEnd(w.text, a.start, a.end);
  const start = skipSpace(w.text, a.start);
  if (end > start) w.out.push({ ...a, start, end });
}

function remember(w: Walk, speakers: string[], paragraph: number): void {
  for (const id of speakers) w.spoken.add(id);
  const only = speakers.length === 1 ? speakers[0] : undefined;
  if (only && !w.authors.includes(only)) {
    w.current = { id: only, paragraph };
    w.others.clear();
    w.lastIntroduced = null;
    w.narrativeSince = 0;
  }
}

/** The current speaker spoke again: narrative before no longer stands between them and a pronoun. */
function spokeAgain(w: Walk, paragraph: number): void {
  if (w.current) remember(w, [w.current.id], paragraph);
}

function noteRole(w: Walk, cue: Cue): void {
  if (cue.role && cue.speakers.length === 1 && !w.roles.has(cue.speakers[0]!)) setRole(w, cue.speakers[0]!, cue.role);
}

function setRole(w: Walk, id: string, role: string): void {
  w.roles.set(id, role);
  w.rolesVersion += 1;
}

/** Words of the current speaker's role before its first preposition: "analytiker", "senior fellow". */
function roleWordsOf(w: Walk, id: string, rules: CompiledRules): string[] {
  const role = w.persons.person(id)?.role ?? w.roles.get(id) ?? "";
  // Each role is tokenized once per document and language.
  let cache = w.roleWordsCache.get(rules);
  if (!cache) w.roleWordsCache.set(rules, (cache = new Map()));
  const cached = cache.get(role);
  if (cached) return cached;
  const words: string[] = [];
  for (const t of tokenize(role)) {
    if (!t.word || rules.blockers.has(t.lower)) break;
    if (!rules.articles.has(t.lower) && t.lower.length >= 4) words.push(t.lower);
  }
  cache.set(role, words);
  return words;
}

function roleAnaphorAt(w: Walk, tokens: readonly Token[], i: number, rules: CompiledRules): number | null {
  const current = w.current;
  if (!current) return null;
  const j = rules.articles.has(tokens[i]!.lower) ? i + 1 : i;
  const noun = tokens[j];
  if (!noun?.word || (j > i && isCapitalized(noun)) || noun.lower.length < 4) return null;
  // "analytikern" is the definite form of the role "analytiker"; "the analyst" repeats it.
  // Asked at nearly every token while someone holds the floor: keep their role words until the speaker, rules or roles change.
  let kept = w.roleWords;
  if (kept?.id !== current.id || kept.rules !== rules || kept.version !== w.rolesVersion) {
    kept = { id: current.id, rules, version: w.rolesVersion, words: roleWordsOf(w, current.id, rules) };
    w.roleWords = kept;
  }
  for (const word of kept.words) if (noun.lower.startsWith(word)) return j + 1;
  return null;
}

/**
 * When the pronoun cannot be the current speaker, it may be the one person of its gender the text
 * named in this or the previous paragraph ("X får medhåll av Anna Berglund, analytiker … – …, säger hon"),
 * or else the one person of the last few paragraphs it may fit (gender known to match, or unknown).
 */
function introducedFitting(w: Walk, gender: Gender | "role", paragraph: number): { id: string; confidence: number } | null {
  if (gender === "role") return null;
  const fitting = [...w.others].filter(([id, at]) => paragraph - at <= 1 && w.persons.genderOf(id) === gender);
  if (fitting.length === 1) return { id: fitting[0]![0], confidence: CONFIDENCE.introduced };
  if (fitting.length > 1) return null;
  // Otherwise the one person of the recent text the pronoun may fit.
  const recent = [...w.others].filter(([id, at]) => paragraph - at <= RECENT_PARAGRAPHS && (w.persons.genderOf(id) ?? gender) === gender);
  if (recent.length === 1) return { id: recent[0]![0], confidence: CONFIDENCE.pronounUnknownGender };
  return null;
}

/** Persons named in the tokens, including speakers found by first name, in order. */
function namesIn(w: Walk, tokens: readonly Token[]): string[] {
  return idsOf(nameSites(tokens, w.persons.findName));
}

function cueContext(w: Walk, rules: CompiledRules): CueContext {
  if (w.cueContext?.rules !== rules) w.cueContext = new WalkCueContext(w, rules);
  return w.cueContext;
}

function resolvePronoun(w: Walk, gender: Gender | "role", paragraph: number, afterNarrative: boolean): { id: string; confidence: number } | null {
  const current = w.current;
  const known = current ? w.persons.genderOf(current.id) : null;
  if (!current || afterNarrative || (gender !== "role" && known && known !== gender)) return introducedFitting(w, gender, paragraph);
  let confidence: number = known || gender === "role" ? CONFIDENCE.pronoun : CONFIDENCE.pronounUnknownGender;
  if (paragraph - current.paragraph > RECENT_PARAGRAPHS) confidence -= CONFIDENCE.stale;
  const rivals = [...w.others].filter(([id]) => gender === "role" || (w.persons.genderOf(id) ?? gender) === gender);
  // Someone who fits the pronoun was the subject of the narrative just before: the pronoun may well be them.
  if (rivals.some(([, at]) => paragraph - at <= 1) && w.narrativeSince > 0) return null;
  if (rivals.length > 0) confidence -= CONFIDENCE.ambiguous;
  return { id: current.id, confidence };
}

/** Speakers and confidence for a cue; null when a pronoun has no compatible antecedent. */
function speakersOf(w: Walk, cue: Cue, paragraph: number, namedConfidence: number): { ids: string[]; confidence: number; cue: string } | null {
  if (cue.pronoun) {
    // "Han sa att …" after a narrative sentence about someone else may mean that someone: only
    // "…, säger han" right after words keeps the convention that the pronoun is the last speaker.
    const r = resolvePronoun(w, cue.pronoun, paragraph, cue.form !== "inverted" && w.narrativeSince > 0);
    return r ? { ids: [r.id], confidence: r.confidence, cue: cue.pronoun === "role" ? "role-noun" : "pronoun" } : null;
  }
  noteRole(w, cue);
  return { ids: cue.speakers, confidence: namedConfidence, cue: cue.cue };
}

/** The one person the paragraph before introduced, when a pronoun of the dash quote fits them and not only the current speaker. */
function introducedFor(w: Walk, cue: Cue, pi: number): { ids: string[]; confidence: number; cue: string } | null {
  const lastIntroduced = w.lastIntroduced;
  if (!cue.pronoun || cue.pronoun === "role" || lastIntroduced?.paragraph !== pi - 1 || lastIntroduced.ids.length !== 1) return null;
  const id = lastIntroduced.ids[0]!;
  const gender = w.persons.genderOf(id);
  if (id === w.current?.id || (gender !== null && gender !== cue.pronoun)) return null;
  return { ids: [id], confidence: CONFIDENCE.introduced, cue: "pronoun" };
}

function handleDash(w: Walk, pi: number, rules: CompiledRules): void {
  const { doc, text } = w;
  const p = doc.paragraphs[pi]!;
  const contentStart = skipDash(text, p.start, p.end);
  const tokens = w.tokensIn(contentStart, p.end);
  const cues = findCues(tokens, 0, tokens.length, cueContext(w, rules)).filter((c) => {
    const prev = tokens[c.from - 1];
    return c.form !== "according" && prev !== undefined && (prev.text === "," || OPEN_MARKS.has(prev.text) || prev.text === "’");
  });
  const cue = cues[0];
  if (cue) {
    const who = introducedFor(w, cue, pi) ?? speakersOf(w, cue, pi, CONFIDENCE.named);
    if (!who) return;
    const commaStart = tokens[cue.from - 1]!.start;
    emit(w, { speakers: who.ids, kind: "quote", cue: who.cue, confidence: who.confidence, start: contentStart, end: commaStart, paragraph: pi });
    const clause = clauseEnd(text, tokens[cue.to - 1]!.end, p.end);
    const restStart = skipDash(text, clause, p.end);
    if (hasWordBetween(text, restStart, p.end)) {
      emit(w, { speakers: who.ids, kind: "quote", cue: who.cue, confidence: who.confidence, start: restStart, end: p.end, paragraph: pi });
    }
    remember(w, who.ids, pi);
    return;
  }
  if (!endsWithMark(text, contentStart, p.end, LINE_END_MARKS) && hasAtMostWords(text, MAX_LIST_ITEM_WORDS, contentStart, p.end)) return;
  // A person the paragraph before introduced with a role, who has not spoken yet, speaks now.
  const lastIntroduced = w.lastIntroduced;
  const introduced = lastIntroduced?.paragraph === pi - 1 && lastIntroduced.ids.length === 1 ? lastIntroduced.ids[0] : undefined;
  if (introduced && introduced !== w.current?.id) {
    emit(w, { speakers: [introduced], kind: "quote", cue: "preceding-paragraph", confidence: CONFIDENCE.precedingParagraph, start: contentStart, end: p.end, paragraph: pi });
    remember(w, [introduced], pi);
    return;
  }
  if (w.current) {
    const stale = pi - w.current.paragraph > RECENT_PARAGRAPHS ? CONFIDENCE.stale : 0;
    emit(w, { speakers: [w.current.id], kind: "quote", cue: "dash-continuation", confidence: CONFIDENCE.dashContinuation - stale, start: contentStart, end: p.end, paragraph: pi });
    spokeAgain(w, pi);
    return;
  }
  // No speaker yet: the paragraph before may introduce exactly one person.
  const before = doc.paragraphs[pi - 1];
  if (!before || w.paragraphRoles[pi - 1] !== "text") return;
  const named = namesIn(w, w.tokensIn(before.start, before.end)).filter((id) => !w.authors.includes(id));
  if (named.length !== 1) return;
  emit(w, { speakers: named, kind: "quote", cue: "preceding-paragraph", confidence: CONFIDENCE.precedingParagraph, start: contentStart, end: p.end, paragraph: pi });
  w.current = { id: named[0]!, paragraph: pi };
}

/** The attribution of a multi-paragraph quote often follows a later paragraph of it: look along the chain. */
function chainCue(w: Walk, q: QuoteSpan): Cue | undefined {
  const { doc, text, quotes } = w;
  for (let k = quotes.indexOf(q) + 1; k < quotes.length && quotes[k]!.continues; k++) {
    const next = quotes[k]!;
    const end = doc.paragraphs[next.paragraph]?.end ?? text.length;
    const tailTokens = w.tokensIn(next.close, clauseEnd(text, next.close, end));
    const cue = leadingCue(findCues(tailTokens, 0, tailTokens.length, cueContext(w, rulesOf(w, doc.paragraphs[next.paragraph]) ?? w.fallback!)), tailTokens, rulesOf(w, doc.paragraphs[next.paragraph]) ?? w.fallback!);
    if (cue) return cue;
  }
  return undefined;
}

/** Attributes a quotation; returns true when it is speech (attributed or not), so its sentence is not narrative. */
function handleQuote(w: Walk, q: QuoteSpan, rules: CompiledRules, sentenceStart: number, paragraphEnd: number): boolean {
  const { doc, text } = w;
  const words = countWords(text, q.start, q.end);
  const tailEnd = clauseEnd(text, q.close, paragraphEnd);
  const tailTokens = w.tokensIn(q.close, tailEnd);
  const startsClause = tailTokens[0]?.text === "," || /[,?!.…]$/.test(text.slice(q.start, q.end + 1).trim()) || text[q.close - 2] === ",";
  // A short quotation needs the comma of an attribution; a longer one may run straight into "säger han".
  const tail = startsClause || words >= MIN_SPEECH_WORDS ? leadingCue(findCues(tailTokens, 0, tailTokens.length, cueContext(w, rules)), tailTokens, rules) : undefined;

  let lead: Cue | undefined;
  let leadSpeech = false;
  // The lead is the sentence before the quote, or the paragraph before it when that ends with a colon.
  const paragraphStart = doc.paragraphs[q.paragraph]?.start ?? 0;
  const previous = doc.paragraphs[q.paragraph - 1];
  const colonParagraph = !hasWordBetween(text, paragraphStart, q.open) && previous !== undefined && text.slice(previous.start, previous.end).trimEnd().endsWith(":");
  const leadStart = colonParagraph ? Math.max(previous.start, sentenceStartOf(w, previous.end - 1)) : sentenceStart;
  const beforeOpen = text.slice(leadStart, colonParagraph ? previous.end : q.open).trimEnd();
  if (beforeOpen.endsWith(":") || beforeOpen.endsWith(",")) {
    const leadTokens = w.tokensIn(leadStart, leadStart + beforeOpen.length - 1);
    const leadCues = findCues(leadTokens, 0, leadTokens.length, cueContext(w, rules));
    // "X said, “…”" needs the verb right before the comma; a colon may follow "X said on Thursday:".
    lead = beforeOpen.endsWith(":") ? leadCues.at(-1) : leadCues.findLast((c) => c.to === leadTokens.length);
    // "As one official told us, “…”": speech, even when its speaker has no name.
    leadSpeech = leadTokens.slice(-4).some((t) => rules.speechVerbs.has(t.lower));
  }
  const cue = tail ?? lead ?? (q.continues ? undefined : chainCue(w, q));
  const atSentenceStart = !hasWordBetween(text, sentenceStart, q.open);
  if (cue) {
    const who = speakersOf(w, cue, q.paragraph, CONFIDENCE.named);
    if (who) {
      emit(w, { speakers: who.ids, kind: "quote", cue: who.cue, confidence: who.confidence, start: q.start, end: q.end, paragraph: q.paragraph });
      remember(w, who.ids, q.paragraph);
      w.lastQuoteSpeakers = who.ids;
      w.coveredEnd = tail ? tailEnd : q.close;
      return true;
    }
    return words >= MIN_SPEECH_WORDS;
  }
  // "…,” the minister said": attributed to someone we cannot name, so not a continuation either.
  if (leadSpeech || (startsClause && tailTokens.slice(0, 6).some((t) => rules.speechVerbs.has(t.lower)))) return true;
  const adjacent = w.lastQuoteSpeakers.length > 0 && !hasWordBetween(text, w.coveredEnd, q.open);
  // Right after its attribution, a quoted sentence of its own is the same speaker's, however short ("“They wait.”").
  const ownSentence = atSentenceStart && /[.!?…]$/.test(text.slice(q.start, q.end));
  if ((q.continues || adjacent) && (words >= MIN_SPEECH_WORDS || (adjacent && ownSentence))) {
    emit(w, { speakers: w.lastQuoteSpeakers, kind: "quote", cue: "quote-continuation", confidence: CONFIDENCE.continuation, start: q.start, end: q.end, paragraph: q.paragraph });
    w.coveredEnd = q.close;
    return true;
  }
  // A paragraph that is nothing but a quotation continues the speaker of the paragraph before, as a bare dash paragraph does.
  const wholeParagraph = !hasWordBetween(text, paragraphStart, q.open) && !hasWordBetween(text, q.close, paragraphEnd);
  const current = w.current;
  if (wholeParagraph && current && current.paragraph === q.paragraph - 1 && w.narrativeSince === 0 && words >= MIN_SPEECH_WORDS) {
    emit(w, { speakers: [current.id], kind: "quote", cue: "quote-paragraph-continuation", confidence: CONFIDENCE.dashContinuation, start: q.start, end: q.end, paragraph: q.paragraph });
    spokeAgain(w, q.paragraph);
    w.coveredEnd = q.close;
    return true;
  }
  // A long quotation opening its sentence is someone's speech even when we cannot tell whose.
  return atSentenceStart && words >= 2 * MIN_SPEECH_WORDS;
}

/** "Fiona Hill is a senior fellow at …": the piece's note on its authors, not their analysis. */
function isAuthorBio(w: Walk, tokens: readonly Token[], rules: CompiledRules): boolean {
  const { persons, roles } = w;
  const site = persons.findName(tokens, 0);
  if (!site || !w.authors.includes(site.id)) return false;
  let j = site.next;
  while (tokens[j] && (rules.coordinators.has(tokens[j]!.lower) || tokens[j]!.text === ",")) j = persons.findName(tokens, j + 1)?.next ?? j + 1;
  const copula = tokens[j];
  if (!copula || !rules.copulas.has(copula.lower)) return false;
  if (!roles.has(site.id) && tokens[j + 1]) setRole(w, site.id, w.text.slice(tokens[j + 1]!.start, tokens[tokens.length - 1]!.start).trim());
  return true;
}

/** The person a sentence opens with, after an optional role noun ("Sociologen X …"). */
function subjectAt(w: Walk, tokens: readonly Token[], rules: CompiledRules): string | null {
  const first = tokens[0];
  const at = first && isRoleNoun(first.lower, rules) ? 1 : 0;
  return w.persons.findName(tokens, at)?.id ?? null;
}

function handleSentence(w: Walk, pi: number, start: number, end: number, rules: CompiledRules, freeLine: boolean): void {
  const { persons, authors, authorship, text } = w;
  const tokens = w.tokensIn(start, end);
  // Most sentences have no speech verb or according-to word, hence no cue; the name search below then meets their names in the same order.
  const mayCue = mayHoldCue(tokens, rules);
  const direct = mayCue ? findCues(tokens, 0, tokens.length, cueContext(w, rules)).filter((c) => reportsClause(c, tokens, rules)) : [];
  const shared = mayCue && direct.length === 0 ? sharedSubjectCue(tokens, cueContext(w, rules)) : null;
  const found = shared ? [shared] : direct;
  // Without a cue (most sentences) there are no clauses to split and no cue to report: straight to the names.
  if (found.length > 0 && reportsByCue(w, pi, start, end, tokens, rules, found)) return;
  const discoveredBefore = persons.discovered.size;
  const sites = nameSites(tokens, persons.findName);
  const mentioned = idsOf(sites);
  for (const id of mentioned) if (id !== w.current?.id && !authors.includes(id)) w.others.set(id, pi);
  if (!w.current || !mentioned.includes(w.current.id)) w.narrativeSince += 1;
  // Finding names changes nothing unless it discovers someone: then the same search would find the same names again.
  const introducedIds = persons.discovered.size === discoveredBefore ? introducedAmong(sites, tokens, rules, text) : introducedWithRole(tokens, rules, persons.findName, text);
  const introduced = introducedIds.filter((id) => !authors.includes(id));
  // A one-sentence paragraph about an earlier speaker ("X är skeptisk.") hands the floor back to them.
  const subject = (w.sentencesOf[pi]?.length ?? 0) <= 1 ? subjectAt(w, tokens, rules) : null;
  if (introduced.length === 0 && subject && w.spoken.has(subject)) introduced.push(subject);
  if (introduced.length > 0) w.lastIntroduced = { ids: introduced, paragraph: pi };
  if (authors.length > 0 && authorship && freeLine && !hasAtMostWords(text, MIN_AUTHORED_WORDS - 1, start, end) && w.bioParagraph !== pi) {
    // The rest of a paragraph that opens the author's biography ("She previously worked …") is biography too.
    if (isAuthorBio(w, tokens, rules)) {
      w.bioParagraph = pi;
      return;
    }
    emit(w, { speakers: authors, kind: "authored", cue: authorship.cue, confidence: authorship.confidence, start, end, paragraph: pi });
  }
}

/** Emits the statements a sentence's cues report; true when they settle the sentence. */
function reportsByCue(w: Walk, pi: number, start: number, end: number, tokens: readonly Token[], rules: CompiledRules, found: Cue[]): boolean {
  const { authors } = w;
  const clauses = coordinatedSpeakers(found, tokens, rules).filter((c) => !c.cue.speakers.some((id) => authors.includes(id)));
  if (clauses.length > 1) {
    // "X har beskrivit … och Y har sagt att …": each clause is its own speaker's statement.
    clauses.forEach(({ cue, from }, k) => {
      const next = clauses[k + 1];
      noteRole(w, cue);
      const clauseStart = from === 0 ? start : tokens[from]!.start;
      const clauseEnd = next ? tokens[next.from - 1]!.start : end;
      emit(w, { speakers: cue.speakers, kind: "reported", cue: cue.cue, confidence: CONFIDENCE.reported, start: clauseStart, end: clauseEnd, paragraph: pi });
      remember(w, cue.speakers, pi);
    });
    return true;
  }
  const cues = preferReportingClause(found, tokens, rules);
  for (const cue of cues) {
    const authoring = cue.speakers.length > 0 && cue.speakers.every((id) => authors.includes(id));
    if (authoring) {
      noteRole(w, cue);
      emit(w, { speakers: cue.speakers, kind: "authored", cue: cue.cue, confidence: CONFIDENCE.named, start, end, paragraph: pi });
      return true;
    }
    const who = speakersOf(w, cue, pi, CONFIDENCE.reported);
    if (!who) continue;
    // "Jakob Hedenskog säger:" only introduces the quote that follows; it says nothing itself.
    const said = tokens.filter((t, k) => t.word && (k < cue.from || k >= cue.to)).length;
    if (said >= MIN_REPORTED_WORDS) emit(w, { speakers: who.ids, kind: "reported", cue: who.cue, confidence: who.confidence, start, end, paragraph: pi });
    remember(w, who.ids, pi);
    return true;
  }
  return false;
}

/** Whether a paragraph reports what someone says: every cue names a speaker or stands for one with a pronoun, so the first cue settles it. */
function reportsSomeone(w: Walk, pi: number): boolean {
  const p = w.doc.paragraphs[pi]!;
  const rules = rulesOf(w, p);
  const tokens = w.tokensIn(p.start, p.end);
  // After the first pass over names, finding names in a paragraph's tokens discovers no one new: skipping the search changes nothing.
  return rules !== undefined && mayHoldCue(tokens, rules) && findCues(tokens, 0, tokens.length, { rules, findName: w.persons.findName, findOwner: w.persons.findOwner, text: w.text }, 1).length > 0;
}

/** Whether an interview turn is the interviewee's own words: it names them first, or carries a cue of its own. */
function turnSpeaks(w: Walk, pi: number, interviewee: string): boolean {
  const p = w.doc.paragraphs[pi]!;
  const rules = rulesOf(w, p);
  const tokens = w.tokensIn(p.start, p.end);
  if (!rules || w.persons.findName(tokens, 0)?.id === interviewee) return true;
  return findCues(tokens, 0, tokens.length, { rules, findName: w.persons.findName, findOwner: w.persons.findOwner, roleAnaphorAt: noRoleAnaphor, text: w.text }, 1).length > 0;
}

const noRoleAnaphor: RoleAnaphorFinder = () => null;

/**
 * Attributes one normalized document: direct quotes, dash quotes, reported speech, pronoun and
 * dash continuations, and the sentences of authored pieces. Pure: no I/O.
 */
export function attributeDocument(doc: NormalizedDocument, ruleSet: RuleSet): DocumentAttribution {
  const w = new Walk(doc, ruleSet);
  const text = doc.text;
  const persons = w.persons;
  const rulesAt = (i: number) => rulesOf(w, doc.paragraphs[i]);
  const resolve = (name: string) => resolveAuthor(w, name);

  const paragraphRoles: ParagraphRole[] = classifyParagraphs(doc, (p) => rulesOf(w, p)).map((r, i) => {
    const p = doc.paragraphs[i]!;
    // A dash paragraph the normalizer did not flag is still a dash quote.
    const opensWithDash = DASHES.has(text.charCodeAt(skipSpace(text, p.start))) && /\s/.test(text[skipSpace(text, p.start) + 1] ?? "");
    if (r === "text" && opensWithDash && rulesOf(w, p)?.dashQuotes) return "dash";
    return r;
  });
  w.paragraphRoles = paragraphRoles;

  const quoteParagraphs = paragraphsWhere(paragraphRoles, (r) => r === "text").map((index) => ({ start: doc.paragraphs[index]!.start, end: doc.paragraphs[index]!.end, index }));
  const quotes = findQuotes(text, quoteParagraphs, (offset) => sentenceEnd(w, offset));
  w.quotes = quotes;
  const speechQuotes = quotes.filter((q) => !hasAtMostWords(text, 2 * MIN_SPEECH_WORDS - 1, q.start, q.end)).length;

  // Meet every name once in text order, so a person found by context ("forskarna X") is known wherever the text names them.
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i]!;
    if (paragraphRoles[i] === "text") persons.meetAll(w.tokensIn(p.start, p.end));
  }
  // Interview turns (transcript labels, Q&A answers) are the interviewee's; an interview has no author of its own.
  const interview = readInterview(doc, paragraphRoles, rulesAt, persons.findName, resolve, (pi, interviewee) => turnSpeaks(w, pi, interviewee));
  // Reading every paragraph for reported speech is worth it only when the share can tip the verdict on interviews.
  const voiceShare = interview.size === 0 && needsVoiceShare(paragraphRoles, speechQuotes) ? othersVoiceShare(doc, paragraphRoles, quotes, (pi) => reportsSomeone(w, pi)) : 0;
  const blockQuotes = readBlockQuotes(doc, paragraphRoles, rulesAt, persons.findName, resolve);
  const authorship: Authorship | null = interview.size === 0 ? detectAuthors(doc, paragraphRoles, rulesAt, persons.findName, resolve, speechQuotes, w.tokensIn, voiceShare) : null;
  w.authorship = authorship;
  w.authors = authorship && !authorship.news ? authorship.authors : [];
  if (authorship) for (const [id, role] of authorship.roles) setRole(w, id, role);

  for (const s of doc.sentences) w.sentencesOf[s.paragraph]?.push(s);
  let qi = 0;
  for (let pi = 0; pi < doc.paragraphs.length; pi++) {
    const role = paragraphRoles[pi];
    const p = doc.paragraphs[pi]!;
    const rules = rulesOf(w, p);
    if (!rules || authorship?.paragraphs.has(pi)) continue;
    const turn = interview.get(pi) ?? blockQuotes.get(pi);
    if (turn) {
      if (turn.speaker) {
        emit(w, { speakers: [turn.speaker], kind: "quote", cue: "interview-turn", confidence: CONFIDENCE.introduced, start: turn.start, end: turn.end, paragraph: pi });
        remember(w, [turn.speaker], pi);
      }
      continue;
    }
    if (role === "dash") {
      handleDash(w, pi, rules);
      continue;
    }
    if (role !== "text") continue;
    const paragraphText = text.slice(p.start, p.end);
    const freeLine = !looksLikeHeading(paragraphText) && (endsWithMark(text, p.start, p.end, SENTENCE_CLOSE_MARKS) || !hasAtMostWords(paragraphText, MIN_FREE_LINE_WORDS - 1));
    const sentences = w.sentencesOf[pi] ?? [];
    const units = sentences.length > 0 ? sentences : [{ start: p.start, end: p.end, paragraph: pi }];
    while (qi < quotes.length && quotes[qi]!.paragraph < pi) qi += 1;
    for (const s of units) {
      let speech = false;
      while (qi < quotes.length && quotes[qi]!.paragraph === pi && quotes[qi]!.open < s.end) {
        const q = quotes[qi]!;
        qi += 1;
        if (handleQuote(w, q, rules, s.start, p.end)) {
          speech = true;
          w.coveredEnd = Math.max(w.coveredEnd, q.close);
        }
      }
      if (speech || s.end <= w.coveredEnd) continue;
      handleSentence(w, pi, Math.max(s.start, w.coveredEnd), s.end, rules, freeLine);
    }
  }
  for (const [id, name] of persons.discovered) if (!w.authorNames.has(id)) w.authorNames.set(id, name);
  return { attributions: w.out, roles: w.roles, extraNames: w.authorNames };
}

/** The persons of the name sites, each once, in order. */
function idsOf(sites: readonly NameSite[]): string[] {
  const ids: string[] = [];
  for (const site of sites) if (!ids.includes(site.id)) ids.push(site.id);
  return ids;
}

/**
 * Named subject cues of different speakers whose clauses a coordinator joins ("…, och Y har sagt att").
 * Returns each with the token its clause starts at (0 for the first), or fewer than two when the
 * sentence has one speaker.
 */
function coordinatedSpeakers(cues: readonly Cue[], tokens: readonly Token[], rules: CompiledRules): { cue: Cue; from: number }[] {
  const named = cues.filter((c) => c.form === "subject" && c.speakers.length > 0);
  const clauses: { cue: Cue; from: number }[] = [];
  for (const cue of named) {
    const previous = clauses[clauses.length - 1];
    if (!previous) {
      clauses.push({ cue, from: 0 });
      continue;
    }
    if (cue.speakers.some((id) => previous.cue.speakers.includes(id))) continue;
    let k = cue.from - 1;
    while (k >= previous.cue.to && !rules.coordinators.has(tokens[k]!.lower)) k -= 1;
    if (k >= previous.cue.to) clauses.push({ cue, from: k + 1 });
  }
  return clauses;
}

/** Clause verbs ("skriver", "wrote") report speech only before a reported clause or after a comma. */
function reportsClause(cue: Cue, tokens: readonly Token[], rules: CompiledRules): boolean {
  if (!rules.clauseVerbs.has(cue.cue)) return true;
  if (cue.form === "inverted" && tokens[cue.from - 1]?.text === ",") return true;
  return tokens.slice(cue.to, cue.to + CLAUSE_WINDOW).some((t) => rules.complementizers.has(t.lower) || rules.clauseOpeners.has(t.lower));
}

/**
 * Orders a sentence's cues by position, except that a subject cue with no reported clause yields to a
 * later one that has it: in "X har beskrivit dem som … och Y har sagt att …" the sentence reports Y.
 */
function preferReportingClause(cues: Cue[], tokens: readonly Token[], rules: CompiledRules): Cue[] {
  const first = cues[0];
  if (!first || first.form !== "subject" || opensClause(first, tokens, rules)) return cues;
  const better = cues.find((c) => opensClause(c, tokens, rules));
  return better ? [better, ...cues.filter((c) => c !== better)] : cues;
}

/** A complementizer ("att", "that") right after the cue opens its reported clause. */
function opensClause(cue: Cue, tokens: readonly Token[], rules: CompiledRules): boolean {
  return rules.complementizers.has(tokens[cue.to]?.lower ?? "");
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i += 1;
  return i;
}
