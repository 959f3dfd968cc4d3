import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { Codebook, exists, MissingArtifactError, PeopleRegistry, readJsonFile, type RegistryEntry } from "@viewpoints/artifacts";
import { CliError } from "@viewpoints/runtime";
import { compileRules, LanguageRules, type CompiledRules } from "./rules";

const RULES_FILE = "statements.json";

/** Reads and validates data/languages/<lang>/statements.json for every language folder that has one. */
async function readRuleFiles(dir: string): Promise<Map<string, LanguageRules>> {
  let langs: string[];
  try {
    langs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    throw new CliError(`${dir}: language folder not found; it should hold <lang>/${RULES_FILE} (pass --languages DIR)`);
  }
  const rules = new Map<string, LanguageRules>();
  for (const lang of langs) {
    const file = join(dir, lang, RULES_FILE);
    if (await exists(file)) rules.set(lang, await readJsonFile(file, LanguageRules));
  }
  if (rules.size === 0) throw new CliError(`${dir}: no <lang>/${RULES_FILE} found; add one per language (see data/languages/sv/${RULES_FILE})`);
  return rules;
}

/** Loads and compiles data/languages/<lang>/statements.json for every language folder that has one. */
export async function loadRuleSet(dir: string): Promise<Map<string, CompiledRules>> {
  const compiled = new Map<string, CompiledRules>();
  for (const [lang, rules] of await readRuleFiles(dir)) compiled.set(lang, compileRules(rules));
  return compiled;
}

/** Loads the codebook; a missing file is a user error that says how to fix it. */
export async function loadCodebook(file: string): Promise<Codebook> {
  try {
    return await readJsonFile(file, Codebook);
  } catch (error) {
    if (error instanceof MissingArtifactError) {
      throw new CliError(`${file}: codebook not found. The statements stage codes every statement with it: create data/codebook.json or pass --codebook FILE.`);
    }
    throw error;
  }
}

/** Loads the people registry by id; without one, roles come from the documents alone. */
export async function loadRegistry(file: string): Promise<{ entries: Map<string, RegistryEntry>; found: boolean }> {
  if (!(await exists(file))) return { entries: new Map(), found: false };
  const registry = await readJsonFile(file, PeopleRegistry);
  return { entries: new Map(registry.entries.map((e) => [e.id, e])), found: true };
}

/**
 * Reads and validates the codebook, attribution rules and registry without compiling them, in the order
 * the stage loads them: cheap, so the main thread can check the files before worker threads each load their own.
 */
export async function checkStatementFiles(files: { codebookFile: string; languagesDir: string; peopleFile: string }): Promise<void> {
  await loadCodebook(files.codebookFile);
  await readRuleFiles(files.languagesDir);
  await loadRegistry(files.peopleFile);
}
