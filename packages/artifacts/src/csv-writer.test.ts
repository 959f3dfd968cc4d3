import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import Papa from "papaparse";
import { AtomicCsvWriter, renderCsvRows } from "./csv-writer";

const tempDir = useTempDirs();

describe("renderCsvRows", () => {
  it("renders every row exactly as Papa.unparse does: quotes, commas, line breaks, byte-order marks, edge spaces", () => {
    const tricky = ["", " ", "a", " lead", "trail ", 'say "hi"', '"', "a,b", "one\ntwo", "cr\r", "\uFEFFbom", "tab\t", "semi;colon", "å–€𝄞", "=1+1"];
    const alphabet = ["a", " ", '"', ",", "\n", "\r", "\t", "\uFEFF", "ä", ";"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const generated = Array.from({ length: 500 }, () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""));
    const cells = [...tricky, ...generated];
    const rows = cells.map((cell, i) => ({ id: i, text: cell, tags: [cell, "x"], none: null }));
    const columns = ["id", "text", "tags", "none"];
    const expected = `${Papa.unparse(rows.map((row) => [String(row.id), row.text, row.tags.join(";"), ""]), { newline: "\n" })}\n`;
    expect(renderCsvRows(columns, rows)).toBe(expected);
    expect(renderCsvRows(columns, [])).toBe("");
  });
});

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
