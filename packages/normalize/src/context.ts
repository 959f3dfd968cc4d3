import type { PeopleRegistry } from "@viewpoints/artifacts";
import { compileRules, type CompiledRule } from "./clean";
import { createLanguageDetector, type LanguageDetector } from "./language";
import type { KnownLang, LanguageRules, SharedRules } from "./language-data";
import { titleEndings, type NameRules } from "./names";
import { buildRegistryIndex, type RegistryIndex } from "./registry-index";
import { abbreviationKeys, type SentenceRules } from "./sentences";

/** Everything compiled from one language's rules file (or from all of them, for unknown text). */
export interface LanguageContext {
  cleaning: CompiledRule[];
  sentences: SentenceRules;
  names: NameRules;
  headingPrefixes: string[];
}

/** Rules and registry compiled once per run and shared by every document. */
export interface NormalizeContext {
  detector: LanguageDetector;
  languages: ReadonlyMap<KnownLang, LanguageContext>;
  /** Used where the language is unknown: every language's rules together. */
  anyLanguage: LanguageContext;
  shared: CompiledRule[];
  registry: RegistryIndex;
}

export interface ContextSources {
  languages: readonly LanguageRules[];
  shared: SharedRules;
  people: PeopleRegistry;
}

const lowerSet = (lists: readonly (readonly string[])[]): Set<string> => new Set(lists.flat().map((w) => w.toLowerCase()));

function languageContext(rules: readonly LanguageRules[]): LanguageContext {
  const pick = <K extends keyof LanguageRules>(key: K) => rules.map((r) => r[key]) as LanguageRules[K][];
  const titles = lowerSet(pick("titles"));
  return {
    cleaning: compileRules(rules.flatMap((r) => r.cleaning)),
    sentences: {
      abbreviations: abbreviationKeys(pick("abbreviations").flat()),
      titleAbbreviations: abbreviationKeys(pick("titleAbbreviations").flat()),
      starters: lowerSet(pick("stopwords")),
    },
    names: {
      stopwords: lowerSet(pick("stopwords")),
      titles,
      titleEndings: titleEndings(titles),
      speechVerbs: lowerSet(pick("speechVerbs")),
      conjunctions: lowerSet(pick("conjunctions")),
      bylineWords: lowerSet(pick("bylineWords")),
      particles: lowerSet(pick("nameParticles")),
      roleWords: [...lowerSet(pick("roleWords"))],
      affiliationPrepositions: lowerSet(pick("affiliationPrepositions")),
      appositionQualifiers: [...lowerSet(pick("appositionQualifiers"))],
      organisationWords: lowerSet(pick("organisationWords")),
      roleComplementPrepositions: lowerSet(pick("roleComplementPrepositions")),
      affiliationDescriptors: [...lowerSet(pick("affiliationDescriptors"))],
      roleCopulas: lowerSet(pick("roleCopulas")),
      roleVerbs: new Map(pick("roleVerbs").flatMap((m) => Object.entries(m)).map(([k, v]) => [k.toLowerCase(), v] as const)),
    },
    headingPrefixes: pick("headingPrefixes").flat(),
  };
}

/** Compiles language rules, shared rules and the people registry into what normalizeDocument needs. */
export function createNormalizeContext(sources: ContextSources): NormalizeContext {
  const languages = new Map<KnownLang, LanguageContext>();
  for (const rules of sources.languages) languages.set(rules.lang, languageContext([rules]));
  return {
    detector: createLanguageDetector(sources.languages.map((r) => ({ lang: r.lang, stopwords: r.stopwords, letters: r.letters }))),
    languages,
    anyLanguage: languageContext(sources.languages),
    shared: compileRules(sources.shared.cleaning),
    registry: buildRegistryIndex(sources.people.entries),
  };
}
