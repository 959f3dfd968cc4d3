import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { z } from "zod";
import { ArtifactError } from "./errors";
import { AtomicJsonlWriter, AtomicTextWriter, MissingArtifactError, parseJsonlInput, parseJsonlLine, readJsonl, readJsonlAll, readJsonlHeads, readJsonlLines, serializeJsonlRecord, writeJsonAtomic } from "./io";
import { Document } from "./schemas/documents";
import { NormalizedDocument } from "./schemas/normalized";
import { Statement } from "./schemas/statements";

const tempDir = useTempDirs();

const Row = z.object({ id: z.string(), n: z.number().int() });

describe("AtomicJsonlWriter", () => {
  it("replaces the target only on commit", async () => {
    const dir = await tempDir();
    const file = join(dir, "rows.jsonl");
    await writeFile(file, '{"id":"old","n":1}\n');
    const writer = new AtomicJsonlWriter(file, Row);
    await writer.write({ id: "new", n: 2 });
    expect(await readFile(file, "utf8")).toBe('{"id":"old","n":1}\n');
    await writer.commit();
    expect(await readJsonlAll(file, Row)).toEqual([{ id: "new", n: 2 }]);
    expect(await readdir(dir)).toEqual(["rows.jsonl"]);
  });

  it("leaves the previous output intact and no temp file when a run fails midway", async () => {
    const dir = await tempDir();
    const file = join(dir, "rows.jsonl");
    await writeFile(file, '{"id":"good","n":1}\n');
    const writer = new AtomicJsonlWriter(file, Row);
    await writer.write({ id: "a", n: 1 });
    // An invalid record is the kind of failure that stops a run.
    await expect(writer.write({ id: "b", n: 1.5 })).rejects.toThrow(/rows\.jsonl:2.*\n\s+n: /s);
    await writer.abort();
    expect(await readFile(file, "utf8")).toBe('{"id":"good","n":1}\n');
    expect(await readdir(dir)).toEqual(["rows.jsonl"]);
  });

  it("aborts cleanly while a write is still in flight, leaving no temp file and no stray error", async () => {
    const dir = await tempDir();
    const writer = new AtomicJsonlWriter(join(dir, "rows.jsonl"), Row);
    await writer.write({ id: "a", n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // This write reaches the file system at once; abort lands while it is pending.
    await writer.write({ id: "b", n: 2 });
    await writer.abort();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("AtomicTextWriter", () => {
  it("writes every piece in order as UTF-8, pieces larger than a batch among them", async () => {
    const file = join(await tempDir(), "text.txt");
    // The second piece fills a whole batch, so the first is flushed alone just before the batch is refilled.
    const pieces = ["start\n", "x".repeat(1 << 20), "€".repeat(1_200_000), ...Array.from({ length: 5000 }, (_, i) => `rad ${i} – ${"ä".repeat(i % 300)}\n`), "", "𝄞 end"];
    const writer = new AtomicTextWriter(file);
    for (const piece of pieces) await writer.write(piece);
    await writer.commit();
    expect(await readFile(file, "utf8")).toBe(pieces.join(""));
  });

  it("removes its temp file on abort after batches have reached it, keeping the previous file", async () => {
    const dir = await tempDir();
    const file = join(dir, "text.txt");
    await writeFile(file, "old\n");
    const writer = new AtomicTextWriter(file);
    await writer.write("x".repeat(1 << 18));
    await writer.write("y".repeat(1 << 10));
    expect((await readdir(dir)).length).toBe(2);
    await writer.abort();
    expect(await readdir(dir)).toEqual(["text.txt"]);
    expect(await readFile(file, "utf8")).toBe("old\n");
  });
});

describe("readJsonlLines", () => {
  it("gives every line whole and numbered across reads, however long, with CRLF and no final newline", async () => {
    const file = join(await tempDir(), "long.jsonl");
    // Lines longer than one read and lines cut by read boundaries, in multi-byte text.
    const lines = ["short", "å".repeat(1_300_000), "", "ä".repeat(700_000), ...Array.from({ length: 3000 }, (_, i) => `ö${i}`.repeat(i % 97)), "last"];
    await writeFile(file, `${lines.slice(0, 3).join("\r\n")}\r\n${lines.slice(3).join("\n")}`);
    const read = [];
    for await (const { text, line } of readJsonlLines(file)) read.push({ text, line });
    const expected = lines.map((text, i) => ({ text, line: i + 1 })).filter(({ text }) => text.trim() !== "");
    expect(read.length).toBe(expected.length);
    expect(read).toEqual(expected);
  });
});

describe("readJsonl", () => {
  it("names the file, the line and the field of a bad record", async () => {
    const file = join(await tempDir(), "bad.jsonl");
    await writeFile(file, '{"id":"a","n":1}\n{"id":"b","n":"x"}\n');
    const read = async () => {
      for await (const _ of readJsonl(file, Row)) void _;
    };
    await expect(read()).rejects.toThrow(`${file}:2: invalid record\n  n: Invalid input: expected number, received string`);
  });

  it("reports broken JSON with its line", async () => {
    const file = join(await tempDir(), "broken.jsonl");
    await writeFile(file, '{"id":"a","n":1}\n{"id":\n');
    await expect(readJsonlAll(file, Row)).rejects.toThrow(`${file}:2: not valid JSON`);
  });

  it("raises MissingArtifactError for a file that is not there", async () => {
    await expect(readJsonlAll(join(await tempDir(), "none.jsonl"), Row)).rejects.toBeInstanceOf(MissingArtifactError);
  });
});

describe("writeJsonAtomic", () => {
  it("refuses to write a value that breaks the schema and keeps the old file", async () => {
    const file = join(await tempDir(), "x.json");
    await writeJsonAtomic(file, Row, { id: "a", n: 1 });
    await expect(writeJsonAtomic(file, Row, { id: "a", n: -0.5 } as never)).rejects.toThrow(/x\.json: invalid record/);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ id: "a", n: 1 });
  });
});

describe("readJsonl with onInvalid", () => {
  it("reports invalid lines with their line number and goes on with the rest", async () => {
    const dir = await tempDir();
    const file = join(dir, "rows.jsonl");
    await writeFile(file, '{"id":"a","n":1}\nnot json\n{"id":"b","n":1.5}\n{"id":"c","n":3}\n');
    const problems: string[] = [];
    const rows: unknown[] = [];
    for await (const row of readJsonl(file, Row, { onInvalid: (error) => problems.push(`${error.line}: ${error.message.split("\n")[0]}`) })) rows.push(row);
    expect(rows).toEqual([{ id: "a", n: 1 }, { id: "c", n: 3 }]);
    expect(problems).toEqual([`2: ${file}:2: not valid JSON (Unexpected token 'o', "not json" is not valid JSON)`, `3: ${file}:3: invalid record`]);
  });
});

describe("readJsonlHeads", () => {
  it("decodes each line only up to the member, gives the whole line where it is missing, and skips blank lines", async () => {
    const file = join(await tempDir(), "docs.jsonl");
    await writeFile(file, '{"id":"a","text":"Åsa \\"text\\""}\r\n\n{"id":"b"}\n  \n{"id":"c","text":"x"}');
    const heads = [];
    for await (const { head, line, whole } of readJsonlHeads(file, ',"text":"')) heads.push({ head, line, whole: whole() });
    expect(heads).toEqual([
      { head: '{"id":"a"', line: 1, whole: '{"id":"a","text":"Åsa \\"text\\""}' },
      { head: null, line: 3, whole: '{"id":"b"}' },
      { head: '{"id":"c"', line: 5, whole: '{"id":"c","text":"x"}' },
    ]);
  });
});

/** Paths inside `schema` where zod's output could differ from its (already valid) input: defaults, transforms, pipes, anything unknown. */
function reshapingParts(schema: z.ZodType, path = "$"): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape!).flatMap(([key, member]) => reshapingParts(member, `${path}.${key}`));
    case "array":
      return reshapingParts(def.element!, `${path}[]`);
    case "nullable":
      return reshapingParts(def.innerType!, path);
    case "string":
    case "number":
    case "boolean":
    case "enum":
      return [];
    default:
      return [`${path}: ${def.type}`];
  }
}

describe("parseJsonlInput", () => {
  const statement: Statement = {
    statement_id: "d1-s1",
    doc_id: "d1",
    speaker_id: "p1",
    speaker_name: "A Person",
    speaker_role: "",
    kind: "quote",
    frame: "risk",
    themes: ["a-theme"],
    hedged: false,
    confidence: 0.5,
    cue: "said",
    lang: "en",
    start: 0,
    end: 4,
    text: "Text",
  };

  it("gives a checked line exactly the value validation would, key order included", () => {
    const text = serializeJsonlRecord(Statement, statement, { file: "s.jsonl" }).trimEnd();
    const checked = parseJsonlInput(Statement, { text, line: 1, checked: true }, "s.jsonl");
    expect(JSON.stringify(checked)).toBe(JSON.stringify(parseJsonlLine(Statement, text, { file: "s.jsonl", line: 1 })));
  });

  it("validates a line that is not marked checked, naming file, line and field", () => {
    const text = JSON.stringify({ ...statement, confidence: 2 });
    expect(() => parseJsonlInput(Statement, { text, line: 7 }, "s.jsonl")).toThrow(/s\.jsonl:7.*confidence/s);
    expect(parseJsonlInput(Statement, { text, line: 7, checked: true }, "s.jsonl")).toMatchObject({ confidence: 2 });
  });

  it("reports broken JSON with its line even when checked", () => {
    expect(() => parseJsonlInput(Statement, { text: "{", line: 3, checked: true }, "s.jsonl")).toThrow(ArtifactError);
  });

  it("relies on records handed between stages having no defaults or transforms, so zod returns a valid line unchanged", () => {
    expect([Document, NormalizedDocument, Statement].flatMap((schema) => reshapingParts(schema))).toEqual([]);
  });
});
