import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureCorpus, readSourceArticles } from "./corpus-files";
import { countLines } from "./measure";
import { toSourceArticle } from "./source";

const SOURCES = [
  toSourceArticle("a.txt", "Talks resume\nDelegates from 12 countries met on Monday, said Petra Lindqvist, who chairs the panel.\nLindqvist expects a deal in 2025.\n"),
];
const OPTIONS = { seed: 1, meanBytes: 800 };
let dir = "";

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("ensureCorpus", () => {
  it("writes the requested number of documents and a manifest that adds up", async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-"));
    const corpus = await ensureCorpus(dir, 25, SOURCES, OPTIONS, { regenerate: false });
    const files = await readdir(corpus.articlesDir);
    expect(files).toHaveLength(25);
    expect(corpus.manifest.bytes).toBe(corpus.manifest.documents.reduce((s, d) => s + d.bytes, 0));
    expect((await stat(join(corpus.articlesDir, files[0]!))).size).toBe(corpus.manifest.documents[0]?.bytes);
  });

  it("reuses an existing corpus and makes it again on request or for another size", async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-"));
    expect((await ensureCorpus(dir, 5, SOURCES, OPTIONS, { regenerate: false })).regenerated).toBe(true);
    expect((await ensureCorpus(dir, 5, SOURCES, OPTIONS, { regenerate: false })).regenerated).toBe(false);
    expect((await ensureCorpus(dir, 5, SOURCES, OPTIONS, { regenerate: true })).regenerated).toBe(true);
    const resized = await ensureCorpus(dir, 7, SOURCES, OPTIONS, { regenerate: false });
    expect(resized.regenerated).toBe(true);
    expect(await readdir(resized.articlesDir)).toHaveLength(7);
    expect(await readFile(join(dir, "corpus.json"), "utf8")).toContain('"count": 7');
  });
});

describe("countLines", () => {
  it("counts JSONL records with or without a final newline, and null for a missing file", async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-"));
    await writeFile(join(dir, "a.jsonl"), "{}\n{}\n{}\n");
    await writeFile(join(dir, "b.jsonl"), "{}\n{}");
    expect(countLines(join(dir, "a.jsonl"))).toBe(3);
    expect(countLines(join(dir, "b.jsonl"))).toBe(2);
    expect(countLines(join(dir, "missing.jsonl"))).toBeNull();
  });
});

describe("readSourceArticles", () => {
  it("leaves out each article's reader comments, by the markers of its language's statements rules", async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-"));
    const articles = join(dir, "articles");
    const languages = join(dir, "languages");
    await mkdir(articles);
    await mkdir(join(languages, "en"), { recursive: true });
    await mkdir(join(languages, "sv"), { recursive: true });
    await writeFile(join(languages, "en", "statements.json"), JSON.stringify({ commentMarkers: ["Post a comment", "^"], other: 1 }));
    await writeFile(join(languages, "sv", "statements.json"), JSON.stringify({ commentMarkers: ["kommentarer:"] }));
    await writeFile(join(articles, "a.txt"), "Talks resume\nDelegates met on Monday, said Petra Lindqvist.\nPost a Comment\nGreat piece!\n");
    await writeFile(join(articles, "b.txt"), "Samtalen återupptas\nDelegaterna möttes på måndagen, säger Petra Lindqvist.\n^ Post a comment is English only\n");
    const [a, b] = await readSourceArticles(articles, languages);
    expect(a!.paragraphs).toEqual(["Talks resume", "Delegates met on Monday, said Petra Lindqvist."]);
    // Swedish rules have no "^": the line stays.
    expect(b!.paragraphs).toHaveLength(3);
  });
});
