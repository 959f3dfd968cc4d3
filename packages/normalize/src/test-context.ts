// Test helper: the real rule files and registry under data/, so tests exercise what users run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PeopleRegistry, type Document, type RegistryEntry } from "@viewpoints/artifacts";
import { dataDir } from "@viewpoints/runtime";
import { createNormalizeContext, type NormalizeContext } from "./context";
import { LanguageRules, SharedRules, type KnownLang } from "./language-data";

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

export function languageRules(lang: KnownLang): LanguageRules {
  return LanguageRules.parse(readJson(join(dataDir(), "languages", lang, "normalize.json")));
}

export function sharedRules(): SharedRules {
  return SharedRules.parse(readJson(join(dataDir(), "languages", "normalize.shared.json")));
}

/** A context from the repository's rules, with the given registry entries (or data/people.json). */
export function testContext(entries?: Partial<RegistryEntry>[]): NormalizeContext {
  const people = entries
    ? PeopleRegistry.parse({ entries })
    : PeopleRegistry.parse(readJson(join(dataDir(), "people.json")));
  return createNormalizeContext({ languages: [languageRules("sv"), languageRules("en")], shared: sharedRules(), people });
}

/** A document as ingest would write it. */
export function testDocument(text: string, overrides: Partial<Document> = {}): Document {
  return {
    id: "doc",
    file: "doc.txt",
    format: "txt",
    hash: "0".repeat(64),
    encoding: "utf-8",
    bytes: text.length,
    meta: { outlet: null, title: null, published: null, url: null, language: null, authors: [] },
    text,
    ...overrides,
  };
}
