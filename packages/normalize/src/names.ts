import type { DocPerson, Mention, RegistryEntry } from "@viewpoints/artifacts";
import { isCloser, isLetter, isOpener, isTerminator, isUpper } from "./chars";
import { baseForms, type Alias, type RegistryIndex } from "./registry-index";
import { CAPITALISED, tokenize, type TokenList } from "./tokens";

/** Word lists the name finder uses, lower case (one language's, or several merged). */
export interface NameRules {
  stopwords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  /** Titles long enough to end a compound, keyed by their last MIN_TITLE_SUFFIX chars (see titleEndings). */
  titleEndings: ReadonlyMap<string, readonly string[]>;
  speechVerbs: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  bylineWords: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  roleWords: readonly string[];
  affiliationPrepositions: ReadonlySet<string>;
  appositionQualifiers: readonly string[];
  organisationWords: ReadonlySet<string>;
  roleComplementPrepositions: ReadonlySet<string>;
  affiliationDescriptors: readonly string[];
  roleCopulas: ReadonlySet<string>;
  /** Lower-case verb phrase → role noun ("who heads" → "head"). */
  roleVerbs: ReadonlyMap<string, string>;
}

/** Persons of one document and where the text names them. */
export interface FoundNames {
  persons: DocPerson[];
  mentions: Mention[];
}

/** Words of an apposition searched for a role noun ("a Russian foreign policy analyst at …"). */
const ROLE_WINDOW = 6;
/** Title words before a name ("Prime Minister") and words of a registry name before them are at most this many. */
const MAX_TITLE_WORDS = 4;
/** Shorter titles ("dr", "mr") are matched only as whole words, never as word endings. */
const MIN_TITLE_SUFFIX = 5;
const ARTICLES = new Set(["a", "an", "the", "en", "ett"]);

/** Indexes the titles that may end a compound by their last chars, so a word needs one lookup, not a scan of every title. */
export function titleEndings(titles: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const title of titles) {
    if (title.length < MIN_TITLE_SUFFIX) continue;
    const key = title.slice(-MIN_TITLE_SUFFIX);
    const list = index.get(key);
    if (list) list.push(title);
    else index.set(key, [title]);
  }
  return index;
}

/** Bounds each memo of this module on a corpus with an open vocabulary. */
const MAX_MEMO_ENTRIES = 50_000;

/**
 * A copy of `text` that does not keep alive the document it was sliced from (a slice may point into
 * its parent string): memo keys outlive their document. Concatenating and slicing makes V8 copy the chars.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** Names recur across documents: each is normalised and slugged once per run. */
const slugs = new Map<string, string>();

/** A kebab-case id from a full name: "Ann-Sofie van der Berg" → "ann-sofie-van-der-berg". */
export function personSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    if (slugs.size >= MAX_MEMO_ENTRIES) slugs.clear();
    slug = slugOf(name);
    slugs.set(detached(name), slug);
  }
  return slug;
}

function slugOf(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(slug) ? slug : `person-${slug || "unnamed"}`;
}

/** A signature line under a names line is read as their apposition only when the names line is this short. */
const MAX_SIGNATURE_NAMES_LINE = 80;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/**
 * Where a role phrase after a name starts: after ", " (apposition), after a copula ("X är forskare vid Y",
 * "X is a senior fellow at Y"), or on the next line under a short names line (an authored piece's signature).
 */
function appositionStart(text: string, end: number, rules: NameRules): number {
  const c = text.charCodeAt(end);
  if (c === 0x2c && text.charCodeAt(end + 1) === 0x20) return end + 2;
  if (c === 0x0a) return end - lineStart(text, end) <= MAX_SIGNATURE_NAMES_LINE ? end + 1 : -1;
  if (c !== 0x20) return -1;
  const wordEnd = text.indexOf(" ", end + 1);
  if (wordEnd < 0 || !rules.roleCopulas.has(text.slice(end + 1, wordEnd).toLowerCase())) return -1;
  return wordEnd + 1;
}

/** The role phrase after a name: ", director of the Water Institute (EWI), a think tank" → "director of the Water Institute (EWI)". */
function appositionAfter(text: string, end: number, rules: NameRules): string | null {
  const start = appositionStart(text, end, rules);
  if (start < 0) return null;
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x0a) break;
    else if (depth === 0 && (c === 0x2c || c === 0x3b)) break;
    else if (depth === 0 && c === 0x2e && (i + 1 >= text.length || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)) break;
  }
  const apposition = text.slice(start, i).trim();
  return apposition || null;
}

