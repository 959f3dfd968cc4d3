import { createRng, deriveSeed, type Rng } from "./prng";
import { findPersonNames, type PersonName, type SourceArticle } from "./source";

export interface SyntheticDocument {
  index: number;
  language: string;
  text: string;
}

export interface CorpusOptions {
  seed: number;
  /** Mean body size in bytes before sentence variation (which adds about a tenth); sizes vary from half to one and a half times this. */
  meanBytes: number;
}

export const DEFAULT_CORPUS_OPTIONS: CorpusOptions = { seed: 1, meanBytes: 4200 };

/** What documents of one language are recombined from. */
interface LanguagePool {
  language: string;
  articles: SourceArticle[];
  /** Names found in the articles: the ones to replace. */
  found: PersonName[];
  /** Found plus generated names: the replacements. */
  people: PersonName[];
  /** Matches any found full name or surname as a whole word. */
  namePattern: RegExp | null;
  /** Sentences that can be spliced into other paragraphs: narrative ones, and ones spoken in dash quotes. */
  sentences: SentencePool;
}

export interface SentencePool {
  narrative: string[];
  spoken: string[];
}

export interface CorpusSource {
  pools: LanguagePool[];
  /** Relative weight of each pool: its number of source articles. */
  weights: number[];
}

const GENERATED_NAMES_PER_LANGUAGE = 150;
const RETRIES = 4;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function splice(a: string, b: string, rng: Rng): string {
  const head = a.slice(0, Math.max(2, Math.min(a.length - 1, rng.int(3, 5))));
  return `${head}${b.slice(Math.max(1, b.length - rng.int(2, 4))).toLowerCase()}`;
}

