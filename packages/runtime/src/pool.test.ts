import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./testing/temp-dirs";
import { ResultCache, versionHash } from "./cache";
import { isHome, mapInOrder, shareThreads, startTaskPool, stopSharedThreads, workerCount, workerExecArgv, workerResourceLimits } from "./pool";
import type { TaskInput, TaskResult } from "./tasks";

const tempDir = useTempDirs();

const MODULE = new URL("./testing/echo-task.ts", import.meta.url).href;

async function* lines(texts: string[]): AsyncGenerator<TaskInput> {
  let line = 0;
  for (const text of texts) yield { text, line: ++line };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const values = (results: TaskResult<string>[]) => results.map((r) => (r.ok ? r.value : `failed: ${r.message}`));

describe("mapInOrder", () => {
  it("yields results in input order even when later ones finish first", async () => {
    const delays = [30, 1, 15, 0, 5];
    const run = (i: number) => new Promise<number>((resolve) => setTimeout(() => resolve(i), delays[i]));
    expect(await collect(mapInOrder(lines(["a", "b", "c", "d", "e"]), (x) => run(x.line - 1), 3))).toEqual([0, 1, 2, 3, 4]);
  });

  it("reads the source no further ahead than the limit (back-pressure)", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i += 1) {
        pulled += 1;
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const value of mapInOrder(source(), async (i) => i, 4)) {
      seen.push(value);
      expect(pulled - seen.length).toBeLessThanOrEqual(4);
      if (seen.length === 10) break;
    }
    expect(pulled).toBeLessThanOrEqual(14);
  });

  it("stops at the first rejected item, in order", async () => {
    const run = async (x: TaskInput) => {
      if (x.text === "c") throw new Error(`line ${x.line} failed`);
      return x.text;
    };
    const seen: string[] = [];
    await expect(async () => {
      for await (const v of mapInOrder(lines(["a", "b", "c", "d"]), run, 2)) seen.push(v);
    }).rejects.toThrow("line 3 failed");
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("task pool on worker threads", { timeout: 30_000 }, () => {
  const texts = Array.from({ length: 40 }, (_, i) => `doc${i}`);

  it("returns the same results in the same order on 2 threads as in this thread", async () => {
    const run = async (workers: number) => {
      const fallbacks: string[] = [];
      const pool = startTaskPool<{ prefix: string }, string>({ workers, module: MODULE, init: { prefix: "> " }, onFallback: (r) => fallbacks.push(r) });
      try {
        const results = await collect(mapInOrder(lines([...texts, "bad", "last"]), (x) => pool.run(x), pool.capacity));
        return { values: values(results), threads: pool.threads, fallbacks };
      } finally {
        await pool.close();
      }
    };
    const one = await run(1);
    const two = await run(2);
    expect(two.fallbacks).toEqual([]);
    expect(two.threads).toBe(2);
    expect(two.values).toEqual(one.values);
    expect(one.values.slice(0, 2)).toEqual(["> DOC0", "> DOC1"]);
    expect(one.values.slice(-2)).toEqual(["failed: bad line", "> LAST"]);
  });

  it("rejects with the line a thread was working on when the task throws or the thread dies", async () => {
    for (const fatal of ["throw", "exit"]) {
      const pool = startTaskPool<{ prefix: string }, string>({ workers: 2, module: MODULE, init: { prefix: "" } });
      try {
        await expect(collect(mapInOrder(lines(["a", "b", fatal, "d"]), (x) => pool.run(x), pool.capacity))).rejects.toThrow(/line 3/);
      } finally {
        await pool.close();
      }
    }
  });

  it("settles the jobs of every thread when one thread dies, so an earlier slow document does not hang the run", async () => {
    const pool = startTaskPool<{ prefix: string }, string>({ workers: 2, module: MODULE, init: { prefix: "" } });
    try {
      // Line 2 is slow on one thread while line 3 kills the other.
      const results = Promise.allSettled([pool.run({ text: "a", line: 3 }), pool.run({ text: "slow", line: 2 }), pool.run({ text: "exit", line: 3 })]);
      const settled = await results;
      expect(settled.some((s) => s.status === "rejected" && /line 3/.test(String(s.reason)))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("runs a document that fills a worker thread's heap on the main thread instead, and the rest on the threads left", async () => {
    const warnings: string[] = [];
    const pool = startTaskPool<{ prefix: string }, string>({ workers: 2, module: MODULE, init: { prefix: "> " }, onFallback: (w) => warnings.push(w) });
    try {
      const results = await collect(mapInOrder(lines(["a", "oom", "c", "oom", "e", "f"]), (x) => pool.run(x), pool.capacity));
      expect(values(results)).toEqual(["> A", "> OOM ON MAIN", "> C", "> OOM ON MAIN", "> E", "> F"]);
      expect(warnings).toContainEqual(expect.stringMatching(/ran out of memory on input line 2 \(its heap is capped at \d+ MB\)/));
      expect(warnings).toContainEqual(expect.stringMatching(/ran out of memory on input line 4 /));
      // Both threads are gone now: later documents run here, and that is said once.
      const later = await collect(mapInOrder(lines(["g", "h"]), (x) => pool.run(x), pool.capacity));
      expect(values(later)).toEqual(["> G", "> H"]);
      expect(warnings.filter((w) => w.startsWith("no worker thread left"))).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  it("runs the pools of stages that run at once on the same shared threads, each with its own task, until they are stopped", async () => {
    const start = (prefix: string) => startTaskPool<{ prefix: string }, string>({ workers: 2, module: MODULE, init: { prefix } });
    const lines = Array.from({ length: 20 }, (_, i) => i + 1);
    const threadsOf = async (pool: ReturnType<typeof start>) => new Set(values(await Promise.all(lines.map((line) => pool.run({ text: "thread", line })))));
    shareThreads(2, [MODULE]);
    let first = new Set<string>();
    try {
      const a = start("a:");
      const b = start("b:");
      try {
        const [seenA, seenB] = await Promise.all([threadsOf(a), threadsOf(b)]);
        expect([...seenA].every((v) => v.startsWith("a:"))).toBe(true);
        expect([...seenB].every((v) => v.startsWith("b:"))).toBe(true);
        // Two pools of 2 threads each, yet only 2 threads between them.
        first = new Set([...seenA, ...[...seenB].map((v) => v.replace("b:", "a:"))]);
        expect(first.size).toBe(2);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      await stopSharedThreads();
    }
    const c = start("c:");
    try {
      expect([...(await threadsOf(c))].some((v) => first.has(v.replace("c:", "a:")))).toBe(false);
    } finally {
      await c.close();
    }
  });

  it("gives each of two stages running at once a thread of its own, and a stage left alone every thread", async () => {
    const start = (prefix: string) => startTaskPool<{ prefix: string }, string>({ workers: 2, module: MODULE, init: { prefix } });
    const threadsOf = async (pool: ReturnType<typeof start>) =>
      new Set(values(await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run({ text: "thread", line: i + 1 })))).map((v) => v.slice(2)));
    shareThreads(2, [MODULE]);
    try {
      const a = start("a:");
      const b = start("b:");
      try {
        // Both tasks are loaded before the jobs that count.
        await Promise.all([a.run({ text: "x", line: 1 }), b.run({ text: "x", line: 1 })]);
        const [seenA, seenB] = await Promise.all([threadsOf(a), threadsOf(b)]);
        expect([seenA.size, seenB.size]).toEqual([1, 1]);
        expect([...seenA][0]).not.toBe([...seenB][0]);
        await b.close();
        expect((await threadsOf(a)).size).toBe(2);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      await stopSharedThreads();
    }
  });

  it("falls back to this thread, saying why, when worker threads cannot load the task", async () => {
    const fallbacks: string[] = [];
    const pool = startTaskPool<{ prefix: string }, string>({
      workers: 2,
      module: new URL("./testing/missing-task.ts", import.meta.url).href,
      init: { prefix: "" },
      local: () => ({ text }) => ({ ok: true, value: text }),
      onFallback: (reason) => fallbacks.push(reason),
    });
    expect(values(await collect(mapInOrder(lines(["x"]), (x) => pool.run(x), pool.capacity)))).toEqual(["x"]);
    await pool.close();
    expect(fallbacks).toEqual([expect.stringMatching(/worker threads did not start .*; running in one thread/)]);
  });

  it("starts threads without the main thread's preloads, which workers could not load", () => {
    expect(workerExecArgv(["--import", "tsx", "--import", "/x/probe.ts", "--stack-size=2000", "--require=/y.cjs", "--max-semi-space-size=4"])).toEqual(["--stack-size=2000"]);
  });

  it("caps a worker's heap, at the main thread's --max-old-space-size when given (Node refuses the flag in a worker)", () => {
    const execArgv = ["--max-old-space-size=200", "--import", "tsx"];
    expect(workerExecArgv(execArgv)).toEqual([]);
    expect(workerResourceLimits(execArgv)).toEqual({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 200 });
    expect(workerResourceLimits(["--import", "tsx"])).toEqual({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 });
  });

  it("parses --workers and rejects nonsense", () => {
    expect(workerCount("3")).toBe(3);
    expect(workerCount(undefined)).toBeGreaterThanOrEqual(1);
    expect(() => workerCount("0")).toThrow(/--workers/);
  });
});

describe("result cache", () => {
  async function cacheDir(): Promise<string> {
    return tempDir("vp-cache-");
  }

  it("computes a document once and reads it back on the next run, from any number of threads", async () => {
    const dir = await cacheDir();
    const run = async (workers: number, texts: string[]) => {
      const pool = startTaskPool<{ prefix: string }, string>({ workers, module: MODULE, init: { prefix: "" }, cache: { dir, version: "v1" } });
      try {
        const results = await collect(mapInOrder(lines(texts), (x) => pool.run(x), pool.capacity));
        pool.commitCache();
        return results;
      } finally {
        await pool.close();
      }
    };
    const first = await run(2, ["a", "b", "bad"]);
    expect(first.map((r) => (r.ok ? r.cached : "failed"))).toEqual([false, false, "failed"]);
    const second = await run(1, ["a", "b", "bad", "c"]);
    expect(second.map((r) => (r.ok ? r.cached : "failed"))).toEqual([true, true, "failed", false]);
    expect(values(second)).toEqual([...values(first), "C"]);
    const third = await run(1, ["c", "a"]);
    expect(third.map((r) => r.ok && r.cached)).toEqual([true, true]);
  });

  /** Stores `values` as one committed run of a cache at `dir`. */
  function commitRun(dir: string, version: string, values: Record<string, string>): ResultCache {
    const cache = new ResultCache({ dir, version });
    for (const [input, value] of Object.entries(values)) cache.set(cache.key(input), value);
    cache.commit();
    return cache;
  }

  it("misses under another version, keeps only what the last run used, and drops other versions", async () => {
    const dir = await cacheDir();
    commitRun(dir, "v1", { a: "A", gone: "G" });
    const next = new ResultCache({ dir, version: "v1" });
    expect(next.get(next.key("a"))).toBe("A");
    next.commit();
    const after = new ResultCache({ dir, version: "v1" });
    expect(after.get(after.key("a"))).toBe("A");
    expect(after.get(after.key("gone"))).toBeUndefined();
    after.abort();
    expect(new ResultCache({ dir, version: "v2" }).get(after.key("a"))).toBeUndefined();
    commitRun(dir, "v2", { a: "A2" });
    expect(await readdir(dir)).toEqual(["v2"]);
    expect((await readdir(join(dir, "v2"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves the previous cache as it was when a run is not committed", async () => {
    const dir = await cacheDir();
    commitRun(dir, "v1", { a: "A" });
    const failed = new ResultCache({ dir, version: "v1" });
    failed.set(failed.key("b"), "B");
    failed.abort();
    const next = new ResultCache({ dir, version: "v1" });
    expect(next.get(next.key("a"))).toBe("A");
    expect(next.get(next.key("b"))).toBeUndefined();
  });

  it("ignores a corrupt entry or a broken index, so the document is computed again", async () => {
    const dir = await cacheDir();
    commitRun(dir, "v1", { doc: "x-value", other: "y-value" });
    const root = join(dir, "v1");
    const pack = (await readdir(root)).find((f) => f.endsWith(".pack"))!;
    const bytes = await readFile(join(root, pack));
    // The pack holds "doc"'s entry first: one bit of it changes.
    bytes[1]! ^= 1;
    await writeFile(join(root, pack), bytes);
    const cache = new ResultCache({ dir, version: "v1" });
    expect(cache.get(cache.key("doc"))).toBeUndefined();
    expect(cache.get(cache.key("other"))).toBe("y-value");
    await writeFile(join(root, "index.json"), '{"pack": "x.pack", "entr');
    const broken = new ResultCache({ dir, version: "v1" });
    expect(broken.get(broken.key("other"))).toBeUndefined();
  });

  it("changes the version when a rules file changes", async () => {
    const dir = await cacheDir();
    const rules = join(dir, "rules");
    await writeFile(join(dir, "people.json"), "{}");
    await mkdir(rules);
    await writeFile(join(rules, "sv.json"), '{"a":1}');
    const before = await versionHash(dir, [rules, join(dir, "people.json")]);
    expect(await versionHash(dir, [rules, join(dir, "people.json")])).toBe(before);
    await writeFile(join(rules, "sv.json"), '{"a":2}');
    expect(await versionHash(dir, [rules, join(dir, "people.json")])).not.toBe(before);
  });
});

describe("isHome", () => {
  const homes = (threads: number, task: number, tasks: number) => Array.from({ length: threads }, (_, k) => k).filter((k) => isHome(k, threads, task, tasks));

  it("gives a task alone every thread, and stages at once threads of their own", () => {
    expect(homes(2, 0, 1)).toEqual([0, 1]);
    expect([homes(2, 0, 2), homes(2, 1, 2)]).toEqual([[0], [1]]);
    expect([homes(4, 0, 2), homes(4, 1, 2)]).toEqual([[0, 2], [1, 3]]);
    // More tasks than threads: they share, each task still on one thread.
    expect([homes(2, 0, 3), homes(2, 1, 3), homes(2, 2, 3)]).toEqual([[0], [1], [0]]);
  });
});
