import { spawnSync } from "node:child_process";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCsvStrict } from "@viewpoints/artifacts/csv";
import { Statement, STATEMENT_COLUMNS } from "@viewpoints/artifacts";
import { repoRoot } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { z } from "zod";
import { buildDoc } from "./testing/doc";

const tempDir = useTempDirs();

function runCli(args: string[]) {
  const root = repoRoot();
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "packages", "statements", "src", "cli.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", INIT_CWD: root },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const doc = buildDoc(
  ["Oron växer efter helgens val.", "– Ryssland kan komma att stärka sitt inflytande, säger Anna Lindqvist, forskare vid Försvarshögskolan."],
  [{ id: "anna-lindqvist", name: "Anna Lindqvist" }],
  { id: "valet" },
);

async function inputDir(lines: string[]): Promise<string> {
  const dir = await tempDir("statements-cli-");
  await writeFile(join(dir, "normalized.jsonl"), `${lines.join("\n")}\n`);
  return dir;
}

// Each test spawns node + tsx (about half a second each).
describe("pnpm statements", { timeout: 30_000 }, () => {
  it("writes statements.jsonl and a CSV with exactly the statement columns, skipping a bad record with a warning", async () => {
    const dir = await inputDir([JSON.stringify(doc), '{"id": "broken"}']);
    const run = runCli(["--input", dir, "--out", dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${join(dir, "normalized.jsonl")}:2: invalid record`);
    expect(run.stderr).toMatch(/statements: 1 documents read, 0 from cache, \d+ threads, 1 statements written, 1 records skipped in \d+\.\d\ds\n$/);
    const csv = await readFile(join(dir, "statements.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(STATEMENT_COLUMNS.join(","));
    const CsvRow = z.object({ speaker_id: z.string(), kind: z.string(), themes: z.string().optional(), hedged: z.enum(["true", "false"]), text: z.string() });
    const rows = parseCsvStrict(csv, CsvRow, "statements.csv");
    expect(rows).toEqual([expect.objectContaining({ speaker_id: "anna-lindqvist", kind: "quote", text: "Ryssland kan komma att stärka sitt inflytande" })]);
    const jsonl = (await readFile(join(dir, "statements.jsonl"), "utf8")).trim().split("\n").map((l) => Statement.parse(JSON.parse(l)));
    expect(rows[0]?.themes ?? "").toBe(jsonl[0]!.themes.join(";"));
    expect(rows[0]?.hedged).toBe(String(jsonl[0]!.hedged));
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("fails on the bad record with --strict and leaves no output behind", async () => {
    const dir = await inputDir(['{"id": "broken"}', JSON.stringify(doc)]);
    const run = runCli(["--input", dir, "--out", dir, "--strict"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${join(dir, "normalized.jsonl")}:1: invalid record`);
    expect((await readdir(dir)).sort()).toEqual(["normalized.jsonl"]);
  });

  it("names a missing codebook and a missing input, and how to fix each", async () => {
    const dir = await inputDir([JSON.stringify(doc)]);
    const noCodebook = runCli(["--input", dir, "--out", dir, "--codebook", join(dir, "nope.json")]);
    expect(noCodebook.code).toBe(1);
    expect(noCodebook.stderr).toBe(`error: ${join(dir, "nope.json")}: codebook not found. The statements stage codes every statement with it: create data/codebook.json or pass --codebook FILE.\n`);
    const empty = await tempDir("statements-cli-");
    const noInput = runCli(["--input", empty, "--out", empty]);
    expect(noInput.code).toBe(1);
    expect(noInput.stderr).toContain("normalized.jsonl: not found. Run `pnpm normalize` first");
  });

  it("rejects a bad rules file with worker threads as with one, even when there is no document", async () => {
    const dir = await inputDir([]);
    const languages = join(dir, "languages");
    await cp(join(repoRoot(), "data", "languages"), languages, { recursive: true });
    const rules = join(languages, "sv", "statements.json");
    await writeFile(rules, JSON.stringify({ speechVerbs: "säger" }));
    const runs = ["1", "2"].map((workers) => runCli(["--input", dir, "--out", dir, "--languages", languages, "--workers", workers, "--no-cache"]));
    for (const { code, stderr } of runs) {
      expect(code).toBe(1);
      expect(stderr).toContain(`error: ${rules}: invalid record`);
    }
    expect(runs[1]?.stderr).toBe(runs[0]?.stderr);
  });
});