interface Role {
  role: string;
  affiliation: string | null;
}

function dropArticle(words: string[]): string[] {
  return words.length > 1 && ARTICLES.has(words[0]!.toLowerCase()) ? words.slice(1) : words;
}

const startsUpper = (word: string): boolean => isUpper(word.charCodeAt(0));

/** Drops a generic descriptor at either end: "Carnegie Moscow Center think tank" → "Carnegie Moscow Center". */
function dropDescriptor(words: string[], descriptors: readonly string[]): string[] {
  const phrase = words.join(" ");
  const lower = phrase.toLowerCase();
  for (const d of descriptors) {
    if (lower.length > d.length + 1 && lower.endsWith(` ${d}`)) return phrase.slice(0, -d.length - 1).split(" ");
    if (lower.length > d.length + 1 && lower.startsWith(`${d} `)) return phrase.slice(d.length + 1).split(" ");
  }
  return words;
}

/** The organisation's name from the words after the preposition: "Russia’s independent Novaya Gazeta newspaper" → "Novaya Gazeta". */
function affiliationOf(words: string[], rules: NameRules): string | null {
  let rest = dropArticle(words);
  // An English possessive owner before the name ("Russia’s …") describes, it does not name.
  const owner = rest.findIndex((w) => stripPossessive(w) !== w);
  if (owner >= 0 && owner < rest.length - 1) rest = rest.slice(owner + 1);
  // Lower-case adjectives before a capitalised name ("independent Novaya Gazeta").
  const named = rest.findIndex(startsUpper);
  if (named > 0) rest = rest.slice(named);
  rest = dropDescriptor(rest, rules.affiliationDescriptors);
  const affiliation = rest.join(" ").trim();
  return affiliation || null;
}

/** "Analytiker på …" opening a signature line: a role noun written in lower case elsewhere. */
function roleCase(role: string, rules: NameRules): string {
  const first = role.split(" ", 1)[0]!;
  const lower = first.toLowerCase();
  return first !== lower && rules.roleWords.includes(lower) ? lower + role.slice(first.length) : role;
}

/**
 * Splits an apposition into role and affiliation when it names a role: "analytiker vid X",
 * "professor i statsvetenskap vid X", "who heads the X".
 */
export function parseApposition(apposition: string, rules: NameRules): Role | null {
  let text = apposition;
  const lower = text.toLowerCase();
  for (const qualifier of rules.appositionQualifiers) {
    const at = lower.indexOf(` ${qualifier} `);
    if (at > 0) text = text.slice(0, at);
  }
  for (const [phrase, role] of rules.roleVerbs) {
    if (lower.startsWith(`${phrase} `)) return { role, affiliation: affiliationOf(text.slice(phrase.length + 1).split(" "), rules) };
  }
  const words = text.split(" ");
  // An apposition opens with a lower-case word, an article or the role itself ("Asienanalytiker vid …"),
  // not with a name ("Besides Norway, NATO member states …").
  const first = words[0]!;
  const isRoleWord = (word: string) => rules.roleWords.some((r) => word.endsWith(r));
  if (startsUpper(first) && !ARTICLES.has(first.toLowerCase()) && !isRoleWord(first.toLowerCase())) return null;
  // The role is the head noun right before the affiliation's preposition, or the apposition's last word.
  let prep = words.length;
  for (let w = 1; w < words.length; w++) {
    if (rules.affiliationPrepositions.has(words[w]!.toLowerCase())) {
      prep = w;
      break;
    }
  }
  if (prep > ROLE_WINDOW || !isRoleWord(words[prep - 1]!.toLowerCase())) return null;
  // "professor i statsvetenskap vid X": a complement belongs to the role when an affiliation preposition follows.
  let split = prep;
  if (prep < words.length && rules.roleComplementPrepositions.has(words[prep]!.toLowerCase())) {
    for (let w = prep + 2; w < words.length; w++) {
      const word = words[w]!.toLowerCase();
      if (rules.affiliationPrepositions.has(word) && !rules.roleComplementPrepositions.has(word)) {
        split = w;
        break;
      }
    }
  }
  const role = roleCase(dropArticle(words.slice(0, split)).join(" "), rules);
  if (split === words.length) return { role, affiliation: null };
  return { role, affiliation: affiliationOf(words.slice(split + 1), rules) };
}

