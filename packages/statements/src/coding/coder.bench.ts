import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { checkCodebook, createCoder } from "./index";

const codebook = checkCodebook(JSON.parse(readFileSync(new URL("../../../../data/codebook.json", import.meta.url), "utf8")), "data/codebook.json");
const code = createCoder(codebook);
// Realistic statement lengths: one article's sentences, coded one by one.
const sentences = (file: string) =>
  readFileSync(new URL(`../../../../data/articles/${file}.txt`, import.meta.url), "utf8")
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.length > 20);
const sv = sentences("002_077af989b4a2a668");
const en = sentences("004_b03ce63f8eeabc7f");
const kb = (list: string[]) => (Buffer.byteLength(list.join("")) / 1024).toFixed(1);

describe("coder throughput (MB/s = KB per op × ops/s / 1024)", () => {
  bench(`sv article, ${sv.length} statements, ${kb(sv)} KB per op`, () => {
    for (const s of sv) code(s, "sv");
  });
  bench(`en article, ${en.length} statements, ${kb(en)} KB per op`, () => {
    for (const s of en) code(s, "en");
  });
});
