import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dataDir, silentReporter } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { runStatements, type RunOptions } from "./run";
import { loadStatementContext } from "./task";
import { normalizeText } from "./testing/normalized";

const tempDir = useTempDirs();

const files = { codebookFile: join(dataDir(), "codebook.json"), languagesDir: join(dataDir(), "languages"), peopleFile: join(dataDir(), "people.json") };

/** The seed articles through the real normalizer, several times over so threads interleave. */
async function normalizedFile(extra: string[] = []): Promise<string> {
  const dir = await tempDir("vp-statements-par-");
  const articles = join(dataDir(), "articles");
  const texts = await Promise.all((await readdir(articles)).filter((f) => f.endsWith(".txt")).sort().map((f) => readFile(join(articles, f), "utf8")));
  const docs = [...texts, ...texts, ...extra].map((text, i) => normalizeText(text, { id: `d${i}` }));
  await writeFile(join(dir, "normalized.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return dir;
}

async function outputs(dir: string): Promise<string[]> {
  return Promise.all(["statements.jsonl", "statements.csv"].map((f) => readFile(join(dir, f), "utf8")));
}

describe("runStatements on threads and from the cache", { timeout: 60_000 }, () => {
  it("writes byte-identical statements on 2 threads and from the cache, and recomputes only an added document", async () => {
    const base = { strict: false, context: await loadStatementContext(files), reporter: silentReporter } satisfies Partial<RunOptions>;
    const input = await normalizedFile();
    const plainDir = await tempDir("vp-statements-plain-");
    const plain = await runStatements({ ...base, inputDir: input, outDir: plainDir });
    expect(plain).toMatchObject({ read: 10, cached: 0, threads: 1 });
    expect(plain.written).toBeGreaterThan(10);

    const threads = { workers: 2, ...files };
    const out = await tempDir("vp-statements-threads-");
    expect(await runStatements({ ...base, inputDir: input, outDir: out, threads, cacheVersion: "test" })).toMatchObject({ read: 10, cached: 0, threads: 2 });
    expect(await outputs(out)).toEqual(await outputs(plainDir));

    expect(await runStatements({ ...base, inputDir: input, outDir: out, threads, cacheVersion: "test" })).toMatchObject({ read: 10, cached: 10, threads: 0 });
    expect(await outputs(out)).toEqual(await outputs(plainDir));

    const grown = await normalizedFile(["– Läget är allvarligt, säger Anna Berg, forskare vid institutet."]);
    expect(await runStatements({ ...base, inputDir: grown, outDir: out, threads, cacheVersion: "test" })).toMatchObject({ read: 11, cached: 10 });
  });

  it("stops with --strict on a document the rules cannot handle, naming it, and writes nothing", async () => {
    const input = await normalizedFile();
    const context = { ...(await loadStatementContext(files)), coder: () => { throw new Error("coder exploded"); } };
    const out = await tempDir("vp-statements-strict-");
    await expect(runStatements({ strict: true, context, reporter: silentReporter, inputDir: input, outDir: out })).rejects.toThrow(/document d0: coder exploded/);
    expect((await readdir(out)).filter((f) => !f.startsWith(".cache"))).toEqual([]);
  });
});
