import { spawnSync } from "node:child_process";
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { NormalizeReport } from "@viewpoints/artifacts";
import { repoRoot } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { testDocument } from "./test-context";

const tempDir = useTempDirs();

const CLI = join(repoRoot(), "packages", "normalize", "src", "cli.ts");

function run(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: repoRoot(),
    encoding: "utf8",
    env: { ...process.env, CI: "1", INIT_CWD: repoRoot() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inputDir(lines: string[]): Promise<string> {
  const dir = await tempDir("vp-normalize-");
  await writeFile(join(dir, "documents.jsonl"), `${lines.join("\n")}\n`);
  return dir;
}

const good = JSON.stringify(testDocument("En rubrik om läget\nDet här är en mening i artikeln. Och här är en till, säger någon.", { id: "good", file: "good.txt" }));
const badJson = "{ not json";
const badRecord = JSON.stringify({ ...testDocument("text", { id: "bad", file: "bad.txt" }), hash: "nothex" });

describe("normalize CLI", () => {
  it("prints its options with --help", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: pnpm normalize/);
    expect(stdout).toMatch(/--people FILE/);
  });

  it("rejects an unknown option with a pointer to --help", () => {
    const { code, stderr } = run(["--bogus"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--bogus'[\s\S]*pnpm normalize --help/);
  });

  it("says to run ingest first when documents.jsonl is missing", async () => {
    const dir = await tempDir("vp-normalize-");
    const { code, stderr } = run(["--input", dir, "--out", dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`error: ${join(dir, "documents.jsonl")}: not found. Run \`pnpm ingest\` first`);
  });

  it("skips bad lines with a warning naming file, line and field, and writes the rest", async () => {
    const dir = await inputDir([good, badJson, badRecord]);
    const { code, stderr } = run(["--input", dir, "--out", dir]);
    expect(code).toBe(0);
    expect(stderr).toContain(`documents.jsonl:2: not valid JSON`);
    expect(stderr).toMatch(/documents\.jsonl:3: invalid record: hash: .*pattern/);
    expect(stderr).toMatch(/normalize: 1 read, 1 written, 2 skipped/);
    const written = (await readFile(join(dir, "normalized.jsonl"), "utf8")).trim().split("\n");
    expect(written.map((l) => JSON.parse(l).id)).toEqual(["good"]);
    const report = NormalizeReport.parse(JSON.parse(await readFile(join(dir, "normalize-report.json"), "utf8")));
    expect(report.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(report.documents.map((d) => [d.id, d.lang])).toEqual([["good", "sv"]]);
  });

  it("fails with --strict on a bad line and leaves the previous outputs intact", async () => {
    const dir = await inputDir([good, badRecord]);
    await writeFile(join(dir, "normalized.jsonl"), "previous\n");
    await writeFile(join(dir, "normalize-report.json"), "{}\n");
    const { code, stderr } = run(["--input", dir, "--out", dir, "--strict"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/documents\.jsonl:2: invalid record/);
    expect(await readFile(join(dir, "normalized.jsonl"), "utf8")).toBe("previous\n");
    expect(await readFile(join(dir, "normalize-report.json"), "utf8")).toBe("{}\n");
    expect((await readdir(dir)).sort()).toEqual(["documents.jsonl", "normalize-report.json", "normalized.jsonl"]);
  });

  it("names the file and field of an invalid people registry", async () => {
    const dir = await inputDir([good]);
    const people = join(dir, "people.json");
    await writeFile(people, JSON.stringify({ entries: [{ id: "Not Kebab", name: "X" }] }));
    const { code, stderr } = run(["--input", dir, "--out", dir, "--people", people]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${people}: invalid record`);
    expect(stderr).toMatch(/entries\.0\.id: ids are kebab-case/);
  });

  it("rejects a bad rules file with worker threads as with one, even when there is no document", async () => {
    const dir = await inputDir([]);
    const languages = join(dir, "languages");
    await cp(join(repoRoot(), "data", "languages"), languages, { recursive: true });
    const rules = join(languages, "sv", "normalize.json");
    await writeFile(rules, JSON.stringify({ lang: "sv" }));
    const runs = ["1", "2"].map((workers) => run(["--input", dir, "--out", dir, "--languages", languages, "--workers", workers, "--no-cache"]));
    for (const { code, stderr } of runs) {
      expect(code).toBe(1);
      expect(stderr).toContain(`error: ${rules}: invalid record`);
    }
    expect(runs[1]?.stderr).toBe(runs[0]?.stderr);
  });
});
