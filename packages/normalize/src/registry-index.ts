import type { RegistryEntry } from "@viewpoints/artifacts";
import { words } from "./tokens";

/** One spelling of a registry entry as lower-cased tokens. */
export interface Alias {
  tokens: string[];
  entry: RegistryEntry;
}

/** Registry spellings keyed by their first token, longest first, so matching is one lookup per token. */
export type RegistryIndex = ReadonlyMap<string, readonly Alias[]>;

/**
 * Base forms of a lower-cased token without a genitive or possessive ending:
 * "lindqvists" → "lindqvist", "unicef’s" → "unicef", "nato:s" → "nato".
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const n = word.length;
  if (n > 2 && word.charCodeAt(n - 1) === 0x73) {
    const before = word.charCodeAt(n - 2);
    if (before === 0x2019 || before === 0x27 || before === 0x3a) forms.push(word.slice(0, n - 2));
    else if (n > 3) forms.push(word.slice(0, n - 1));
  }
  return forms;
}

/** Builds the token map over every name and alias of the registry. */
export function buildRegistryIndex(entries: readonly RegistryEntry[]): RegistryIndex {
  const index = new Map<string, Alias[]>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const spelling of [entry.name, ...entry.aliases]) {
      const tokens = words(spelling).map((w) => w.toLowerCase());
      const key = tokens.join(" ");
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = index.get(tokens[0]!) ?? [];
      list.push({ tokens, entry });
      index.set(tokens[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}
