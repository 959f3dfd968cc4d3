import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ArtifactError, parseAt } from "./errors";
import { serializeJsonlRecord } from "./io";
import { jsonCheckOf } from "./json-check";
import { Document } from "./schemas/documents";
import { NormalizedDocument } from "./schemas/normalized";
import { Statement } from "./schemas/statements";

const statement = {
  statement_id: "d1-s1",
  doc_id: "d1",
  speaker_id: "p1",
  speaker_name: "A B",
  speaker_role: "analyst",
  kind: "quote",
  frame: "risk",
  themes: ["russian-influence"],
  hedged: false,
  confidence: 1,
  cue: "said",
  lang: "en",
  start: 0,
  end: 4,
  text: "Text",
};
const meta = { outlet: null, title: "T", published: "2022-01-15", url: null, language: "sv", authors: ["X"] };
const document = { id: "a-1", file: "a-1.md", format: "md", hash: "0".repeat(64), encoding: "utf-8", bytes: 4, meta, text: "Text" };
const normalized = {
  id: "a-1",
  file: "a-1.md",
  hash: "h",
  meta,
  lang: "sv",
  text: "Text",
  paragraphs: [{ start: 0, end: 4, lang: "sv", kind: "body", dashQuote: false }],
  sentences: [{ start: 0, end: 4, paragraph: 0 }],
  persons: [{ id: "p1", name: "A B", role: null, affiliation: null, registered: true }],
  mentions: [{ start: 0, end: 1, personId: "p1", surface: "A" }],
  removed: [],
};

// Each case breaks one rule of the schema: zod refuses all of them.
const broken: [string, z.ZodType, unknown][] = [
  ["confidence above 1", Statement, { ...statement, confidence: 1.01 }],
  ["negative confidence", Statement, { ...statement, confidence: -0.1 }],
  ["NaN", Statement, { ...statement, confidence: Number.NaN }],
  ["Infinity", Statement, { ...statement, end: Number.POSITIVE_INFINITY }],
  ["fractional offset", Statement, { ...statement, start: 1.5 }],
  ["negative offset", Statement, { ...statement, start: -1 }],
  ["unsafe integer", Statement, { ...statement, end: 2 ** 53 }],
  ["empty text", Statement, { ...statement, text: "" }],
  ["theme not kebab-case", Statement, { ...statement, themes: ["Russian"] }],
  ["unknown kind", Statement, { ...statement, kind: "rumour" }],
  ["boolean as string", Statement, { ...statement, hedged: "false" }],
  ["null where not nullable", Statement, { ...statement, speaker_role: null }],
  ["missing member", Statement, { ...statement, cue: undefined }],
  ["array as record", Statement, [statement]],
  ["bad date", Document, { ...document, meta: { ...meta, published: "2022-1-15" } }],
  ["upper-case hash", Document, { ...document, hash: "A".repeat(64) }],
  ["author not a string", Document, { ...document, meta: { ...meta, authors: [1] } }],
  ["hole in an array", NormalizedDocument, { ...normalized, sentences: new Array(1) }],
  ["nested offset negative", NormalizedDocument, { ...normalized, mentions: [{ ...normalized.mentions[0], end: -1 }] }],
  ["nested enum", NormalizedDocument, { ...normalized, paragraphs: [{ ...normalized.paragraphs[0], kind: "footer" }] }],
];

describe("jsonCheckOf", () => {
  it("passes valid records of every written artifact", () => {
    expect(jsonCheckOf(Statement)?.(statement)).toBe(true);
    expect(jsonCheckOf(Document)?.(document)).toBe(true);
    expect(jsonCheckOf(NormalizedDocument)?.(normalized)).toBe(true);
  });

  it.each(broken)("refuses a record zod refuses: %s", (_, schema, record) => {
    expect(schema.safeParse(record).success).toBe(false);
    expect(jsonCheckOf(schema)?.(record)).toBe(false);
  });

  it("refuses valid records whose JSON zod would rewrite: keys out of order, extra keys, class instances", () => {
    const { statement_id, ...rest } = statement;
    const check = jsonCheckOf(Statement);
    expect(check?.({ ...rest, statement_id })).toBe(false);
    expect(check?.({ ...statement, extra: 1 })).toBe(false);
    expect(check?.(Object.assign(new (class Row {})(), statement))).toBe(false);
  });

  it("has no fast check for refinements, transforms, defaults, unions or formats it does not know", () => {
    const schemas = [
      z.object({ a: z.string().refine((s) => s !== "x") }),
      z.object({ a: z.string().transform((s) => s.trim()) }),
      z.object({ a: z.number().default(1) }),
      z.object({ a: z.url() }),
      z.object({ a: z.email() }),
      z.object({ a: z.int() }),
      z.object({ a: z.union([z.string(), z.number()]) }),
      z.strictObject({ a: z.string() }),
      z.object({ a: z.string().trim() }),
      z.object({ a: z.number().int().optional() }),
    ];
    expect(schemas.map((schema) => jsonCheckOf(schema))).toEqual(schemas.map(() => null));
  });
});

describe("serializeJsonlRecord with the fast check", () => {
  it("writes what zod returns, also for records the fast check leaves to zod", () => {
    const { statement_id, ...rest } = statement;
    for (const record of [statement, { ...rest, statement_id }, { ...statement, extra: 1 }]) {
      const line = serializeJsonlRecord(Statement, record as z.infer<typeof Statement>, { file: "s.jsonl" });
      expect(line).toBe(`${JSON.stringify(Statement.parse(record))}\n`);
    }
  });

  it("fails a bad record with the message zod's check gives", () => {
    for (const [, schema, record] of broken) {
      const where = { file: "out.jsonl", line: 3 };
      const expected = (() => {
        try {
          parseAt(schema, record, where);
        } catch (error) {
          return (error as ArtifactError).message;
        }
        return "passed";
      })();
      expect(() => serializeJsonlRecord(schema, record, where)).toThrow(new ArtifactError(expected, where));
    }
  });
});
