import { z } from "zod";
import { memoizeWord } from "./memo";

const words = z.array(z.string().trim().min(1)).default([]);

/** data/languages/<lang>/statements.json: the words and markers attribution relies on, per language. */
export const LanguageRules = z.object({
  /** Speech and thinking verbs in every form to match ("säger", "sa", "sagt"; "said", "says"). */
  speechVerbs: z.array(z.string().trim().min(1)).min(1, "list at least one speech verb, e.g. säger or said"),
  /** Particles that turn a speech verb into another verb ("sa upp" = dismissed, "called off"). */
  nonSpeechParticles: words,
  /** Words allowed between a speaker's name and the verb ("har sagt", "has said"). */
  auxiliaries: words,
  /** Adverbs allowed between a speaker and the verb ("Tokayev likewise claimed"). */
  adverbs: words,
  /** Phrases that introduce the source of reported speech ("enligt", "according to"). */
  accordingTo: words,
  /** Words that open the reported clause ("att", "that"): "X har sagt att …" reports X's words. */
  complementizers: words,
  /**
   * Verbs that report speech only with a reported clause after them ("skriver att", "wrote that"):
   * "har skrivit en bok" is no statement. A comma before the verb (", skriver X.") also counts.
   */
  clauseVerbs: words,
  /** Besides complementizers, words that open a reported clause ("whether", "varför", ":"). */
  clauseOpeners: words,
  /** Words standing for the quote before them: "”…” Det säger X." */
  demonstratives: words,
  pronouns: z.object({ male: words, female: words }),
  /** Words joining two names into one speaker list ("X och Y"). */
  coordinators: words,
  /** Words that end a verb-then-name search: "sa till Tokajev" names the listener, not the speaker. */
  blockers: words,
  /** Words that open a relative clause after a name (", who pointed to"): not an apposition giving a role. */
  relativePronouns: words,
  /** Articles that may open an apposition (", a think tank,"). */
  articles: words,
  /** "is", "är": "X is a senior fellow at …" closing an authored piece is a biography, not analysis. */
  copulas: words,
  /** Whether "verb name" inversion counts anywhere in a sentence (Swedish V2) or only after a comma or quote. */
  inversionAnywhere: z.boolean().default(false),
  /** Whether a paragraph opening with a dash is direct speech in this language (Swedish "– …"). */
  dashQuotes: z.boolean().default(false),
  /** Words that open a byline ("Av", "By"). */
  bylinePrefixes: words,
  /** Verbs that name the authors of the piece in its lead ("skriver X och Y"). */
  authoringVerbs: words,
  /** Section labels that mark an authored piece ("Analys", "Opinion"). */
  genreMarkers: words,
  /** Words that make a byline a news byline: a reporter or agency is not the speaker of the article. */
  reporterMarkers: words,
  /** Section labels that mark news, not commentary ("Intervju", "News"): a byline there is a reporter's. */
  newsGenreMarkers: words,
  /** Speaker labels of an interviewer's turn in a transcript or Q&A ("FRÅGA:", "Q:", "Host:"): no statement. */
  interviewerLabels: words,
  /** Words that make lines ending in "?" an interviewer's questions, in them or in the lead ("du", "you", "interview", "asked"). */
  interviewMarkers: words,
  /** Speaker labels of the interviewee's turn when the label names no one ("SVAR:", "A:"). */
  answerLabels: words,
  /** Phrases that open a blog's author line ("Posted by"): a blog post belongs to its author. */
  blogBylinePrefixes: words,
  /**
   * Role words of a commentator, scholar or expert in a byline or signature ("utrikeskommentator", "columnist",
   * "docent", "universitet"); a compound ending in one counts. Reporters do not sign with them.
   */
  commentatorMarkers: words,
  /** First-person words: their share outside quotes tells an author's argument from a report. */
  firstPersonWords: words,
  /**
   * Phrases standing for the author ("The author is …", "Skribenten är …"): a biography opens with one,
   * and a short paragraph at either end that names one ("first appeared on the author's blog") is an editor's note.
   */
  bioSubjects: words,
  /** Lower-case name particles inside a signed name ("von", "af", "de"). */
  nameParticles: words,
  /** Photo credits and caption labels ("Foto:", "Photo:"). */
  captionMarkers: words,
  /** How fact boxes open ("Fakta:", "Det här är"). */
  factBoxMarkers: words,
  /** Paragraph openings that are site furniture, never statements ("Läs även", "Published:"). */
  boilerplatePrefixes: words,
  /** Paragraph openings that start reader comments. */
  commentMarkers: words,
  /** First names by grammatical gender, to check that a pronoun fits the speaker it continues. */
  genderedNames: z.object({ female: words, male: words }),
  /**
   * Role and title nouns, also matched as the end of a compound ("Rysslandsforskare", "security analyst"):
   * a capitalised name next to one is a person even when its first name is unknown.
   */
  roleNouns: words,
  /** Words that make a capitalised sequence an organisation, medium or place, never a person ("Watch", "Dagbladet"). */
  nonPersonWords: words,
  /** Word endings that make a capitalised word an organisation or place ("Säkerhetsrådet", "Förenta nationerna"). */
  nonPersonEndings: words,
  /** Phrases with a possessive slot "*" that attribute the sentence to its owner: "in * view", "enligt * mening". */
  possessiveFrames: words,
  /** Possessive pronouns by gender, for the slot of a possessive frame ("her", "hennes"). */
  possessives: z.object({ male: words, female: words }).default({ male: [], female: [] }),
});
export type LanguageRules = z.infer<typeof LanguageRules>;