function stripPossessive(word: string): string {
  const n = word.length;
  if (n > 2 && word.charCodeAt(n - 1) === 0x73 && (word.charCodeAt(n - 2) === 0x2019 || word.charCodeAt(n - 2) === 0x27)) return word.slice(0, n - 2);
  return word;
}

type Match = { alias: Alias; end: number };

/** What the finder asks of a spelling; the answers are the same wherever it occurs. */
interface WordInfo {
  lower: string;
  /** The lower-case word and its base forms without a genitive or possessive ending. */
  forms: readonly string[];
  title: boolean;
  nameWord: boolean;
  /** One of its forms is an organisation word ("institutet", "university"). */
  organisation: boolean;
  /** It ends in a role noun ("analytikern", "researcher"). */
  role: boolean;
  /** Registry spellings that may start at this word, in the order they are tried: a base form only ends a one-word spelling. */
  aliases: readonly Alias[];
}

const NO_ALIASES: readonly Alias[] = [];

function aliasesStartingWith(forms: readonly string[], index: RegistryIndex): readonly Alias[] {
  let aliases = NO_ALIASES;
  for (let f = 0; f < forms.length; f++) {
    const candidates = index.get(forms[f]!);
    if (!candidates) continue;
    for (const alias of candidates) {
      if (f > 0 && alias.tokens.length > 1) continue;
      if (aliases === NO_ALIASES) aliases = [];
      (aliases as Alias[]).push(alias);
    }
  }
  return aliases;
}

/** Titles also end compounds: "oppositionsledaren", "regim-kritikern", "vicepresident". */
function isTitleWord(lower: string, rules: NameRules): boolean {
  if (rules.titles.has(lower)) return true;
  if (lower.length <= MIN_TITLE_SUFFIX) return false;
  const candidates = rules.titleEndings.get(lower.slice(-MIN_TITLE_SUFFIX));
  if (candidates) for (const title of candidates) if (lower.length > title.length && lower.endsWith(title)) return true;
  return false;
}

/** A capitalised word that may be part of a name: no stopword, title, speech verb or conjunction. */
function isNameSpelling(word: string, lower: string, title: boolean, rules: NameRules): boolean {
  if (!isUpper(word.charCodeAt(0)) || !isLetter(word.charCodeAt(word.length - 1))) return false;
  // Every part of a hyphenated name is capitalised ("Jean-Luc"); "regim-kritikern" is a description.
  for (let k = word.indexOf("-"); k >= 0; k = word.indexOf("-", k + 1)) if (!isUpper(word.charCodeAt(k + 1))) return false;
  return !rules.stopwords.has(lower) && !title && !rules.speechVerbs.has(lower) && !rules.conjunctions.has(lower);
}

function describeWord(word: string, rules: NameRules, index: RegistryIndex): WordInfo {
  const lower = word.toLowerCase();
  // Only words ending in s can carry a genitive or possessive ending.
  const forms = lower.charCodeAt(lower.length - 1) === 0x73 ? [lower, ...baseForms(lower)] : [lower];
  const title = isTitleWord(lower, rules);
  return {
    lower,
    forms,
    title,
    nameWord: isNameSpelling(word, lower, title, rules),
    organisation: forms.some((f) => rules.organisationWords.has(f)),
    role: rules.roleWords.some((r) => lower.endsWith(r)),
    aliases: aliasesStartingWith(forms, index),
  };
}

/**
 * Spellings already described, per registry and rule set: words recur across documents, so each is
 * lower-cased and looked up in the word lists and the registry once per run.
 */
const describedWords = new WeakMap<RegistryIndex, WeakMap<NameRules, Map<string, WordInfo>>>();

function describedFor(index: RegistryIndex, rules: NameRules): Map<string, WordInfo> {
  let byRules = describedWords.get(index);
  if (!byRules) describedWords.set(index, (byRules = new WeakMap()));
  let described = byRules.get(rules);
  if (!described) byRules.set(rules, (described = new Map()));
  return described;
}

