import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { AtomicCsvWriter } from "./csv-writer";

const tempDir = useTempDirs();

describe("AtomicCsvWriter", () => {
  it("streams rows in column order under one header and joins arrays with ;", async () => {
    const dir = await tempDir("csvw-");
    const file = join(dir, "out.csv");
    const writer = new AtomicCsvWriter(file, ["id", "tags", "text"]);
    await writer.write([{ text: 'he said "no", twice', id: 1, tags: ["a", "b"] }]);
    await writer.write([{ id: 2, tags: [], text: "ok" }]);
    await writer.commit();
    expect(await readFile(file, "utf8")).toBe('id,tags,text\n1,a;b,"he said ""no"", twice"\n2,,ok\n');
  });

  it("leaves no file behind when aborted", async () => {
    const dir = await tempDir("csvw-");
    const writer = new AtomicCsvWriter(join(dir, "out.csv"), ["id"]);
    await writer.write([{ id: 1 }]);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});
