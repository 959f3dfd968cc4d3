import type { DocPerson, Mention } from "@viewpoints/artifacts";
import { personSlug } from "@viewpoints/normalize";
import type { NameFinder, NameSite } from "./cues";
import type { Gender } from "./rules";
import { memoizeWord } from "./memo";
import { searchRanges } from "./sentence-index";
import { endsWithGenitive, isCapitalized, tokenize, type Token } from "./tokens";

/** Persons of one document and how to find them in its tokens. */
export interface PersonIndex {
  findName: NameFinder;
  /** A person in the genitive ("Baunovs", "Kortunov’s", "Hedenskogs"). */
  findOwner: NameFinder;
  /** Calls findName at every token, in order, so a person found by context is known wherever the text names them. */
  meetAll(tokens: readonly Token[]): void;
  genderOf(id: string): Gender | null;
  person(id: string): DocPerson | undefined;
  /** Speakers found by a known first name that the document's persons lack: id → name. */
  discovered: ReadonlyMap<string, string>;
}

const MAX_NAME_PARTS = 4;

interface FullName {
  id: string;
  parts: string[];
}

function nameTokens(name: string): string[] {
  return tokenize(name).filter((t) => t.word).map((t) => t.lower);
}

/** A genitive's base ("baunovs" → "baunov", "csto:s" → "csto"), or null for no genitive. */
const genitiveBaseOf = memoizeWord((lower: string): string | null => {
  const base = lower.replace(/['’:]?s$/, "");
  return base === lower ? null : base;
});

/** The token after a name at `i` whose first name is unknown but whose context says it is a person, or null. */
export type UnknownNameFinder = (tokens: readonly Token[], i: number) => number | null;

/** One document's name tables: the persons, their full names and surnames, and where the mentions lie. */
class PersonTables {
  readonly byId: Map<string, DocPerson>;
  readonly discovered = new Map<string, string>();
  readonly sorted: Mention[];
  /** The first full name listed per id, and the full names by first word, in list order: lookups, not scans per token. */
  readonly partsById = new Map<string, string[]>();
  readonly byFirstPart = new Map<string, FullName[]>();
  readonly surnames = new Map<string, string | null>();
  /** Which offsets any mention covers, so the many tokens outside every mention skip the search. */
  readonly covered: Uint8Array;

  constructor(
    persons: readonly DocPerson[],
    mentions: readonly Mention[],
    readonly names: ReadonlyMap<string, Gender>,
    readonly unknownNameEnd: UnknownNameFinder,
  ) {
    const byId = new Map(persons.map((p) => [p.id, p]));
    this.byId = byId;
    const sorted = [...mentions].filter((m) => byId.has(m.personId)).sort((a, b) => a.start - b.start);
    this.sorted = sorted;
    const full = persons.map((p) => ({ id: p.id, parts: nameTokens(p.name) })).filter((p) => p.parts.length > 0);
    for (const p of full) addFull(this, p);
    for (const p of full) {
      const last = p.parts[p.parts.length - 1]!;
      if (last.length < 3) continue;
      this.surnames.set(last, this.surnames.has(last) && this.surnames.get(last) !== p.id ? null : p.id);
    }
    this.covered = new Uint8Array(sorted.reduce((n, m) => Math.max(n, m.end), 0));
    for (const m of sorted) this.covered.fill(1, Math.max(0, m.start), m.end);
  }
}

function addFull(t: PersonTables, p: FullName): void {
  if (!t.partsById.has(p.id)) t.partsById.set(p.id, p.parts);
  const first = p.parts[0]!;
  const list = t.byFirstPart.get(first);
  if (list) list.push(p);
  else t.byFirstPart.set(first, [p]);
}

function mentionCovering(t: PersonTables, offset: number): Mention | undefined {
  return t.covered[offset] === 1 ? searchRanges(t.sorted, offset) : undefined;
}

function isGenitiveOf(token: Token, parts: readonly string[]): boolean {
  const last = parts[parts.length - 1] ?? "";
  return token.lower !== last && (token.lower === `${last}s` || token.lower === `${last}’s` || token.lower === `${last}'s`);
}

function findNameIn(tables: PersonTables, tokens: readonly Token[], i: number): NameSite | null {
  const t = tokens[i];
  if (!t?.word) return null;
  // Most words are lower-case and outside every mention: answer before any lookup.
  if (tables.covered[t.start] !== 1 && !isCapitalized(t)) return null;
  const m = mentionCovering(tables, t.start);
  if (m) {
    const prev = tokens[i - 1];
    if (prev && mentionCovering(tables, prev.start) === m) return null;
    let next = i + 1;
    while (next < tokens.length && tokens[next]!.start < m.end) next += 1;
    const lastToken = tokens[next - 1]!;
    const parts = tables.partsById.get(m.personId) ?? [];
    if (lastToken.end > m.end || isGenitiveOf(lastToken, parts)) return null;
    return { id: m.personId, next };
  }
  if (!isCapitalized(t)) return null;
  const candidates = tables.byFirstPart.get(t.lower);
  if (candidates) {
    for (const p of candidates) if (p.parts.every((w, k) => tokens[i + k]?.lower === w)) return { id: p.id, next: i + p.parts.length } satisfies NameSite;
  }
  const id = tables.surnames.get(t.lower);
  if (id) return { id, next: i + 1 };
  return discover(tables, tokens, i);
}

/**
 * A known first name followed by capitalized words, or capitalized words a speech verb, "enligt" or a
 * role marks as a person, name someone the normalizer missed.
 */
function discover(tables: PersonTables, tokens: readonly Token[], i: number): NameSite | null {
  const first = tokens[i]!;
  const { names } = tables;
  let j = i + 1;
  if (names.has(first.lower)) {
    while (j < tokens.length && j - i < MAX_NAME_PARTS && isCapitalized(tokens[j]!) && !names.has(tokens[j]!.lower)) j += 1;
  } else {
    j = tables.unknownNameEnd(tokens, i) ?? i + 1;
  }
  if (j === i + 1 || endsWithGenitive(tokens[j - 1]!.text)) return null;
  const parts = tokens.slice(i, j);
  const name = parts.map((t) => t.text).join(" ");
  const id = personSlug(name);
  if (!tables.discovered.has(id)) {
    tables.discovered.set(id, name);
    addFull(tables, { id, parts: parts.map((t) => t.lower) });
    const last = parts[parts.length - 1]!.lower;
    if (!tables.surnames.has(last)) tables.surnames.set(last, id);
  }
  return { id, next: j };
}

function findOwnerIn(tables: PersonTables, tokens: readonly Token[], i: number): NameSite | null {
  const t = tokens[i];
  if (!t || !isCapitalized(t)) return null;
  const m = mentionCovering(tables, t.start);
  if (m) {
    let next = i + 1;
    while (next < tokens.length && tokens[next]!.start < m.end) next += 1;
    const last = tokens[next - 1]!;
    return last.end > m.end || genitiveBaseOf(last.lower) !== null ? { id: m.personId, next } : null;
  }
  const base = genitiveBaseOf(t.lower);
  const id = base === null ? undefined : tables.surnames.get(base);
  return id ? { id, next: i + 1 } : null;
}

/** The PersonIndex of one document's tables: methods over them, and the two finders handed around as values. */
class DocumentPersons implements PersonIndex {
  readonly findName: NameFinder;
  readonly findOwner: NameFinder;
  readonly discovered: ReadonlyMap<string, string>;

  constructor(private readonly tables: PersonTables) {
    this.discovered = tables.discovered;
    // Assigned, not declared: tsx (esbuild keepNames) would name a declared closure with a call per document.
    this.findName = (tokens, i) => findNameIn(tables, tokens, i);
    this.findOwner = (tokens, i) => findOwnerIn(tables, tokens, i);
  }

  meetAll(tokens: readonly Token[]): void {
    const { tables } = this;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      // findName answers null at once, changing nothing, for a mark or a lower-case word outside every mention: skip the call.
      if (!t.word || (tables.covered[t.start] !== 1 && !isCapitalized(t))) continue;
      findNameIn(tables, tokens, k);
    }
  }

  genderOf(id: string): Gender | null {
    const first = this.tables.partsById.get(id)?.[0];
    return first ? (this.tables.names.get(first) ?? null) : null;
  }

  person(id: string): DocPerson | undefined {
    return this.tables.byId.get(id);
  }
}

/**
 * Builds the name finder of one document from the normalizer's mentions. A capitalized full name or
 * surname of a known person counts too, so a mention the normalizer missed is not a lost speaker.
 * A genitive ("Perssons analys") is never a speaker.
 */
export function indexPersons(
  persons: readonly DocPerson[],
  mentions: readonly Mention[],
  names: ReadonlyMap<string, Gender>,
  unknownNameEnd: UnknownNameFinder = () => null,
): PersonIndex {
  return new DocumentPersons(new PersonTables(persons, mentions, names, unknownNameEnd));
}
