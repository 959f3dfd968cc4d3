import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./temp-dirs";

let made: string[] = [];

describe("folders from useTempDirs", () => {
  const tempDir = useTempDirs();

  it("are fresh, distinct and writable while the suite runs", async () => {
    made = [await tempDir("vp-temp-test-"), await tempDir()];
    expect(made[0]).not.toBe(made[1]);
    await writeFile(join(made[0]!, "a.txt"), "x");
    for (const dir of made) expect((await stat(dir)).isDirectory()).toBe(true);
  });
});

describe("once that suite has run", () => {
  it("its folders are gone, contents and all", async () => {
    expect(made).toHaveLength(2);
    for (const dir of made) await expect(stat(dir)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