/** State of one findNames run; methods instead of closures, so nothing is allocated per call site. */
class NameFinder {
  readonly persons: DocPerson[] = [];
  readonly mentions: Mention[] = [];
  private readonly byId = new Map<string, DocPerson>();
  private readonly bySurname = new Map<string, string>();
  /** Unregistered full names already met, so a repeat needs no person context. */
  private readonly byName = new Map<string, DocPerson>();
  /** Ids whose role came from this text rather than the registry. */
  private readonly textRoles = new Set<string>();
  /** Word descriptions and registry matches are asked for repeatedly around capitalised words: computed once per token. */
  private readonly infos: (WordInfo | undefined)[];
  private readonly matched: (Match | null | undefined)[];
  private readonly described: Map<string, WordInfo>;
  private lastPersonEnd = -1;
  private readonly count: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly flags: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly index: RegistryIndex,
    private readonly rules: NameRules,
    tokens: TokenList,
  ) {
    this.count = tokens.count;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.flags = tokens.flags;
    // Sized up front (holes read as undefined): filling an empty array at scattered indices would make it a slow sparse one.
    this.infos = new Array<WordInfo | undefined>(tokens.count);
    this.matched = new Array<Match | null | undefined>(tokens.count);
    this.described = describedFor(index, rules);
  }

  private word(t: number): string {
    return this.text.slice(this.starts[t], this.ends[t]);
  }

  private info(t: number): WordInfo {
    let info = this.infos[t];
    if (info === undefined) {
      const word = this.word(t);
      info = this.described.get(word);
      if (info === undefined) {
        if (this.described.size >= MAX_MEMO_ENTRIES) this.described.clear();
        const spelling = detached(word);
        info = describeWord(spelling, this.rules, this.index);
        this.described.set(spelling, info);
      }
      this.infos[t] = info;
    }
    return info;
  }

  private lower(t: number): string {
    return this.info(t).lower;
  }

  private forms(t: number): readonly string[] {
    return this.info(t).forms;
  }

  /** Two tokens are parts of one name only when a single space separates them. */
  private adjacent(a: number, b: number): boolean {
    return this.starts[b] === this.ends[a]! + 1 && this.text.charCodeAt(this.ends[a]!) === 0x20;
  }

  private capitalised(t: number): boolean {
    return (this.flags[t]! & CAPITALISED) !== 0;
  }

  private matchRegistry(i: number): Match | null {
    let match = this.matched[i];
    if (match === undefined) match = this.matched[i] = this.lookupRegistry(i);
    return match;
  }

  private lookupRegistry(i: number): Match | null {
    if (!this.capitalised(i)) return null;
    const aliases = this.info(i).aliases;
    for (let a = 0; a < aliases.length; a++) {
      const alias = aliases[a]!;
      const n = alias.tokens.length;
      if (i + n > this.count) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        if (!this.adjacent(i + k - 1, i + k)) ok = false;
        else if (k < n - 1) ok = this.lower(i + k) === alias.tokens[k];
        else ok = this.forms(i + k).includes(alias.tokens[k]!);
      }
      if (ok) return { alias, end: i + n };
    }
    return null;
  }

  /** The person with `id`, given the role the text states after its name ending at token `last` or in titles before token `first`. */
  private personOf(entry: RegistryEntry | null, name: string, id: string, first: number, last: number): DocPerson {
    let person = this.byId.get(id);
    if (!person) {
      person = { id, name, role: entry?.role ?? null, affiliation: entry?.affiliation ?? null, registered: entry !== null };
      this.byId.set(id, person);
      this.persons.push(person);
    }
    // Only the text's first role counts (see giveRole): later mentions need not parse theirs.
    if (!this.textRoles.has(person.id)) {
      const role = this.roleAt(this.ends[last]!) ?? this.titleBefore(first);
      if (role) this.giveRole(person, role);
    }
    return person;
  }

  /** The text's first role for a person wins over the registry's (which may be outdated). */
  private giveRole(person: DocPerson, role: Role): void {
    if (this.textRoles.has(person.id)) return;
    this.textRoles.add(person.id);
    person.role = role.role;
    // A registered affiliation still helps when the text names only the role ("analytikern X").
    if (role.affiliation !== null || !person.registered) person.affiliation = role.affiliation;
  }

  /** "X och Y, analytiker vid Z": the role after Y describes X too, when the text gave X none. */
  private shareRole(i: number, person: DocPerson): void {
    if (!this.textRoles.has(person.id) || person.role === null) return;
    const previous = this.lastPersonEnd === i - 2 && i > 1 && this.rules.conjunctions.has(this.lower(i - 1)) ? this.mentions.at(-1) : undefined;
    const partner = previous ? this.byId.get(previous.personId) : undefined;
    if (partner && partner !== person) this.giveRole(partner, { role: person.role, affiliation: person.affiliation });
  }

  /** A full name makes its surname resolve to the same person later in the document. */
  private remember(person: DocPerson, from: number, to: number): void {
    if (to - from > 1) this.bySurname.set(stripPossessive(this.lower(to - 1)), person.id);
  }

  private mention(person: DocPerson, start: number, end: number, lastToken: number): void {
    this.mentions.push({ start, end, personId: person.id, surface: this.text.slice(start, end) });
    this.lastPersonEnd = lastToken;
  }

  private isNameWord(t: number): boolean {
    return this.info(t).nameWord;
  }

  private isTitle(t: number): boolean {
    return this.info(t).title;
  }

  private inPersonContext(from: number, to: number): boolean {
    const { rules } = this;
    // "Russian Foreign Minister X": a capitalised sequence right before a title describes, it does not name.
    if (to < this.count && this.adjacent(to - 1, to) && this.isTitle(to)) return false;
    // "Dr. Aziz Karimov": an abbreviated title ends with a dot before the space.
    if (from > 0 && this.starts[from] === this.ends[from - 1]! + 2 && this.text.charCodeAt(this.ends[from - 1]!) === 0x2e && this.isTitle(from - 1)) return true;
    if (from > 0 && this.adjacent(from - 1, from)) {
      const before = this.lower(from - 1);
      if (rules.speechVerbs.has(before) || this.isTitle(from - 1)) return true;
      if (rules.conjunctions.has(before) && this.lastPersonEnd === from - 2) return true;
      if (rules.bylineWords.has(before) && this.paragraphStart(this.starts[from - 1]!)) return true;
    }
    if (to < this.count && this.adjacent(to - 1, to) && rules.speechVerbs.has(this.lower(to))) return true;
    return this.roleAt(this.ends[to - 1]!) !== null || this.partnerHasRole(to);
  }

  /** "X och Y, analytiker vid Z": a full name joined by a conjunction to one with a role apposition. */
  private partnerHasRole(to: number): boolean {
    if (to + 2 >= this.count || !this.adjacent(to - 1, to) || !this.rules.conjunctions.has(this.lower(to))) return false;
    if (!this.adjacent(to, to + 1) || !this.isNameWord(to + 1)) return false;
    const end = this.gather(to + 1);
    return end - to > 2 && this.roleAt(this.ends[end - 1]!) !== null;
  }

  private roleAt(end: number): Role | null {
    const apposition = appositionAfter(this.text, end, this.rules);
    return apposition === null ? null : parseApposition(apposition, this.rules);
  }

  private paragraphStart(at: number): boolean {
    return at === 0 || this.text.charCodeAt(at - 1) === 0x0a;
  }

  /**
   * "Kirgizistans premiärminister X": for a person not in the registry, title words right before the
   * name give the role and a registered place or organisation before them the affiliation.
   */
  private titleBefore(from: number): Role | null {
    let first = from;
    while (first > 0 && from - first < MAX_TITLE_WORDS && this.adjacent(first - 1, first) && this.isTitle(first - 1)) first--;
    if (first === from) return null;
    // Relations ("kollega", "successor") mark a person but are no role.
    let isRole = false;
    for (let t = first; t < from && !isRole; t++) isRole = this.info(t).role;
    if (!isRole) return null;
    const role = this.text.slice(this.starts[first], this.ends[from - 1]).toLowerCase();
    // "FOI-forskaren X": a capitalised prefix before the hyphen names the organisation.
    const hyphen = this.text.indexOf("-", this.starts[first]);
    if (hyphen > this.starts[first]! && hyphen < this.ends[first]! && isUpper(this.text.charCodeAt(this.starts[first]!))) {
      return { role: role.slice(hyphen - this.starts[first]! + 1), affiliation: this.text.slice(this.starts[first], hyphen) };
    }
    const owner = first > 0 && this.adjacent(first - 1, first) ? this.matchBefore(first - 1) : null;
    return { role, affiliation: owner && owner.alias.entry.type !== "person" ? owner.alias.entry.name : null };
  }

  private matchBefore(last: number): Match | null {
    for (let start = last; start >= 0 && last - start < MAX_TITLE_WORDS; start--) {
      const match = this.matchRegistry(start);
      if (match && match.end === last + 1) return match;
      if (start > 0 && !this.adjacent(start - 1, start)) break;
    }
    return null;
  }

  private sentenceInitial(at: number): boolean {
    let k = at - 1;
    while (k >= 0 && (this.text.charCodeAt(k) === 0x20 || isOpener(this.text.charCodeAt(k)))) k--;
    if (k < 0) return true;
    const c = this.text.charCodeAt(k);
    return c === 0x0a || isTerminator(c) || isCloser(c);
  }

  private hasPossessive(t: number): boolean {
    const w = this.lower(t);
    return stripPossessive(w) !== w;
  }

  private localPerson(t: number): DocPerson | undefined {
    for (const f of this.forms(t)) {
      const id = this.bySurname.get(f);
      if (id) return this.byId.get(id);
    }
    return undefined;
  }

  /** Gathers a capitalised sequence from i with inner particles ("Ann van der Berg"); returns its end. */
  private gather(i: number): number {
    let j = i + 1;
    while (j < this.count && this.adjacent(j - 1, j)) {
      // "UNICEF’s Lindholm": a possessive ends the sequence; the name starts after it.
      if (this.hasPossessive(j - 1)) break;
      const inner = this.matchRegistry(j);
      // A registered surname can end another person's full name ("Eva Lind" when "Lind" is registered); checked by the caller.
      if (inner && !(inner.end === j + 1 && inner.alias.entry.type === "person")) break;
      if (this.isNameWord(j)) {
        j++;
        continue;
      }
      let k = j;
      while (k < this.count && this.adjacent(k - 1, k) && this.rules.particles.has(this.lower(k))) k++;
      if (k > j && k < this.count && this.adjacent(k - 1, k) && this.isNameWord(k)) j = k + 1;
      else break;
    }
    return j;
  }

  /** Handles the full name tokens [i, j); returns where scanning goes on. */
  private fullName(i: number, j: number): number {
    let organisation = false;
    for (let t = i; t < j && !organisation; t++) organisation = this.info(t).organisation;
    const last = this.word(j - 1);
    const name = this.text.slice(this.starts[i], this.ends[j - 1]! - (last.length - stripPossessive(last).length));
    const endsInRegisteredSurname = this.matchRegistry(j - 1) !== null;
    const known = this.byName.get(name);
    // "Igår Lind sa": a sentence-initial word before a registered surname needs an apposition to count as a given name.
    const context =
      known !== undefined ||
      (!organisation &&
        (endsInRegisteredSurname && this.sentenceInitial(this.starts[i]!) ? this.roleAt(this.ends[j - 1]!) !== null : this.inPersonContext(i, j)));
    if (organisation || !context) return endsInRegisteredSurname ? j - 1 : j;
    const person = known ?? this.personOf(null, name, personSlug(name), i, j - 1);
    this.shareRole(i, person);
    this.byName.set(name, person);
    this.mention(person, this.starts[i]!, this.ends[j - 1]!, j - 1);
    this.remember(person, i, j);
    return j;
  }

  run(): FoundNames {
    let i = 0;
    while (i < this.count) {
      if (!this.capitalised(i)) {
        i++;
        continue;
      }
      const match = this.matchRegistry(i);
      if (match) {
        const { alias, end } = match;
        if (alias.entry.type === "person") {
          const local = alias.tokens.length === 1 ? this.localPerson(i) : undefined;
          const person = local ?? this.personOf(alias.entry, alias.entry.name, alias.entry.id, i, end - 1);
          this.shareRole(i, person);
          this.mention(person, this.starts[i]!, this.ends[end - 1]!, end - 1);
          if (alias.tokens.length > 1) this.remember(person, i, end);
        }
        i = end;
        continue;
      }
      if (!this.isNameWord(i)) {
        i++;
        continue;
      }
      const j = this.gather(i);
      if (j - i >= 2) {
        i = this.fullName(i, j);
        continue;
      }
      const local = this.localPerson(i);
      if (local) {
        let first = i;
        while (first > 0 && this.adjacent(first - 1, first) && this.rules.particles.has(this.lower(first - 1))) first--;
        this.mention(local, this.starts[first]!, this.ends[i]!, i);
      }
      i++;
    }
    return { persons: this.persons, mentions: this.mentions };
  }
}

/**
 * Finds persons in one pass over the tokens: registry spellings (case- and inflection-aware, via the
 * token map), organisations and places skipped, unregistered full names taken only in person
 * contexts (speech verb, title, role apposition, byline, "X och Y"), and bare surnames resolved to
 * the person introduced earlier in the same document.
 */
export function findNames(text: string, index: RegistryIndex, rules: NameRules, tokens: TokenList = tokenize(text)): FoundNames {
  return new NameFinder(text, index, rules, tokens).run();
}
