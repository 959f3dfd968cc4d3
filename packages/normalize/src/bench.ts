/**
 * Measures normalizeDocument throughput over the seed articles repeated in memory:
 * `pnpm --filter @viewpoints/normalize bench [ROUNDS]`. Prints MB/s of input text.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Document } from "@viewpoints/artifacts";
import { dataDir } from "@viewpoints/runtime";
import { loadNormalizeContext } from "./load-context";
import { normalizeDocument } from "./normalize";

const rounds = Number(process.argv[2] ?? 200);
const articles = join(dataDir(), "articles");
const docs: Document[] = readdirSync(articles)
  .filter((f) => f.endsWith(".txt"))
  .map((file) => {
    const text = readFileSync(join(articles, file), "utf8");
    return {
      id: file.replace(/\.txt$/, "").toLowerCase(),
      file,
      format: "txt",
      hash: createHash("sha256").update(text).digest("hex"),
      encoding: "utf-8",
      bytes: Buffer.byteLength(text),
      meta: { outlet: null, title: null, published: null, url: null, language: null, authors: [] },
      text,
    };
  });
const bytesPerRound = docs.reduce((n, d) => n + d.bytes, 0);
const context = await loadNormalizeContext(join(dataDir(), "languages"), join(dataDir(), "people.json"));

// Warm up so the JIT has compiled the hot loops before timing.
for (let r = 0; r < 50; r++) for (const doc of docs) normalizeDocument(doc, context);
const started = performance.now();
const cpuStarted = process.cpuUsage();
let sentences = 0;
for (let r = 0; r < rounds; r++) for (const doc of docs) sentences += normalizeDocument(doc, context).document.sentences.length;
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = (bytesPerRound * rounds) / 1e6;
process.stdout.write(
  `normalize: ${mb.toFixed(1)} MB, ${docs.length * rounds} documents, ${sentences} sentences: ` +
    `${(mb / seconds).toFixed(1)} MB/s wall (${seconds.toFixed(2)}s), ${(mb / cpuSeconds).toFixed(1)} MB/s CPU (${cpuSeconds.toFixed(2)}s)\n`,
);

// Calibration: how fast this machine runs a bare char-code loop over the same text, for comparing runs across machines.
const sample = docs.map((d) => d.text).join("\n").repeat(50);
let dots = 0;
const loopStarted = process.cpuUsage();
for (let r = 0; r < 10; r++) for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0x2e) dots++;
const loopCpu = process.cpuUsage(loopStarted);
process.stdout.write(`calibration: bare char-code loop ${((sample.length * 10) / 1e6 / ((loopCpu.user + loopCpu.system) / 1e6)).toFixed(0)} M chars/s CPU (${dots > 0 ? "ok" : "empty"})\n`);
