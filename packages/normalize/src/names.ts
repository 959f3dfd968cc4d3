import type { DocPerson, Mention, RegistryEntry } from "@viewpoints/artifacts";
import { isCloser, isLetter, isOpener, isTerminator, isUpper } from "./chars";
import { baseForms, type Alias, type RegistryIndex } from "./registry-index";
import { CAPITALISED, tokenize, type TokenList } from "./tokens";

/** Word lists the name finder uses, lower case (one language's, or several merged). */
export interface NameRules {
  stopwords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  bylineWords: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  roleWords: readonly string[];
  affiliationPrepositions: ReadonlySet<string>;
  appositionQualifiers: readonly string[];
  organisationWords: ReadonlySet<string>;
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

/** A kebab-case id from a full name: "Hugo von Essen" → "hugo-von-essen". */
export function personSlug(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(slug) ? slug : `person-${slug || "unnamed"}`;
}

/** The apposition after a name: ", head of the Council (RIAC), a think tank" → "head of the Council (RIAC)". */
function appositionAfter(text: string, end: number): string | null {
  if (text.charCodeAt(end) !== 0x2c || text.charCodeAt(end + 1) !== 0x20) return null;
  let depth = 0;
  let i = end + 2;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x0a) break;
    else if (depth === 0 && (c === 0x2c || c === 0x3b)) break;
    else if (depth === 0 && c === 0x2e && (i + 1 >= text.length || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)) break;
  }
  const apposition = text.slice(end + 2, i).trim();
  return apposition || null;
}

interface Role {
  role: string;
  affiliation: string | null;
}

function dropArticle(words: string[]): string[] {
  return words.length > 1 && ARTICLES.has(words[0]!.toLowerCase()) ? words.slice(1) : words;
}

/** Splits an apposition into role and affiliation when it names a role ("analytiker vid X"). */
export function parseApposition(apposition: string, rules: NameRules): Role | null {
  let text = apposition;
  const lower = text.toLowerCase();
  for (const qualifier of rules.appositionQualifiers) {
    const at = lower.indexOf(` ${qualifier} `);
    if (at > 0) text = text.slice(0, at);
  }
  const words = text.split(" ");
  // An apposition opens with a lower-case word, an article or the role itself ("Östeuropaanalytiker vid …"),
  // not with a name ("Alongside Russia, CSTO member states …").
  const first = words[0]!;
  const isRoleWord = (word: string) => rules.roleWords.some((r) => word.endsWith(r));
  if (isUpper(first.charCodeAt(0)) && !ARTICLES.has(first.toLowerCase()) && !isRoleWord(first.toLowerCase())) return null;
  // The role is the head noun right before the affiliation's preposition, or the apposition's last word.
  let prep = words.length;
  for (let w = 1; w < words.length; w++) {
    if (rules.affiliationPrepositions.has(words[w]!.toLowerCase())) {
      prep = w;
      break;
    }
  }
  if (prep > ROLE_WINDOW || !isRoleWord(words[prep - 1]!.toLowerCase())) return null;
  const role = dropArticle(words.slice(0, prep)).join(" ");
  if (prep === words.length) return { role, affiliation: null };
  const affiliation = dropArticle(words.slice(prep + 1)).join(" ");
  return { role, affiliation: affiliation || null };
}

function stripPossessive(word: string): string {
  const n = word.length;
  if (n > 2 && word.charCodeAt(n - 1) === 0x73 && (word.charCodeAt(n - 2) === 0x2019 || word.charCodeAt(n - 2) === 0x27)) return word.slice(0, n - 2);
  return word;
}

/**
 * Finds persons in one pass over the tokens: registry spellings (case- and inflection-aware, via the
 * token map), organisations and places skipped, unregistered full names taken only in person
 * contexts (speech verb, title, role apposition, "X och Y"), and bare surnames resolved to the person
 * introduced earlier in the same document.
 */
