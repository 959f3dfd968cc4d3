import { join } from "node:path";
import { ArtifactError, PeopleRegistry, readJsonFile } from "@viewpoints/artifacts";
import { createNormalizeContext, type ContextSources, type NormalizeContext } from "./context";
import { KNOWN_LANGS, LanguageRules, SharedRules } from "./language-data";

/** The rules file of one language: data/languages/<lang>/normalize.json. */
export function languageRulesPath(languagesDir: string, lang: string): string {
  return join(languagesDir, lang, "normalize.json");
}

/** Language-independent cleaning rules: data/languages/normalize.shared.json. */
export function sharedRulesPath(languagesDir: string): string {
  return join(languagesDir, "normalize.shared.json");
}

/**
 * Reads and validates the language rules, shared rules and people registry without compiling them: cheap,
 * so the main thread can check the files before worker threads each load their own.
 */
export async function readNormalizeRules(languagesDir: string, peopleFile: string): Promise<ContextSources> {
  const languages = await Promise.all(KNOWN_LANGS.map((lang) => readJsonFile(languageRulesPath(languagesDir, lang), LanguageRules)));
  languages.forEach((rules, i) => {
    const file = languageRulesPath(languagesDir, KNOWN_LANGS[i]!);
    if (rules.lang !== KNOWN_LANGS[i]) throw new ArtifactError(`${file}: lang is "${rules.lang}" but the file is in the ${KNOWN_LANGS[i]} folder`, { file });
  });
  const shared = await readJsonFile(sharedRulesPath(languagesDir), SharedRules);
  const people = await readJsonFile(peopleFile, PeopleRegistry);
  return { languages, shared, people };
}

/** Reads and validates the language rules, shared rules and people registry, then compiles them. */
export async function loadNormalizeContext(languagesDir: string, peopleFile: string): Promise<NormalizeContext> {
  return createNormalizeContext(await readNormalizeRules(languagesDir, peopleFile));
}
