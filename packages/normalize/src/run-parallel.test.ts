import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dataDir, silentReporter } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { loadNormalizeContext } from "./load-context";
import { runNormalize, type RunOptions } from "./run";
import { testDocument } from "./test-context";

const tempDir = useTempDirs();

const languagesDir = join(dataDir(), "languages");
const peopleFile = join(dataDir(), "people.json");

/** The seed articles as ingested documents, several times over so threads interleave. */
async function documentsFile(extra: string[] = []): Promise<string> {
  const dir = await tempDir("vp-normalize-par-");
  const articles = join(dataDir(), "articles");
  const texts = await Promise.all((await readdir(articles)).filter((f) => f.endsWith(".txt")).sort().map((f) => readFile(join(articles, f), "utf8")));
  const docs = [...texts, ...texts, ...texts, ...extra].map((text, i) => testDocument(text, { id: `d${i}`, file: `d${i}.txt` }));
  await writeFile(join(dir, "documents.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return dir;
}

async function outputs(dir: string): Promise<string[]> {
  return Promise.all(["normalized.jsonl", "normalize-report.json"].map((f) => readFile(join(dir, f), "utf8")));
}

describe("runNormalize on threads and from the cache", { timeout: 60_000 }, () => {
  it("writes byte-identical outputs on 2 threads, from the cache, and recomputes only an added document", async () => {
    const context = await loadNormalizeContext(languagesDir, peopleFile);
    const base = { strict: false, context, reporter: silentReporter } satisfies Partial<RunOptions>;
    const input = await documentsFile();
    const plainDir = await tempDir("vp-normalize-plain-");
    const plain = await runNormalize({ ...base, inputDir: input, outDir: plainDir });
    expect(plain).toMatchObject({ read: 15, written: 15, cached: 0, threads: 1 });

    const threads = { workers: 2, languagesDir, peopleFile };
    const out = await tempDir("vp-normalize-threads-");
    const first = await runNormalize({ ...base, inputDir: input, outDir: out, threads, cacheVersion: "test" });
    expect(first).toMatchObject({ read: 15, cached: 0, threads: 2 });
    expect(await outputs(out)).toEqual(await outputs(plainDir));

    const again = await runNormalize({ ...base, inputDir: input, outDir: out, threads, cacheVersion: "test" });
    expect(again).toMatchObject({ read: 15, cached: 15, threads: 0 });
    expect(await outputs(out)).toEqual(await outputs(plainDir));

    const grown = await documentsFile(["Ett nytt stycke om läget i regionen, skriver tidningen."]);
    const added = await runNormalize({ ...base, inputDir: grown, outDir: out, threads, cacheVersion: "test" });
    expect(added).toMatchObject({ read: 16, cached: 15 });

    const changed = await runNormalize({ ...base, inputDir: grown, outDir: out, threads, cacheVersion: "other rules" });
    expect(changed).toMatchObject({ read: 16, cached: 0 });
  });
});