export function findNames(text: string, index: RegistryIndex, rules: NameRules, tokens: TokenList = tokenize(text)): FoundNames {
  const { count, starts, ends, flags } = tokens;
  const persons: DocPerson[] = [];
  const mentions: Mention[] = [];
  const byId = new Map<string, DocPerson>();
  const bySurname = new Map<string, string>();
  // Unregistered full names already met, so a repeat needs no person context.
  const byName = new Map<string, DocPerson>();
  let lastPersonEnd = -1;

  const word = (t: number) => text.slice(starts[t], ends[t]);
  // Lower-cased words and registry matches are asked for repeatedly around capitalised words: computed once.
  const lowered: (string | undefined)[] = [];
  const lower = (t: number): string => (lowered[t] ??= word(t).toLowerCase());
  const forms = (t: number): string[] => {
    const w = lower(t);
    // Only words ending in s can carry a genitive or possessive ending.
    return w.charCodeAt(w.length - 1) === 0x73 ? [w, ...baseForms(w)] : [w];
  };
  // Two tokens are parts of one name only when a single space separates them.
  const adjacent = (a: number, b: number) => starts[b] === ends[a]! + 1 && text.charCodeAt(ends[a]!) === 0x20;
  const capitalised = (t: number) => (flags[t]! & CAPITALISED) !== 0;

  const matched: ({ alias: Alias; end: number } | null | undefined)[] = [];
  const matchRegistry = (i: number): { alias: Alias; end: number } | null => {
    let match = matched[i];
    if (match === undefined) match = matched[i] = lookupRegistry(i);
    return match;
  };
  const lookupRegistry = (i: number): { alias: Alias; end: number } | null => {
    if (!capitalised(i)) return null;
    const firstForms = forms(i);
    for (let f = 0; f < firstForms.length; f++) {
      const candidates = index.get(firstForms[f]!);
      if (!candidates) continue;
      for (const alias of candidates) {
        const n = alias.tokens.length;
        if ((f > 0 && n > 1) || i + n > count) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          if (!adjacent(i + k - 1, i + k)) ok = false;
          else if (k < n - 1) ok = lower(i + k) === alias.tokens[k];
          else ok = forms(i + k).includes(alias.tokens[k]!);
        }
        if (ok) return { alias, end: i + n };
      }
    }
    return null;
  };

  const personOf = (entry: RegistryEntry | null, name: string, id: string, role: Role | null): DocPerson => {
    let person = byId.get(id);
    if (!person) {
      person = {
        id,
        name,
        role: role?.role ?? entry?.role ?? null,
        affiliation: role?.affiliation ?? entry?.affiliation ?? null,
        registered: entry !== null,
      };
      byId.set(id, person);
      persons.push(person);
    }
    return person;
  };

  // A full name makes its surname resolve to the same person later in the document.
  const remember = (person: DocPerson, from: number, to: number) => {
    if (to - from > 1) bySurname.set(stripPossessive(lower(to - 1)), person.id);
  };

  const mention = (person: DocPerson, start: number, end: number, lastToken: number) => {
    mentions.push({ start, end, personId: person.id, surface: text.slice(start, end) });
    lastPersonEnd = lastToken;
  };

  const isNameWord = (t: number): boolean => {
    if (!capitalised(t) || !isLetter(text.charCodeAt(ends[t]! - 1))) return false;
    // Every part of a hyphenated name is capitalised ("Kasym-Zjomart"); "Kreml-kritikern" is a description.
    for (let k = text.indexOf("-", starts[t]); k >= 0 && k < ends[t]!; k = text.indexOf("-", k + 1)) {
      if (!isUpper(text.charCodeAt(k + 1))) return false;
    }
    const w = lower(t);
    return !rules.stopwords.has(w) && !isTitle(t) && !rules.speechVerbs.has(w) && !rules.conjunctions.has(w);
  };

  // Titles also end compounds: "oppositionsledaren", "Kreml-kritikern", "vicepresident".
  const isTitle = (t: number): boolean => {
    const w = lower(t);
    if (rules.titles.has(w)) return true;
    for (const title of rules.titles) if (title.length >= MIN_TITLE_SUFFIX && w.length > title.length && w.endsWith(title)) return true;
    return false;
  };

  const inPersonContext = (from: number, to: number): boolean => {
    // "Russian Foreign Minister X": a capitalised sequence right before a title describes, it does not name.
    if (to < count && adjacent(to - 1, to) && isTitle(to)) return false;
    // "Dr. Aziz Karimov": an abbreviated title ends with a dot before the space.
    if (from > 0 && starts[from] === ends[from - 1]! + 2 && text.charCodeAt(ends[from - 1]!) === 0x2e && isTitle(from - 1)) return true;
    if (from > 0 && adjacent(from - 1, from)) {
      const before = lower(from - 1);
      if (rules.speechVerbs.has(before) || isTitle(from - 1)) return true;
      if (rules.conjunctions.has(before) && lastPersonEnd === from - 2) return true;
      if (rules.bylineWords.has(before) && paragraphStart(starts[from - 1]!)) return true;
    }
    if (to < count && adjacent(to - 1, to) && rules.speechVerbs.has(lower(to))) return true;
    return roleAt(ends[to - 1]!) !== null;
  };

  const roleAt = (end: number): Role | null => {
    const apposition = appositionAfter(text, end);
    return apposition === null ? null : parseApposition(apposition, rules);
  };

  const paragraphStart = (at: number): boolean => at === 0 || text.charCodeAt(at - 1) === 0x0a;

  // "Kirgizistans premiärminister X": for a person not in the registry, title words right before the name give the role and a registered place or organisation before them the affiliation.
  const titleBefore = (from: number): Role | null => {
    let first = from;
    while (first > 0 && from - first < MAX_TITLE_WORDS && adjacent(first - 1, first) && isTitle(first - 1)) first--;
    if (first === from) return null;
    // Relations ("kollega", "successor") mark a person but are no role.
    let isRole = false;
    for (let t = first; t < from && !isRole; t++) isRole = rules.roleWords.some((r) => lower(t).endsWith(r));
    if (!isRole) return null;
    const role = text.slice(starts[first], ends[from - 1]);
    const owner = first > 0 && adjacent(first - 1, first) ? matchBefore(first - 1) : null;
    return { role, affiliation: owner && owner.alias.entry.type !== "person" ? owner.alias.entry.name : null };
  };

  const matchBefore = (last: number): { alias: Alias; end: number } | null => {
    for (let start = last; start >= 0 && last - start < MAX_TITLE_WORDS; start--) {
      const match = matchRegistry(start);
      if (match && match.end === last + 1) return match;
      if (start > 0 && !adjacent(start - 1, start)) break;
    }
    return null;
  };

  const sentenceInitial = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && (text.charCodeAt(k) === 0x20 || isOpener(text.charCodeAt(k)))) k--;
    if (k < 0) return true;
    const c = text.charCodeAt(k);
    return c === 0x0a || isTerminator(c) || isCloser(c);
  };

  const hasPossessive = (t: number): boolean => {
    const w = lower(t);
    return stripPossessive(w) !== w;
  };

  const localPerson = (t: number): DocPerson | undefined => {
    for (const f of forms(t)) {
      const id = bySurname.get(f);
      if (id) return byId.get(id);
    }
    return undefined;
  };

  let i = 0;
  while (i < count) {
    if (!capitalised(i)) {
      i++;
      continue;
    }
    const match = matchRegistry(i);
    if (match) {
      const { alias, end } = match;
      if (alias.entry.type === "person") {
        const local = alias.tokens.length === 1 ? localPerson(i) : undefined;
        const person = local ?? personOf(alias.entry, alias.entry.name, alias.entry.id, roleAt(ends[end - 1]!));
        mention(person, starts[i]!, ends[end - 1]!, end - 1);
        if (alias.tokens.length > 1) remember(person, i, end);
      }
      i = end;
      continue;
    }
    if (!isNameWord(i)) {
      i++;
      continue;
    }
    // Gather a capitalised sequence with inner particles: "Hugo von Essen", "Tatiana Stanovaya".
    let j = i + 1;
    while (j < count && adjacent(j - 1, j)) {
      // "RIAC’s Kortunov": a possessive ends the sequence; the name starts after it.
      if (hasPossessive(j - 1)) break;
      const inner = matchRegistry(j);
      // A registered surname can end another person's full name ("Göran Persson"); checked below.
      if (inner && !(inner.end === j + 1 && inner.alias.entry.type === "person")) break;
      if (isNameWord(j)) {
        j++;
        continue;
      }
      let k = j;
      while (k < count && adjacent(k - 1, k) && rules.particles.has(lower(k))) k++;
      if (k > j && k < count && adjacent(k - 1, k) && isNameWord(k)) j = k + 1;
      else break;
    }
    if (j - i >= 2) {
      let organisation = false;
      for (let t = i; t < j && !organisation; t++) organisation = forms(t).some((f) => rules.organisationWords.has(f));
      const last = word(j - 1);
      const name = text.slice(starts[i], ends[j - 1]! - (last.length - stripPossessive(last).length));
      const endsInRegisteredSurname = matchRegistry(j - 1) !== null;
      const known = byName.get(name);
      // "Igår Persson sa": a sentence-initial word before a registered surname needs an apposition to count as a given name.
      const context =
        known !== undefined ||
        (!organisation && (endsInRegisteredSurname && sentenceInitial(starts[i]!) ? roleAt(ends[j - 1]!) !== null : inPersonContext(i, j)));
      if (!organisation && context) {
        const person = known ?? personOf(null, name, personSlug(name), roleAt(ends[j - 1]!) ?? titleBefore(i));
        // "X och Y, analytiker vid Z": the apposition after Y describes X too, when X has no role of its own.
        const previous = lastPersonEnd === i - 2 && i > 1 && rules.conjunctions.has(lower(i - 1)) ? mentions.at(-1) : undefined;
        const partner = previous ? byId.get(previous.personId) : undefined;
        if (partner && partner.role === null && person.role !== null) {
          partner.role = person.role;
          partner.affiliation = person.affiliation;
        }
        byName.set(name, person);
        mention(person, starts[i]!, ends[j - 1]!, j - 1);
        remember(person, i, j);
        i = j;
      } else {
        i = endsInRegisteredSurname ? j - 1 : j;
      }
      continue;
    }
    const local = localPerson(i);
    if (local) {
      let first = i;
      while (first > 0 && adjacent(first - 1, first) && rules.particles.has(lower(first - 1))) first--;
      mention(local, starts[first]!, ends[i]!, i);
    }
    i++;
  }
  return { persons, mentions };
}
