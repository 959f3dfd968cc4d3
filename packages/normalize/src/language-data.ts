import { z } from "zod";

/** Languages with a rules file under data/languages/<lang>/normalize.json. */
export const KNOWN_LANGS = ["sv", "en"] as const;
export type KnownLang = (typeof KNOWN_LANGS)[number];

const regexSource = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression (JavaScript syntax; escape backslashes in JSON as \\\\)" },
);

/**
 * One cleaning rule, tested against each paragraph. `drop` removes a matching paragraph of at most
 * `maxWords` words (a longer one keeps its text, or loses only the match with `whenLonger: "strip-match"`);
 * `strip` removes the matched text; `truncate` removes the paragraph and everything after it when that
 * tail has at most `maxWords` words (otherwise only the paragraph).
 */
export const CleaningRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "rule ids are kebab-case, e.g. photo-credit"),
  pattern: regexSource,
  flags: z.string().regex(/^[i]*$/, "only the i flag is allowed (u-flag regexes are slow)").default(""),
  action: z.enum(["drop", "strip", "truncate"]),
  maxWords: z.number().int().positive().optional(),
  whenLonger: z.enum(["keep", "strip-match"]).default("keep"),
  description: z.string().optional(),
});
export type CleaningRule = z.infer<typeof CleaningRule>;

const words = z.array(z.string().min(1));

/** data/languages/<lang>/normalize.json: everything the normalize stage knows about one language. */
export const LanguageRules = z.object({
  lang: z.enum(KNOWN_LANGS),
  /** Letters that only this language uses (å ä ö for Swedish); evidence for language detection. */
  letters: z.string(),
  /** Frequent function words, lower case: language detection and "not a name" checks. */
  stopwords: words.min(20, "list at least 20 stopwords so language detection has evidence"),
  /** Abbreviations that may end a sentence ("etc.", "U.S."), written with their dots. */
  abbreviations: words,
  /** Abbreviations that always precede something ("Dr.", "St."), never a sentence end. */
  titleAbbreviations: words,
  cleaning: z.array(CleaningRule),
  /** A short paragraph starting with one of these is a heading (fact-box titles). */
  headingPrefixes: words,
  /** Lower-case particles inside names: von, van, de. */
  nameParticles: words,
  /** Words right before a name that make it a person ("president", "analytikern"). */
  titles: words,
  /** Role nouns in an apposition ("analytiker vid …", "head of …"); matched as word endings. */
  roleWords: words,
  /** Speech and reporting verbs next to a name ("säger", "said", "enligt"). */
  speechVerbs: words,
  /** Prepositions between a role and an affiliation ("vid", "at", "of"). */
  affiliationPrepositions: words,
  /** Phrases that end the affiliation part of an apposition ("med fokus på", "who"). */
  appositionQualifiers: words,
  /** Prepositions that complete a role rather than name its organisation when another preposition follows ("professor i statsvetenskap vid X", "director of the Y Programme at X"). */
  roleComplementPrepositions: words.default([]),
  /** Generic nouns around an affiliation's name, dropped at its start or end ("think tank", "newspaper"). */
  affiliationDescriptors: words.default([]),
  /** Verbs linking a name to a role phrase: "X är forskare vid Y", "X is a senior fellow at Y". */
  roleCopulas: words.default([]),
  /** Verb phrases opening an apposition, with the role noun they stand for: "who heads" → "head". */
  roleVerbs: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Words that make a capitalised sequence an organisation ("institutet", "Institute"). */
  organisationWords: words,
  /** Words joining two names ("och", "and"): "X och Y" makes Y a person when X is one. */
  conjunctions: words,
  /** Words opening a byline paragraph before the author's name ("By", "Av"). */
  bylineWords: words.default([]),
});
export type LanguageRules = z.infer<typeof LanguageRules>;

/** data/languages/normalize.shared.json: cleaning rules that hold in every language. */
export const SharedRules = z.object({
  cleaning: z.array(CleaningRule),
});
export type SharedRules = z.infer<typeof SharedRules>;
