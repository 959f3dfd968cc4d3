import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { MtimeCache } from "./mtime-cache";

const tempDir = useTempDirs();

describe("MtimeCache", () => {
  it("parses a file once until it is rewritten", async () => {
    const file = join(await tempDir("vp-cache-"), "a.json");
    writeFileSync(file, "1");
    const cache = new MtimeCache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(file, load)).toBe(1);
    expect(await cache.get(file, load)).toBe(1);
    writeFileSync(file, "22");
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await cache.get(file, load)).toBe(2);
  });

  it("rejects with ENOENT for a missing file without calling the loader", async () => {
    const cache = new MtimeCache();
    let called = false;
    await expect(cache.get("/nonexistent/file.json", async () => (called = true))).rejects.toMatchObject({ code: "ENOENT" });
    expect(called).toBe(false);
  });
});
