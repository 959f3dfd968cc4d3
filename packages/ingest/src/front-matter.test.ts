import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./front-matter";

describe("parseMarkdown", () => {
  it("reads the flat front-matter subset and returns the body after it", () => {
    const md = [
      "---",
      'title: "Analys: läget efter krisen"',
      "outlet: Tidningen # a comment",
      "date: 2022-01-15",
      "url: https://example.com/a#frag",
      "lang: sv",
      "authors:",
      "  - Anna Andersson",
      "  - 'Bo O''Brien'",
      "tags: [a, b]",
      "seo:",
      "  description: nested, ignored",
      "---",
      "",
      "# Rubrik",
      "",
      "Brödtext.",
    ].join("\n");
    const { body, meta, problem } = parseMarkdown(md);
    expect(body).toBe("# Rubrik\n\nBrödtext.");
    expect(meta).toEqual({
      title: "Analys: läget efter krisen",
      outlet: "Tidningen",
      published: "2022-01-15",
      url: "https://example.com/a#frag",
      language: "sv",
      authors: ["Anna Andersson", "Bo O'Brien"],
    });
    expect(problem).toBeNull();
  });

  it("splits an author string on ; when present, else on ,", () => {
    expect(parseMarkdown("---\nauthors: Persson, Gudrun; Engvall, Johan\n---\nx").meta.authors).toEqual(["Persson, Gudrun", "Engvall, Johan"]);
    expect(parseMarkdown("---\nauthor: A One, B Two\n---\nx").meta.authors).toEqual(["A One", "B Two"]);
    expect(parseMarkdown("---\nauthors: [A One, \"B Two\"]\n---\nx").meta.authors).toEqual(["A One", "B Two"]);
  });

  it("leaves a file without front matter untouched", () => {
    expect(parseMarkdown("Just text\n---\nmore")).toMatchObject({ body: "Just text\n---\nmore", problem: null, meta: { title: null } });
  });

  it("keeps the whole file as text when the front matter never closes, and says so", () => {
    const result = parseMarkdown("---\ntitle: x\nbody without end");
    expect(result.body).toBe("---\ntitle: x\nbody without end");
    expect(result.problem).toBe("opens front matter with --- but never closes it; the whole file is kept as text");
  });

  it("ignores lines it cannot read instead of failing", () => {
    expect(parseMarkdown("---\n: nothing\n[odd]\ntitle: T\n---\nbody").meta.title).toBe("T");
  });
});
