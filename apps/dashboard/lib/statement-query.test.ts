import { describe, expect, it } from "vitest";
import type { Statement } from "@viewpoints/artifacts";
import { buildIndex, EMPTY_FILTER, explorerHref, parseFilter, queryStatements } from "./statement-query";

function statement(n: number, over: Partial<Statement> = {}): Statement {
  return {
    statement_id: `s${n}`,
    doc_id: n % 2 ? "doc-a" : "doc-b",
    speaker_id: n % 3 ? "p1" : "p2",
    speaker_name: n % 3 ? "Person One" : "Person Two",
    speaker_role: "",
    kind: "quote",
    frame: n % 2 ? "risk" : "assessment",
    themes: n % 4 ? ["t1"] : ["t2", "t1"],
    hedged: n % 5 === 0,
    confidence: 1,
    cue: "says",
    lang: n % 2 ? "en" : "sv",
    start: n * 10,
    end: n * 10 + 5,
    text: `Statement number ${n} about Things`,
    ...over,
  };
}

const index = buildIndex(Array.from({ length: 120 }, (_, i) => statement(i + 1)));

describe("parseFilter", () => {
  it("reads repeated and comma-separated values and ignores empty form fields", () => {
    const filter = parseFilter({ speaker: ["p1", "p2,p3"], theme: "", hedged: "true", q: "  rain  " });
    expect(filter.speaker).toEqual(["p1", "p2", "p3"]);
    expect(filter.theme).toEqual([]);
    expect(filter.hedged).toBe(true);
    expect(filter.q).toBe("rain");
  });

  it("treats an unknown hedged value as either", () => {
    expect(parseFilter({ hedged: "maybe" }).hedged).toBeNull();
  });
});

describe("explorerHref", () => {
  it("round-trips through parseFilter", () => {
    const href = explorerHref({ speaker: ["a", "b"], theme: ["t1"], hedged: false, q: "x y" }, 3);
    const params = new URL(href, "http://x").searchParams;
    const back = parseFilter(Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])));
    expect(back).toEqual({ ...EMPTY_FILTER, speaker: ["a", "b"], theme: ["t1"], hedged: false, q: "x y" });
    expect(params.get("page")).toBe("3");
  });

  it("leaves the first page out of the URL", () => {
    expect(explorerHref({}, 1)).toBe("/statements");
  });
});

describe("queryStatements", () => {
  it("combines filters with AND and values within one filter with OR", () => {
    const result = queryStatements(index, { ...EMPTY_FILTER, speaker: ["p2"], frame: ["risk", "assessment"], hedged: true }, 1, 50);
    const expected = index.all.filter((s) => s.speaker_id === "p2" && s.hedged);
    expect(result.items.map((s) => s.statement_id)).toEqual(expected.map((s) => s.statement_id));
    expect(result.total).toBe(expected.length);
  });

  it("matches a statement carrying any of the wanted themes", () => {
    const result = queryStatements(index, { ...EMPTY_FILTER, theme: ["t2"] }, 1, 200);
    expect(result.total).toBe(30);
    expect(result.items.every((s) => s.themes.includes("t2"))).toBe(true);
  });

  it("searches text case-insensitively", () => {
    const result = queryStatements(index, { ...EMPTY_FILTER, q: "NUMBER 7 ABOUT" }, 1, 50);
    expect(result.items.map((s) => s.statement_id)).toEqual(["s7"]);
  });

  it("returns one page and clamps a page past the end to the last one", () => {
    const second = queryStatements(index, EMPTY_FILTER, 2, 50);
    expect(second.items.map((s) => s.statement_id)).toEqual(index.all.slice(50, 100).map((s) => s.statement_id));
    const beyond = queryStatements(index, EMPTY_FILTER, 99, 50);
    expect(beyond.page).toBe(3);
    expect(beyond.items).toHaveLength(20);
  });

  it("reports one empty page when nothing matches", () => {
    const result = queryStatements(index, { ...EMPTY_FILTER, q: "absent" }, 4, 50);
    expect(result).toMatchObject({ total: 0, page: 1, pages: 1, items: [] });
  });
});

describe("buildIndex", () => {
  it("groups statements by document in text order", () => {
    const shuffled = buildIndex([statement(3, { start: 90 }), statement(1, { start: 5 }), statement(5, { start: 40 })]);
    expect(shuffled.byDoc.get("doc-a")?.map((s) => s.statement_id)).toEqual(["s1", "s5", "s3"]);
  });
});
