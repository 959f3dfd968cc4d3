/**
 * The reference the bench compares against, run as its own process: wink-nlp with its lite English
 * model, sentence boundaries and tokens only (pipe "sbd"), over the files listed in --list.
 * Usage: node --import tsx wink-reference.ts --list FILE --result FILE
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeJsonAtomic } from "@viewpoints/artifacts";
import { CliError, runMain } from "@viewpoints/runtime";
import type { ItemSentence, ItemToken } from "wink-nlp";
import { WinkResult } from "./wink-result";

runMain(async () => {
  const { values } = parseArgs({ options: { list: { type: "string" }, result: { type: "string" } } });
  if (!values.list || !values.result) throw new CliError("wink-reference needs --list FILE and --result FILE", 2);
  const files = (await readFile(values.list, "utf8")).split("\n").filter((l) => l !== "");
  const loadStart = performance.now();
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const nlp = winkNLP(model, ["sbd"]);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  let bytes = 0;
  let sentences = 0;
  let tokens = 0;
  let seconds = 0;
  for (const file of files) {
    const text = await readFile(file, "utf8");
    bytes += Buffer.byteLength(text);
    const started = performance.now();
    nlp.readDoc(text).sentences().each((sentence: ItemSentence) => {
      sentences += 1;
      sentence.tokens().each((token: ItemToken) => {
        // Reading each token's text is what a consumer does; it keeps the work from being skipped.
        if (token.out().length > 0) tokens += 1;
      });
    });
    seconds += (performance.now() - started) / 1000;
  }
  await writeJsonAtomic(values.result, WinkResult, { documents: files.length, bytes, sentences, tokens, loadSeconds, seconds });
});
