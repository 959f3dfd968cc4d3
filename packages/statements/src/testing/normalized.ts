import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PeopleRegistry, type Document, type NormalizedDocument } from "@viewpoints/artifacts";
import { createNormalizeContext, KNOWN_LANGS, LanguageRules as NormalizeRules, normalizeDocument, SharedRules, type NormalizeContext } from "@viewpoints/normalize";
import { repoRoot } from "@viewpoints/runtime";

let context: NormalizeContext | undefined;

function readJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(repoRoot(), "data", ...path), "utf8"));
}

/** Runs the real normalizer on raw article text, with the repository's rules and people registry. */
export function normalizeText(text: string, meta: { id?: string; authors?: string[]; title?: string } = {}): NormalizedDocument {
  context ??= createNormalizeContext({
    languages: KNOWN_LANGS.map((lang) => NormalizeRules.parse(readJson("languages", lang, "normalize.json"))),
    shared: SharedRules.parse(readJson("languages", "normalize.shared.json")),
    people: PeopleRegistry.parse(readJson("people.json")),
  });
  const doc: Document = {
    id: meta.id ?? "article",
    file: `${meta.id ?? "article"}.txt`,
    format: "txt",
    hash: createHash("sha256").update(text).digest("hex"),
    encoding: "utf-8",
    bytes: Buffer.byteLength(text),
    meta: { outlet: null, title: meta.title ?? null, published: null, url: null, language: null, authors: meta.authors ?? [] },
    text,
  };
  return normalizeDocument(doc, context).document;
}
