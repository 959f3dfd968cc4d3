import type { DocPerson, Mention, RegistryEntry } from "@viewpoints/artifacts";
import { isLetter, isUpper } from "./chars";
import { baseForms, type Alias, type RegistryIndex } from "./registry-index";
import { tokenize, type Token } from "./tokens";

/** Word lists the name finder uses, lower case (one language's, or several merged). */
export interface NameRules {
  stopwords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
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
const ARTICLES = new Set(["a", "an", "the", "en", "ett"]);

/** A kebab-case id from a full name: "Hugo von Essen" → "hugo-von-essen". */
export function personSlug(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(slug) ? slug : `person-${slug || "unnamed"}`;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start === a.end + 1 && text.charCodeAt(a.end) === 0x20;
}

function capitalised(token: Token): boolean {
  return isUpper(token.text.charCodeAt(0));
}

function lowerForms(token: Token): string[] {
  const lower = token.text.toLowerCase();
  return [lower, ...baseForms(lower)];
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
  let roleAt = -1;
  for (let w = 0; w < Math.min(words.length, ROLE_WINDOW) && roleAt < 0; w++) {
    const word = words[w]!.toLowerCase();
    if (rules.affiliationPrepositions.has(word)) break;
    if (rules.roleWords.some((r) => word.endsWith(r))) roleAt = w;
  }
  if (roleAt < 0) return null;
  let prep = -1;
  for (let w = roleAt + 1; w < words.length; w++) {
    if (rules.affiliationPrepositions.has(words[w]!.toLowerCase())) {
      prep = w;
      break;
    }
  }
  if (prep < 0) return { role: dropArticle(words).join(" "), affiliation: null };
  const affiliation = dropArticle(words.slice(prep + 1)).join(" ");
  return { role: dropArticle(words.slice(0, prep)).join(" "), affiliation: affiliation || null };
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
export function findNames(text: string, index: RegistryIndex, rules: NameRules): FoundNames {
  const tokens = tokenize(text);
  const persons: DocPerson[] = [];
  const mentions: Mention[] = [];
  const byId = new Map<string, DocPerson>();
  const bySurname = new Map<string, string>();
  let lastPersonEnd = -1;

  const matchRegistry = (i: number): { alias: Alias; end: number } | null => {
    const first = tokens[i]!;
    if (!capitalised(first)) return null;
    const forms = lowerForms(first);
    for (let f = 0; f < forms.length; f++) {
      const candidates = index.get(forms[f]!);
      if (!candidates) continue;
      for (const alias of candidates) {
        const n = alias.tokens.length;
        if (f > 0 && n > 1) continue;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          const token = tokens[i + k]!;
          if (!adjacent(text, tokens[i + k - 1]!, token)) ok = false;
          else if (k < n - 1) ok = token.text.toLowerCase() === alias.tokens[k];
          else ok = lowerForms(token).includes(alias.tokens[k]!);
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
        affiliation: role ? role.affiliation : (entry?.affiliation ?? null),
        registered: entry !== null,
      };
      byId.set(id, person);
      persons.push(person);
    }
    return person;
  };

  const remember = (person: DocPerson, nameTokens: readonly Token[]) => {
    const surname = nameTokens[nameTokens.length - 1];
    if (surname && nameTokens.length > 1) bySurname.set(stripPossessive(surname.text.toLowerCase()), person.id);
  };

  const mention = (person: DocPerson, start: number, end: number, last: number) => {
    mentions.push({ start, end, personId: person.id, surface: text.slice(start, end) });
    lastPersonEnd = last;
  };

  const isNameWord = (token: Token): boolean => {
    if (!capitalised(token) || !isLetter(token.text.charCodeAt(token.text.length - 1))) return false;
    const lower = token.text.toLowerCase();
    return !rules.stopwords.has(lower) && !rules.titles.has(lower) && !rules.speechVerbs.has(lower) && !rules.conjunctions.has(lower);
  };

  const inPersonContext = (from: number, to: number): boolean => {
    const before = tokens[from - 1];
    if (before && adjacent(text, before, tokens[from]!)) {
      const lower = before.text.toLowerCase();
      if (rules.speechVerbs.has(lower) || rules.titles.has(lower)) return true;
      if (rules.conjunctions.has(lower) && lastPersonEnd === from - 1) return true;
    }
    const after = tokens[to];
    if (after && adjacent(text, tokens[to - 1]!, after) && rules.speechVerbs.has(after.text.toLowerCase())) return true;
    const apposition = appositionAfter(text, tokens[to - 1]!.end);
    return apposition !== null && parseApposition(apposition, rules) !== null;
  };

  const roleAt = (end: number): Role | null => {
    const apposition = appositionAfter(text, end);
    return apposition === null ? null : parseApposition(apposition, rules);
  };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const match = matchRegistry(i);
    if (match) {
      const { alias, end } = match;
      const last = tokens[end - 1]!;
      if (alias.entry.type === "person") {
        const local = alias.tokens.length === 1 ? lowerForms(token).map((f) => bySurname.get(f)).find(Boolean) : undefined;
        const person = local ? byId.get(local)! : personOf(alias.entry, alias.entry.name, alias.entry.id, roleAt(last.end));
        mention(person, token.start, last.end, end - 1);
        if (alias.tokens.length > 1) remember(person, tokens.slice(i, end));
      }
      i = end;
      continue;
    }
    if (!isNameWord(token)) {
      i++;
      continue;
    }
    // Gather a capitalised sequence with inner particles: "Hugo von Essen", "Tatiana Stanovaya".
    let j = i + 1;
    while (j < tokens.length && adjacent(text, tokens[j - 1]!, tokens[j]!) && !matchRegistry(j)) {
      const next = tokens[j]!;
      if (isNameWord(next)) j++;
      else if (rules.particles.has(next.text.toLowerCase()) && j + 1 < tokens.length && adjacent(text, next, tokens[j + 1]!) && isNameWord(tokens[j + 1]!)) j += 2;
      else break;
    }
    const seq = tokens.slice(i, j);
    if (seq.length >= 2) {
      const organisation = seq.some((t) => lowerForms(t).some((f) => rules.organisationWords.has(f)));
      const lastToken = seq[seq.length - 1]!;
      const name = text.slice(token.start, lastToken.end - (lastToken.text.length - stripPossessive(lastToken.text).length));
      const id = personSlug(name);
      if (!organisation && (byId.has(id) || inPersonContext(i, j))) {
        const person = personOf(null, name, id, roleAt(lastToken.end));
        mention(person, token.start, lastToken.end, j - 1);
        remember(person, seq);
      }
      i = j;
      continue;
    }
    const local = lowerForms(token).map((f) => bySurname.get(f)).find(Boolean);
    if (local) {
      const before = tokens[i - 1];
      const start = before && adjacent(text, before, token) && rules.particles.has(before.text.toLowerCase()) ? before.start : token.start;
      mention(byId.get(local)!, start, token.end, i);
    }
    i++;
  }
  return { persons, mentions };
}
