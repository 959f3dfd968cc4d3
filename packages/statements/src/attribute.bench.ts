import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { attributeDocument } from "./attribute";
import { normalizeText } from "./testing/normalized";
import { repoRules } from "./testing/rules";

const rules = repoRules();
// The seed articles through the real normalizer: a dash-quote news story, an analysis, an English report.
const article = (file: string) => normalizeText(readFileSync(new URL(`../../../data/articles/${file}.txt`, import.meta.url), "utf8"), { id: file });
const docs = [article("000_ad24d6e31d34d10a"), article("002_077af989b4a2a668"), article("004_b03ce63f8eeabc7f")];
const kb = (Buffer.byteLength(docs.map((d) => d.text).join("")) / 1024).toFixed(1);

describe("attribution throughput (KB per op × ops/s = KB/s)", () => {
  bench(`three articles, ${kb} KB per op`, () => {
    for (const doc of docs) attributeDocument(doc, rules);
  });
});
