import { readdir, readFile, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./testing/temp-dirs";
import { ResultCache } from "./cache";

const tempDir = useTempDirs();

async function packFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, "v1"))).filter((f) => f.endsWith(".pack")).map((f) => join(dir, "v1", f));
}

async function packFile(dir: string, version: string): Promise<string> {
  const root = join(dir, version);
  return join(root, (await readdir(root)).find((f) => f.endsWith(".pack"))!);
}

/** Stores `values` (input → text) as one committed run. */
function commitRun(dir: string, values: Record<string, string>): void {
  const cache = new ResultCache({ dir, version: "v1" });
  for (const [input, text] of Object.entries(values)) cache.set(cache.key(input), text);
  cache.commit();
}

/** Reads `inputs` back in the order given and commits, as a rerun does; undefined for a miss. */
function rerun(dir: string, inputs: string[]): (string | undefined)[] {
  const cache = new ResultCache({ dir, version: "v1" });
  const texts = inputs.map((input) => cache.get(cache.key(input)));
  cache.commit();
  return texts;
}

describe("result cache pack", () => {
  it("gives back texts of any size and script, in order or not, run after run", async () => {
    const dir = await tempDir("vp-pack-");
    const values: Record<string, string> = {
      empty: "",
      swedish: "Säkerhetsläget “förvärrades” snabbt – 🙂 enligt analytikern.\n".repeat(200),
      // Larger than the write buffer, as UTF-8 and as the room reserved for it.
      large: "å".repeat(600_000),
      huge: "x".repeat(3_000_000),
    };
    for (let i = 0; i < 300; i += 1) values[`doc${i}`] = `result ${i} `.repeat(i * 10);
    commitRun(dir, values);
    const inputs = Object.keys(values);
    expect(rerun(dir, inputs)).toEqual(Object.values(values));
    const shuffled = [...inputs].reverse();
    expect(rerun(dir, shuffled)).toEqual(shuffled.map((input) => values[input]));
    expect(rerun(dir, inputs)).toEqual(Object.values(values));
  });

  it("stores entries as UTF-8, and never gives back a text that UTF-8 would have changed", async () => {
    const dir = await tempDir("vp-pack-");
    const swedish = "Läget är “allvarligt” – säger hon.";
    commitRun(dir, { swedish, lone: "half a pair: \ud83d." });
    expect((await stat(await packFile(dir, "v1"))).size).toBe(Buffer.byteLength(swedish));
    expect(rerun(dir, ["swedish", "lone"])).toEqual([swedish, undefined]);
    // Keys keep the difference UTF-8 would lose.
    const cache = new ResultCache({ dir, version: "v1" });
    expect(cache.key("a\ud83d")).not.toBe(cache.key("a\ufffd"));
  });

  it("misses an entry whose bytes were changed in the pack and still hits the others", async () => {
    const dir = await tempDir("vp-pack-");
    const edited = "Engvall: läget är “allvarligt” ".repeat(100);
    commitRun(dir, { before: "first", edited, after: "last" });
    const pack = await packFile(dir, "v1");
    const bytes = await readFile(pack);
    // The edited entry fills nearly all of the pack.
    bytes[bytes.length >> 1]! ^= 1;
    await writeFile(pack, bytes);
    expect(rerun(dir, ["before", "edited", "after"])).toEqual(["first", undefined, "last"]);
  });

  it("misses the entries a truncated pack cut off", async () => {
    const dir = await tempDir("vp-pack-");
    commitRun(dir, { a: "A".repeat(1000), b: "B".repeat(1000), c: "C".repeat(1000) });
    const pack = await packFile(dir, "v1");
    await truncate(pack, (await stat(pack)).size >> 1);
    expect(rerun(dir, ["a", "b", "c"]).map((text) => text?.length)).toEqual([1000, undefined, undefined]);
  });

  it("stores a document that occurs twice once", async () => {
    const once = await tempDir("vp-pack-");
    commitRun(once, { same: "S", other: "O" });
    const size = (await stat(await packFile(once, "v1"))).size;
    const dir = await tempDir("vp-pack-");
    const cache = new ResultCache({ dir, version: "v1" });
    cache.set(cache.key("same"), "S");
    cache.set(cache.key("same"), "S");
    cache.set(cache.key("other"), "O");
    cache.commit();
    expect((await stat(await packFile(dir, "v1"))).size).toBe(size);
    const next = new ResultCache({ dir, version: "v1" });
    expect([next.get(next.key("same")), next.get(next.key("same")), next.get(next.key("other"))]).toEqual(["S", "S", "O"]);
    next.commit();
    expect((await stat(await packFile(dir, "v1"))).size).toBe(size);
  });

  it("reads an index of another format, or with entries it cannot read, as no cache", async () => {
    const dir = await tempDir("vp-pack-");
    commitRun(dir, { a: "A" });
    const index = join(dir, "v1", "index.json");
    const { format, ...older } = JSON.parse(await readFile(index, "utf8")) as Record<string, unknown>;
    await writeFile(index, JSON.stringify(older));
    expect(rerun(dir, ["a"])).toEqual([undefined]);
    commitRun(dir, { a: "A" });
    await writeFile(index, JSON.stringify({ ...older, format, entries: [null, 3] }));
    expect(rerun(dir, ["a"])).toEqual([undefined]);
  });

  it("writes nothing but the index on a rerun that changed nothing", async () => {
    const dir = await tempDir("vp-pack-");
    commitRun(dir, { a: "A", b: "B" });
    const before = await packFiles(dir);
    expect(rerun(dir, ["a", "b"])).toEqual(["A", "B"]);
    expect(await packFiles(dir)).toEqual(before);
  });

  it("moves what a run still uses out of a pack it mostly no longer needs, and removes that pack", async () => {
    const dir = await tempDir("vp-pack-");
    const values = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`doc${i}`, `value ${i}`]));
    commitRun(dir, values);
    const [old] = await packFiles(dir);
    const cache = new ResultCache({ dir, version: "v1" });
    expect(cache.get(cache.key("doc3"))).toBe("value 3");
    cache.set(cache.key("new"), "fresh");
    cache.commit();
    const packs = await packFiles(dir);
    expect(packs).toHaveLength(1);
    expect(packs).not.toContain(old);
    expect(rerun(dir, ["doc3", "new", "doc4"])).toEqual(["value 3", "fresh", undefined]);
  });

  it("keeps the cache in a few pack files however many runs each add a document", async () => {
    const dir = await tempDir("vp-pack-");
    const values: Record<string, string> = {};
    for (let run = 0; run < 20; run += 1) {
      values[`doc${run}`] = `value ${run} `.repeat(run + 1);
      const cache = new ResultCache({ dir, version: "v1" });
      for (const [input, text] of Object.entries(values)) if (cache.get(cache.key(input)) === undefined) cache.set(cache.key(input), text);
      cache.commit();
      expect((await packFiles(dir)).length).toBeLessThanOrEqual(8);
    }
    expect(rerun(dir, Object.keys(values))).toEqual(Object.values(values));
  });
});