/** New names spliced from the start of one found name and the end of another (first names half the time). */
function generateNames(found: PersonName[], count: number, rng: Rng): PersonName[] {
  if (found.length === 0) return [];
  const out: PersonName[] = [];
  const seen = new Set(found.map((p) => `${p.first} ${p.last}`));
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt += 1) {
    const first = rng.next() < 0.5 ? rng.pick(found).first : splice(rng.pick(found).first, rng.pick(found).first, rng);
    const person = { first, last: splice(rng.pick(found).last, rng.pick(found).last, rng) };
    const key = `${person.first} ${person.last}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}

/** Groups source articles by language and prepares name pools; the same input gives the same pools. */
export function prepareCorpusSource(articles: SourceArticle[], seed: number): CorpusSource {
  const byLanguage = new Map<string, SourceArticle[]>();
  for (const article of articles) {
    if (article.paragraphs.length === 0) continue;
    byLanguage.set(article.language, [...(byLanguage.get(article.language) ?? []), article]);
  }
  const rng = createRng(seed);
  const pools = [...byLanguage.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, group]): LanguagePool => {
      const found = findPersonNames(group.map((a) => a.text));
      const terms = [...new Set(found.flatMap((p) => [`${p.first} ${p.last}`, p.last]))].sort((a, b) => b.length - a.length);
      return {
        language,
        articles: group,
        found,
        people: [...found, ...generateNames(found, GENERATED_NAMES_PER_LANGUAGE, rng)],
        namePattern: terms.length === 0 ? null : new RegExp(`(?<!\\p{L})(?:${terms.map(escapeRegex).join("|")})(?!\\p{L})`, "gu"),
        sentences: sentencePool(group.flatMap((a) => a.paragraphs)),
      };
    });
  if (pools.length === 0) throw new Error("no source article has any paragraph");
  return { pools, weights: pools.map((p) => p.articles.length) };
}

function pickWeighted<T>(items: T[], weights: number[], rng: Rng): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i += 1) {
    r -= weights[i] ?? 0;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Replaces found names with others, consistently within a document: "First Last" and a later "Last" move together. */
function swapNames(paragraphs: string[], pool: LanguagePool, rng: Rng): string[] {
  const pattern = pool.namePattern;
  if (!pattern) return paragraphs;
  const bySurname = new Map<string, PersonName>();
  const replacementFor = (surname: string): PersonName => {
    let person = bySurname.get(surname);
    if (!person) {
      person = rng.pick(pool.people);
      bySurname.set(surname, person);
    }
    return person;
  };
  return paragraphs.map((p) =>
    p.replace(pattern, (match) => {
      const space = match.lastIndexOf(" ");
      const person = replacementFor(space < 0 ? match : match.slice(space + 1));
      return space < 0 ? person.last : `${person.first} ${person.last}`;
    }),
  );
}

const QUOTE_CHARS = "“”\"«»";
const DASH_QUOTE = /^[–—-]\s/;

function isQuoted(text: string): boolean {
  return DASH_QUOTE.test(text) || [...text].some((c) => QUOTE_CHARS.includes(c));
}

/** Splits a paragraph at sentence ends ("… end. Next", "… end.” Next"); good enough for recombining text. */
export function splitSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?][”"’]?)\s+(?=[\p{Lu}“”"–])/u).filter((s) => s !== "");
}

function sentencePool(paragraphs: string[]): SentencePool {
  const usable = (t: string) => t.length >= 30 && ![...t].some((c) => QUOTE_CHARS.includes(c));
  const spoken = paragraphs.filter((p) => DASH_QUOTE.test(p)).flatMap((p) => splitSentences(p.replace(DASH_QUOTE, "")));
  const narrative = paragraphs.filter((p) => !DASH_QUOTE.test(p)).flatMap(splitSentences);
  return { narrative: narrative.filter(usable), spoken: spoken.filter(usable) };
}

/**
 * Varies a paragraph at sentence level so repeated paragraphs are rarely identical (a per-paragraph
 * cache must not make the corpus cheap): drops one sentence or splices in a narrative sentence from
 * another article, only at boundaries outside quotations. Headings and short lines stay as they are.
 */
export function varySentences(paragraph: string, pool: SentencePool, rng: Rng): string {
  const sentences = splitSentences(paragraph);
  if (paragraph.length < 40 || sentences.length === 0) return paragraph;
  // Boundary i (after sentence i) is outside quotation when the quote marks before it pair up.
  const safe: number[] = [];
  let marks = 0;
  sentences.forEach((sentence, i) => {
    for (const c of sentence) if (QUOTE_CHARS.includes(c)) marks += 1;
    if (marks % 2 === 0) safe.push(i);
  });
  // A dash quote is speech throughout, so it only takes spoken sentences.
  const splice = DASH_QUOTE.test(paragraph) ? pool.spoken : pool.narrative;
  if (sentences.length >= 2 && rng.next() < 0.3) {
    const droppable = safe.filter((i) => i > 0 && !isQuoted(sentences[i]!));
    if (droppable.length > 0) sentences.splice(rng.pick(droppable), 1);
  }
  if (splice.length > 0 && safe.length > 0 && rng.next() < 0.75) {
    sentences.splice(rng.pick(safe) + 1, 0, rng.pick(splice));
  }
  return sentences.join(" ");
}

/** Moves every number a little: years by a few years, small numbers (days, counts) by a few, others to a new value of the same length. */
export function perturbNumbers(text: string, rng: Rng): string {
  return text.replace(/\d+/g, (digits) => {
    const n = Number(digits);
    if (digits.length === 4 && n >= 1900 && n <= 2099) return String(n + rng.int(-3, 3));
    if (n <= 31 && digits.length <= 2) return String(Math.max(1, n + rng.int(-3, 3)));
    const first = digits.length > 1 && digits.startsWith("0") ? 0 : rng.int(1, 9);
    let rest = "";
    for (let i = 1; i < digits.length; i += 1) rest += String(rng.int(0, 9));
    return `${first}${rest}`;
  });
}

/** A headline from the opening words of the first sentence, as web copy often has. */
function headline(paragraph: string, rng: Rng): string {
  const words = paragraph.replace(/^[–—-]\s*/, "").split(/\s+/).filter((w) => w !== "");
  const take = Math.min(words.length, rng.int(5, 11));
  return words.slice(0, take).join(" ").replace(/[,.;:!?–—-]+$/, "");
}

/**
 * Makes document `index` of a corpus: a title line, then runs of consecutive paragraphs (so a quote
 * stays after its attribution) from articles of one language, varied at sentence level, with names
 * swapped and numbers moved.
 * Each document depends only on the seed and its index.
 */
export function makeDocument(source: CorpusSource, index: number, options: CorpusOptions): SyntheticDocument {
  const rng = createRng(deriveSeed(options.seed, index));
  const pool = pickWeighted(source.pools, source.weights, rng);
  const target = rng.int(Math.round(options.meanBytes * 0.5), Math.round(options.meanBytes * 1.5));
  const body: string[] = [];
  const used = new Set<string>();
  let size = 0;
  while (size < target) {
    let article = rng.pick(pool.articles);
    let start = rng.int(0, article.paragraphs.length - 1);
    // A few tries for a run not used yet; small pools must still fill a document.
    for (let attempt = 0; attempt < RETRIES && used.has(`${article.file}#${start}`); attempt += 1) {
      article = rng.pick(pool.articles);
      start = rng.int(0, article.paragraphs.length - 1);
    }
    for (const [offset, paragraph] of article.paragraphs.slice(start, start + rng.int(1, 4)).entries()) {
      used.add(`${article.file}#${start + offset}`);
      body.push(paragraph);
      size += paragraph.length + 2;
    }
  }
  const varied = body.map((p) => varySentences(p, pool.sentences, rng));
  const swapped = swapNames(varied, pool, rng).map((p) => perturbNumbers(p, rng));
  const long = swapped.filter((p) => p.length > 80);
  const title = headline(long.length > 1 ? rng.pick(long.slice(1)) : (swapped[0] ?? ""), rng);
  return { index, language: pool.language, text: `${title}\n\n${swapped.join("\n\n")}\n` };
}

/** Streams the documents of a corpus one by one, so a large corpus is never held in memory. */
export function* generateCorpus(source: CorpusSource, count: number, options: CorpusOptions): Generator<SyntheticDocument> {
  for (let index = 0; index < count; index += 1) yield makeDocument(source, index, options);
}
