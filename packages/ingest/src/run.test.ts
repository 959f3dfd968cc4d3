import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Document, IngestReport, readJsonlAll } from "@viewpoints/artifacts";
import { CliError, type Reporter } from "@viewpoints/runtime";
import { runIngest, type IngestOptions } from "./run";

let root: string;
let input: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ingest-test-"));
  input = join(root, "articles");
  out = join(root, "out");
  await mkdir(input);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(input, name)), { recursive: true });
    await writeFile(join(input, name), content);
  }
}

function collectingReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`), progress: () => {}, done: () => {} };
}

async function ingest(options: Partial<IngestOptions> = {}) {
  const reporter = collectingReporter();
  const result = await runIngest({ input, out, reporter, ...options });
  return { ...result, lines: reporter.lines };
}

const documents = () => readJsonlAll(join(out, "documents.jsonl"), Document);
const report = async () => IngestReport.parse(JSON.parse(await readFile(join(out, "ingest-report.json"), "utf8")));

describe("runIngest", () => {
  it("walks subfolders in sorted order, skipping hidden files and the manifest", async () => {
    await put({ "b.txt": "Bee.", "sub/a.md": "Ay.", "a.txt": "A.", ".hidden.txt": "no", ".git/x.txt": "no", "sources.csv": "file\n" });
    const { report: summary, failure } = await ingest();
    expect(failure).toBeNull();
    expect((await documents()).map((d) => d.file)).toEqual(["a.txt", "b.txt", "sub/a.md"]);
    expect(summary).toMatchObject({ filesRead: 3, documentsWritten: 3, problems: [] });
    expect(await report()).toEqual(summary);
  });

  it("writes the same bytes on a second run", async () => {
    await put({ "b.txt": "Bee.", "a.html": "<p>Ay</p>" });
    await ingest();
    const first = await readFile(join(out, "documents.jsonl"), "utf8");
    await ingest();
    expect(await readFile(join(out, "documents.jsonl"), "utf8")).toBe(first);
  });

  it("keeps an exact duplicate once and reports each duplicate once", async () => {
    await put({ "a.txt": "Same text.\n", "b.txt": "Same text.\r\n", "c.md": "Same text.\n", "d.txt": "Other." });
    const { report: summary, lines } = await ingest();
    expect((await documents()).map((d) => d.file)).toEqual(["a.txt", "d.txt"]);
    expect(summary.duplicates).toEqual([
      { file: "b.txt", duplicateOf: "a.txt" },
      { file: "c.md", duplicateOf: "a.txt" },
    ]);
    expect(lines.filter((l) => l.includes("duplicate"))).toEqual([
      "warning: b.txt is an exact duplicate of a.txt; only a.txt is kept",
      "warning: c.md is an exact duplicate of a.txt; only a.txt is kept",
    ]);
  });

  it("gives colliding ids a numeric suffix in file order", async () => {
    await put({ "A.txt": "one", "a.md": "two", "sub/a.html": "<p>three</p>", "a-2.txt": "four" });
    await ingest();
    expect((await documents()).map((d) => [d.file, d.id])).toEqual([
      ["A.txt", "a"],
      ["a-2.txt", "a-2"],
      ["a.md", "a-3"],
      ["sub/a.html", "a-4"],
    ]);
  });

  it("applies manifest rows and reports bad rows and unknown files with file and line", async () => {
    await put({
      "a.txt": "A.",
      "b.txt": "B.",
      "sources.csv": "file,outlet,published,language,authors\na.txt,Fokus,2022-01-13,sv,A One; B Two\nb.txt,TT,2022-13-01x,sv,\nmissing.txt,X,,en,\nb.txt,TT,,xx,\n",
    });
    const { report: summary, lines, failure } = await ingest();
    expect(failure).toBeNull();
    const [a, b] = await documents();
    expect(a?.meta).toEqual({ outlet: "Fokus", title: null, published: "2022-01-13", url: null, language: "sv", authors: ["A One", "B Two"] });
    // The bad rows are ignored; the article is still ingested without their metadata.
    expect(b?.meta).toEqual({ outlet: null, title: null, published: null, url: null, language: null, authors: [] });
    expect(lines).toEqual([
      "error: sources.csv:3: row ignored (its article is still read, without this row's metadata): published: use the form YYYY-MM-DD, e.g. 2022-01-15",
      "error: sources.csv:5: row ignored (its article is still read, without this row's metadata): language: use sv or en, or leave the cell empty",
      'warning: sources.csv:4: names "missing.txt", but there is no such file in the input folder; row ignored',
    ]);
    expect(summary.problems.map((p) => [p.file, p.line, p.severity])).toEqual([
      ["sources.csv", 3, "error"],
      ["sources.csv", 5, "error"],
      ["sources.csv", 4, "warning"],
    ]);
  });

  it("lets the manifest override HTML metadata and front matter, field by field", async () => {
    await put({
      "page.html": '<html lang="en"><head><title>Page title</title><meta property="og:site_name" content="Site"><meta name="author" content="Web Author"></head><body><p>Body.</p></body></html>',
      "note.md": "---\ntitle: Note title\nlanguage: sv\n---\nNote.",
      "sources.csv": "file,outlet,title,language\npage.html,Manifest outlet,,\nnote.md,,,en\n",
    });
    await ingest();
    const [note, page] = await documents();
    expect(page?.meta).toEqual({ outlet: "Manifest outlet", title: "Page title", published: null, url: null, language: "en", authors: ["Web Author"] });
    expect(note?.meta).toMatchObject({ title: "Note title", language: "en" });
  });

  it("reports every kind of bad file by name, keeps the rest and does not crash", async () => {
    const cp1252 = new Uint8Array([...new TextEncoder().encode("Tokajev s"), 0xe4, ...new TextEncoder().encode("ger")]);
    await put({
      "good.txt": "Good.",
      "empty.txt": "",
      "blank.md": "  \n\n\t",
      "image.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
      "latin.txt": cp1252,
      "locked.txt": "secret",
      "notes.docx": "x",
    });
    const readBytes = async (path: string) => {
      if (path.endsWith("locked.txt")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return readFile(path);
    };
    const { report: summary, skipped, failure, lines } = await ingest({ readBytes });
    expect(failure).toBeNull();
    expect(skipped).toBe(5);
    expect((await documents()).map((d) => [d.file, d.encoding, d.text])).toEqual([
      ["good.txt", "utf-8", "Good."],
      ["latin.txt", "windows-1252", "Tokajev säger"],
    ]);
    expect(lines).toEqual([
      "error: blank.md: contains only whitespace; skipped",
      "error: empty.txt: is empty (0 bytes); skipped",
      "error: image.txt: looks like a binary file, not text (it contains NUL bytes); skipped",
      "warning: latin.txt: is not valid UTF-8; read it as Windows-1252 (Latin-1). Check its accented letters, or save it as UTF-8",
      "error: locked.txt: cannot be read (permission denied); skipped",
      "warning: notes.docx: has an unsupported file type (.docx); only .txt, .md, .markdown, .html, .htm are read; skipped",
    ]);
    expect(summary).toMatchObject({ filesRead: 6, documentsWritten: 2 });
    expect(await report()).toEqual(summary);
  });

  it.skipIf(process.getuid?.() === 0)("reports a file without read permission", async () => {
    await put({ "locked.txt": "secret" });
    await chmod(join(input, "locked.txt"), 0o000);
    const { lines } = await ingest();
    expect(lines).toContain("error: locked.txt: cannot be read (permission denied); skipped");
  });

  it("names a missing input folder", async () => {
    await expect(runIngest({ input: join(root, "nope"), out })).rejects.toThrow(new CliError(`input folder not found: ${join(root, "nope")}`));
  });

  it("writes an empty documents.jsonl for an empty folder and says so; --strict fails it", async () => {
    const { failure, lines } = await ingest();
    expect(failure).toBeNull();
    expect(await readFile(join(out, "documents.jsonl"), "utf8")).toBe("");
    expect(lines).toEqual([`warning: ${input}: no articles found (looked for .txt, .md, .markdown, .html, .htm files); documents.jsonl will be empty`]);
    await rm(out, { recursive: true });
    expect((await ingest({ strict: true })).failure).toMatch(/^--strict: 1 problem \(first: .*no articles found/);
  });
});

describe("a failed run", () => {
  async function previousRun(): Promise<{ docs: string; rep: string }> {
    await put({ "a.txt": "First version." });
    await ingest();
    return { docs: await readFile(join(out, "documents.jsonl"), "utf8"), rep: await readFile(join(out, "ingest-report.json"), "utf8") };
  }

  async function expectUntouched(previous: { docs: string; rep: string }): Promise<void> {
    expect(await readFile(join(out, "documents.jsonl"), "utf8")).toBe(previous.docs);
    expect(await readFile(join(out, "ingest-report.json"), "utf8")).toBe(previous.rep);
    expect((await readdir(out)).sort()).toEqual(["documents.jsonl", "ingest-report.json"]);
  }

  it("under --strict fails on an error, leaving the previous outputs and no temp files", async () => {
    const previous = await previousRun();
    await put({ "a.txt": "Second version.", "b.txt": "" });
    const { failure } = await ingest({ strict: true });
    expect(failure).toBe(`--strict: 1 problem (first: b.txt: is empty (0 bytes); skipped); previous outputs in ${out} left unchanged`);
    await expectUntouched(previous);
  });

  it("under --strict fails on the Windows-1252 fallback", async () => {
    const previous = await previousRun();
    await put({ "b.txt": new Uint8Array([0x41, 0xe4]) });
    expect((await ingest({ strict: true })).failure).toContain("b.txt: is not valid UTF-8");
    await expectUntouched(previous);
  });

  it("that crashes midway leaves the previous outputs and no temp files", async () => {
    const previous = await previousRun();
    await put({ "b.txt": "More.", "c.txt": "Even more." });
    const reporter = collectingReporter();
    reporter.progress = (done) => {
      if (done === 3) throw new Error("disk full");
    };
    await expect(runIngest({ input, out, reporter })).rejects.toThrow("disk full");
    await expectUntouched(previous);
  });
});

describe("the ingest command", () => {
  const cli = join(dirname(fileURLToPath(import.meta.url)), "cli.ts");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", cli, "--input", input, "--out", out, ...args], { encoding: "utf8", env: { ...process.env, CI: "1" } });

  it("exits 0 with a summary, and 1 under --strict when a file is bad", async () => {
    await put({ "a.txt": "Fine.", "b.txt": "" });
    const lenient = run();
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain("error: b.txt: is empty (0 bytes); skipped");
    expect(lenient.stderr).toMatch(/ingest: 2 files read, 1 documents written, 0 duplicates, 1 skipped in \d+\.\d\ds/);
    const strict = run("--strict");
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("error: --strict: 1 problem");
  });

  it("exits 1 naming a missing input folder", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", cli, "--input", join(root, "nope")], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: input folder not found: ${join(root, "nope")}\n`);
  });
});
