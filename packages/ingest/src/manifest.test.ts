import { describe, expect, it } from "vitest";
import { parseManifest } from "./manifest";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("parseManifest", () => {
  it("keeps valid rows by file and reports each bad row with its line and what is wrong", () => {
    const csv = [
      "file,outlet,title,published,url,language,authors",
      "a.txt,Fokus,,2022-01-13,,sv,",
      "b.txt,TT,,13/1/2022,,sv,",
      "c.txt,,,,,de,",
      "./sub\\d.txt,,,,https://example.com/d,en,A One; B Two",
      "a.txt,Other,,,,,",
      "e.txt,,,2022-02-30,,,",
      "f.txt,TT",
    ].join("\n");
    const { rows, problems } = parseManifest(utf8(csv));
    expect([...rows.keys()]).toEqual(["a.txt", "sub/d.txt"]);
    expect(rows.get("a.txt")).toEqual({ line: 2, row: { file: "a.txt", outlet: "Fokus", published: "2022-01-13", language: "sv" } });
    expect(problems.map((p) => [p.file, p.line, p.severity, p.message])).toEqual([
      [
        "sources.csv",
        3,
        "error",
        "row ignored (its article is still read, without this row's metadata): published: use the form YYYY-MM-DD, e.g. 2022-01-15",
      ],
      ["sources.csv", 4, "error", "row ignored (its article is still read, without this row's metadata): language: use sv or en, or leave the cell empty"],
      ["sources.csv", 6, "error", 'a second row for "a.txt" (the first is on line 2); this row is ignored'],
      ["sources.csv", 7, "error", "row ignored (its article is still read, without this row's metadata): published: 2022-02-30 is not a real date"],
      ["sources.csv", 8, "error", "row ignored (its article is still read, without this row's metadata): TooFewFields: Too few fields: expected 7 fields but parsed 2"],
    ]);
  });

  it("reports a manifest that is not text and ignores it", () => {
    const { rows, problems } = parseManifest(new Uint8Array([0x00, 0x01, 0x02]));
    expect(rows.size).toBe(0);
    expect(problems[0]?.message).toBe("looks like a binary file, not text (it contains NUL bytes); the manifest is ignored");
  });
});
