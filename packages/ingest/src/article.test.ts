import { describe, expect, it } from "vitest";
import { idFromFileName, ingestArticle, sha256 } from "./article";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("ingestArticle", () => {
  it("turns a .txt file into a document with no invented metadata", () => {
    const { document, problems } = ingestArticle({ file: "news/Artikel 1.TXT", bytes: utf8("Rad ett.\r\nRad två.\r\n") });
    expect(problems).toEqual([]);
    expect(document).toEqual({
      id: "artikel-1",
      file: "news/Artikel 1.TXT",
      format: "txt",
      hash: sha256("Rad ett.\nRad två.\n"),
      encoding: "utf-8",
      bytes: 21,
      meta: { outlet: null, title: null, published: null, url: null, language: null, authors: [] },
      text: "Rad ett.\nRad två.\n",
    });
  });

  it("hashes the decoded text whatever the file's BOM, line endings or encoding", () => {
    const text = "Första raden\nandra – slut\n";
    const variants = [utf8(text), utf8(`\uFEFF${text}`), utf8(text.replace(/\n/g, "\r\n")), utf8(text.replace(/\n/g, "\r"))];
    for (const bytes of variants) expect(ingestArticle({ file: "a.txt", bytes }).document?.hash).toBe(sha256(text));
    const latin1 = Uint8Array.from([...text].map((c) => (c === "–" ? 0x96 : c.charCodeAt(0))));
    expect(ingestArticle({ file: "a.txt", bytes: latin1 }).document?.hash).toBe(sha256(text));
  });

  it("reads Markdown front matter into meta and keeps only the body as text", () => {
    const md = "---\ntitle: Rubrik\noutlet: Tidningen\npublished: 2022-01-07T10:00:00Z\nlanguage: en-GB\nauthors: A One; B Two\nwhatever: 1\n---\nBody text.\n";
    const { document, problems } = ingestArticle({ file: "a.md", bytes: utf8(md) });
    expect(problems).toEqual([]);
    expect(document?.text).toBe("Body text.\n");
    expect(document?.meta).toEqual({ title: "Rubrik", outlet: "Tidningen", published: "2022-01-07", url: null, language: "en", authors: ["A One", "B Two"] });
  });

  it("extracts HTML text and normalises its metadata (date part, language subtag)", () => {
    const html = '<html lang="en-US"><head><meta property="article:published_time" content="2022-01-06T08:00:00Z"></head><body><nav>Menu</nav><p>Story &amp; more.</p></body></html>';
    const { document } = ingestArticle({ file: "page.htm", bytes: utf8(html) });
    expect(document).toMatchObject({ format: "html", text: "Story & more.", meta: { published: "2022-01-06", language: "en" } });
  });

  it("lets manifest cells override the article's own metadata and keeps the rest", () => {
    const md = "---\ntitle: Own title\noutlet: Own outlet\nauthors: [X]\n---\nText.";
    const { document } = ingestArticle({ file: "a.md", bytes: utf8(md), row: { file: "a.md", outlet: "Manifest outlet", authors: "P One; P Two" } });
    expect(document?.meta).toMatchObject({ title: "Own title", outlet: "Manifest outlet", authors: ["P One", "P Two"] });
  });

  it("keeps a Windows-1252 file, decoded, with a warning that says so", () => {
    const bytes = new Uint8Array([...utf8("Tokajev s"), 0xe4, ...utf8("ger att "), 0x93, ...utf8("terrorister"), 0x94]);
    const { document, problems } = ingestArticle({ file: "old.txt", bytes });
    expect(document).toMatchObject({ encoding: "windows-1252", text: "Tokajev säger att “terrorister”" });
    expect(problems).toEqual([
      expect.objectContaining({ file: "old.txt", severity: "warning", message: expect.stringContaining("is not valid UTF-8; read it as Windows-1252") }),
    ]);
  });

  it("reports unreadable front-matter values and leaves them empty instead of guessing", () => {
    const md = "---\ndate: 15 januari 2022\nlanguage: ru\nurl: not a url\n---\nText.";
    const { document, problems } = ingestArticle({ file: "a.md", bytes: utf8(md) });
    expect(document?.meta).toMatchObject({ published: null, language: null, url: null });
    expect(problems.map((p) => p.message)).toEqual([
      'front matter: date "15 januari 2022" is not a real date in the form YYYY-MM-DD; left empty',
      'front matter: url "not a url" is not an http(s) address; left empty',
      'front matter: language "ru" is not sv or en; left unknown',
    ]);
  });

  it("skips an empty, a whitespace-only and a binary file with an error naming each", () => {
    expect(ingestArticle({ file: "e.txt", bytes: new Uint8Array() }).problems).toEqual([
      { kind: "empty", severity: "error", file: "e.txt", line: null, message: "is empty (0 bytes); skipped" },
    ]);
    expect(ingestArticle({ file: "w.md", bytes: utf8(" \n\t\n") }).problems[0]?.message).toBe("contains only whitespace; skipped");
    const binary = ingestArticle({ file: "b.txt", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) });
    expect(binary.document).toBeNull();
    expect(binary.problems[0]?.message).toBe("looks like a binary file, not text (it contains NUL bytes); skipped");
  });

  it("skips front matter or HTML with no article text", () => {
    expect(ingestArticle({ file: "m.md", bytes: utf8("---\ntitle: T\n---\n\n") }).problems[0]?.message).toBe("has no article text after its front matter; skipped");
    expect(ingestArticle({ file: "h.html", bytes: utf8("<nav>only menu</nav><script>x()</script>") }).problems[0]?.message).toBe(
      "has no article text once markup, scripts and navigation are removed; skipped",
    );
  });

  it("skips other file types with a warning", () => {
    expect(ingestArticle({ file: "notes.pdf", bytes: new Uint8Array() }).problems).toEqual([
      expect.objectContaining({ severity: "warning", message: "has an unsupported file type (.pdf); only .txt, .md, .markdown, .html, .htm are read; skipped" }),
    ]);
  });
});

describe("idFromFileName", () => {
  it("lower-cases the stem, folds accents and replaces other characters with -", () => {
    expect(idFromFileName("sub/Över & ut (2022).HTML")).toBe("over-ut-2022");
    expect(idFromFileName("000_ad24.v2.txt")).toBe("000_ad24.v2");
    expect(idFromFileName("_—_.txt")).toBe("article");
  });
});
