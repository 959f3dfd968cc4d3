import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@viewpoints/runtime";
import { compileRules, LanguageRules, type RuleSet } from "../rules";

/** The repository's own language rules, so tests exercise the data users edit. */
export function repoRules(): RuleSet {
  const load = (lang: string) =>
    compileRules(LanguageRules.parse(JSON.parse(readFileSync(join(repoRoot(), "data", "languages", lang, "statements.json"), "utf8"))));
  return new Map([
    ["sv", load("sv")],
    ["en", load("en")],
  ]);
}