export type Gender = "male" | "female";

/** Rules compiled into lookup sets: one set lookup per token, no regex per word. */
export interface CompiledRules {
  speechVerbs: Set<string>;
  nonSpeechParticles: Set<string>;
  auxiliaries: Set<string>;
  adverbs: Set<string>;
  /** Each phrase as lower-case tokens. */
  accordingTo: string[][];
  complementizers: Set<string>;
  clauseVerbs: Set<string>;
  clauseOpeners: Set<string>;
  demonstratives: Set<string>;
  pronouns: Map<string, Gender>;
  coordinators: Set<string>;
  blockers: Set<string>;
  relativePronouns: Set<string>;
  articles: Set<string>;
  copulas: Set<string>;
  inversionAnywhere: boolean;
  dashQuotes: boolean;
  bylinePrefixes: Set<string>;
  authoringVerbs: Set<string>;
  genreMarkers: Set<string>;
  reporterMarkers: Set<string>;
  newsGenreMarkers: Set<string>;
  interviewerLabels: Set<string>;
  answerLabels: Set<string>;
  interviewMarkers: Set<string>;
  /** Each phrase as lower-case tokens. */
  blogBylinePrefixes: string[][];
  commentatorMarkers: Set<string>;
  firstPersonWords: Set<string>;
  /** Each phrase as lower-case tokens. */
  bioSubjects: string[][];
  nameParticles: Set<string>;
  captionMarkers: string[];
  factBoxMarkers: string[];
  boilerplatePrefixes: string[];
  commentMarkers: string[];
  names: Map<string, Gender>;
  roleNouns: SuffixSet;
  nonPersonWords: Set<string>;
  nonPersonEndings: SuffixSet;
  /** Each frame as lower-case tokens, "*" for the possessive slot. */
  possessiveFrames: string[][];
  /** The frames that have a slot, split at it once instead of at every token. */
  slotFrames: SlotFrame[];
  /** First words of the according-to phrases and slot frames; null when a frame opens with its slot, so any word may open one. */
  phraseOpeners: Set<string> | null;
  /**
   * Speech verbs and one word of each according-to phrase and possessive frame (its longest, likely the rarest):
   * a stretch without any of them holds no cue. Null when a frame is nothing but its slot.
   */
  cueWords: Set<string> | null;
  possessives: Map<string, Gender>;
}

/** A possessive frame split at its slot: "in * view" → before ["in"], after ["view"], cue "in view". */
export interface SlotFrame {
  before: string[];
  after: string[];
  cue: string;
}

function slotFrames(frames: readonly string[][]): SlotFrame[] {
  const out: SlotFrame[] = [];
  for (const frame of frames) {
    const slot = frame.indexOf("*");
    if (slot >= 0) out.push({ before: frame.slice(0, slot), after: frame.slice(slot + 1), cue: frame.filter((w) => w !== "*").join(" ") });
  }
  return out;
}

/** Word endings looked up by length: one set lookup per distinct ending length, not one test per ending. */
export interface SuffixSet {
  endings: ReadonlySet<string>;
  lengths: readonly number[];
  /** The answer per word, remembered: the same words are asked about at every token. */
  endsWith: (word: string) => boolean;
}

export function suffixSet(words: readonly string[]): SuffixSet {
  const endings = new Set(words);
  const lengths = [...new Set(words.map((w) => w.length))];
  const endsWith = memoizeWord((word) => {
    for (const n of lengths) if (n <= word.length && endings.has(word.slice(word.length - n))) return true;
    return false;
  });
  return { endings, lengths, endsWith };
}

