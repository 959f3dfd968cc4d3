import { describe, expect, it } from "vitest";
import { SourceRow } from "./schemas/documents";
import { parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("treats empty cells as unknown and reports a bad row with its file line", () => {
    const text = "file,outlet,published,language\na.txt,Fokus,,sv\nb.txt,TT,15/1/2022,sv\n";
    const { rows, lines, problems } = parseCsv(text, SourceRow, "sources.csv");
    expect(rows).toEqual([{ file: "a.txt", outlet: "Fokus", language: "sv" }]);
    expect(lines).toEqual([2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toContain("sources.csv:3: invalid record\n  published: use the form YYYY-MM-DD");
  });

  it("counts blank lines and cells that span lines when naming a row's line", () => {
    const text = 'file,outlet,published\n\na.txt,"two\nlines",\n\n  \nb.txt,TT,15/1/2022\nc.txt,TT\n';
    const { rows, lines, problems } = parseCsv(text, SourceRow, "sources.csv");
    expect(rows.map((r) => r.file)).toEqual(["a.txt", "c.txt"]);
    expect(lines).toEqual([3, 8]);
    expect(problems.map((p) => [p.line, p.message.split("\n")[0]])).toEqual([
      [7, "sources.csv:7: invalid record"],
      [8, "TooFewFields: Too few fields: expected 3 fields but parsed 2"],
    ]);
  });

  it("reads a one-column file without reporting an undetectable delimiter", () => {
    expect(parseCsv("file\na.txt\n", SourceRow, "s.csv")).toEqual({ rows: [{ file: "a.txt" }], lines: [2], problems: [] });
  });

  it("ignores a UTF-8 byte-order mark from spreadsheet exports", () => {
    const { rows } = parseCsv("\uFEFFfile,outlet\na.txt,Fokus\n", SourceRow, "s.csv");
    expect(rows).toEqual([{ file: "a.txt", outlet: "Fokus" }]);
  });
});

describe("toCsv", () => {
  it("keeps the column order, joins arrays with ; and quotes cells with commas and quotes", () => {
    const csv = toCsv([{ b: 'say "x", then', a: ["t1", "t2"], c: null }], ["a", "b", "c"]);
    expect(csv).toBe('a,b,c\nt1;t2,"say ""x"", then",\n');
  });
});