/** Whether a lower-case word ends with one of the set's endings (or is one). */
export function endsWithAny(word: string, set: SuffixSet): boolean {
  return set.endsWith(word);
}

/** Whether a lower-case word is a role noun or a compound ending in one ("rysslandsforskare"). */
export function isRoleNoun(word: string, rules: Pick<CompiledRules, "roleNouns">): boolean {
  return endsWithAny(word, rules.roleNouns);
}

const lower = (list: readonly string[]) => list.map((w) => w.toLowerCase());

function gendered(lists: { male: readonly string[]; female: readonly string[] }): Map<string, Gender> {
  const map = new Map<string, Gender>();
  for (const w of lower(lists.male)) map.set(w, "male");
  for (const w of lower(lists.female)) map.set(w, "female");
  return map;
}

/** A phrase's longest word ("" for none): every match of the phrase contains it. */
function longestWord(words: readonly string[]): string {
  return words.reduce((longest, w) => (w.length > longest.length ? w : longest), "");
}

/** Compiles one language's rules for the matcher. */
export function compileRules(rules: LanguageRules): CompiledRules {
  const speechVerbs = new Set(lower(rules.speechVerbs));
  const pronouns = gendered(rules.pronouns);
  const names = gendered(rules.genderedNames);
  const possessiveFrames = lower(rules.possessiveFrames).map((p) => p.split(/\s+/));
  const frames = slotFrames(possessiveFrames);
  const accordingTo = lower(rules.accordingTo).map((p) => p.split(/\s+/));
  const phraseOpeners = frames.some((f) => f.before.length === 0) ? null : new Set([...accordingTo, ...frames.map((f) => f.before)].map((p) => p[0]!));
  const phraseKeys = [...accordingTo, ...frames.map((f) => [...f.before, ...f.after])].map(longestWord);
  return {
    speechVerbs,
    nonSpeechParticles: new Set(lower(rules.nonSpeechParticles)),
    auxiliaries: new Set(lower(rules.auxiliaries)),
    adverbs: new Set(lower(rules.adverbs)),
    accordingTo,
    complementizers: new Set(lower(rules.complementizers)),
    clauseVerbs: new Set(lower(rules.clauseVerbs)),
    clauseOpeners: new Set(lower(rules.clauseOpeners)),
    demonstratives: new Set(lower(rules.demonstratives)),
    pronouns,
    coordinators: new Set(lower(rules.coordinators)),
    blockers: new Set(lower(rules.blockers)),
    relativePronouns: new Set(lower(rules.relativePronouns)),
    articles: new Set(lower(rules.articles)),
    copulas: new Set(lower(rules.copulas)),
    inversionAnywhere: rules.inversionAnywhere,
    dashQuotes: rules.dashQuotes,
    bylinePrefixes: new Set(lower(rules.bylinePrefixes)),
    authoringVerbs: new Set(lower(rules.authoringVerbs)),
    genreMarkers: new Set(lower(rules.genreMarkers)),
    reporterMarkers: new Set(lower(rules.reporterMarkers)),
    newsGenreMarkers: new Set(lower(rules.newsGenreMarkers)),
    interviewerLabels: new Set(lower(rules.interviewerLabels)),
    answerLabels: new Set(lower(rules.answerLabels)),
    interviewMarkers: new Set(lower(rules.interviewMarkers)),
    blogBylinePrefixes: lower(rules.blogBylinePrefixes).map((p) => p.split(/\s+/)),
    commentatorMarkers: new Set(lower(rules.commentatorMarkers)),
    firstPersonWords: new Set(lower(rules.firstPersonWords)),
    bioSubjects: lower(rules.bioSubjects).map((p) => p.split(/\s+/)),
    nameParticles: new Set(lower(rules.nameParticles)),
    captionMarkers: lower(rules.captionMarkers),
    factBoxMarkers: lower(rules.factBoxMarkers),
    boilerplatePrefixes: lower(rules.boilerplatePrefixes),
    commentMarkers: lower(rules.commentMarkers),
    names,
    roleNouns: suffixSet(lower(rules.roleNouns)),
    nonPersonWords: new Set(lower(rules.nonPersonWords)),
    nonPersonEndings: suffixSet(lower(rules.nonPersonEndings)),
    possessiveFrames,
    slotFrames: frames,
    phraseOpeners,
    cueWords: phraseKeys.includes("") ? null : new Set([...speechVerbs, ...phraseKeys]),
    possessives: gendered(rules.possessives),
  };
}

/** Rules for every language the stage knows, keyed by language code. */
export type RuleSet = ReadonlyMap<string, CompiledRules>;
