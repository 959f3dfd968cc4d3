import { spawnSync } from "node:child_process";
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { repoRoot } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { runStepsInProcess, type StageCommand } from "./pipeline";
import { STAGES } from "./plan";

const tempDir = useTempDirs();

const root = repoRoot();
const SEEDS = join(root, "data", "articles");

function node(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", INIT_CWD: root },
  });
  return { code: result.status, stderr: result.stderr };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !relative(dir, join(e.parentPath, e.name)).startsWith(".cache"))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

// Run ids and times differ between runs, and the report names its own output folder.
async function comparable(dir: string, file: string): Promise<string> {
  const text = await readFile(join(dir, file), "utf8");
  return text.replaceAll(dir, "<out>").replace(/"(run_id|created_at)": "[^"]*"/g, '"$1": "…"');
}

describe("one-process pipeline", () => {
  it("writes the same artifacts as the four stage CLIs run one by one", async () => {
    const byStage = await tempDir("vp-stages-");
    const inProcess = await tempDir("vp-pipeline-");
    for (const stage of STAGES) {
      const args = ["--input", stage === "ingest" ? SEEDS : byStage, "--out", byStage, ...(stage === "normalize" || stage === "statements" ? ["--workers", "1"] : [])];
      expect(node(join(root, "packages", stage, "src", "cli.ts"), args).code).toBe(0);
    }
    const run = node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", SEEDS, "--out", inProcess]);
    expect(run.code).toBe(0);
    for (const stage of STAGES) expect(run.stderr).toMatch(new RegExp(`^${stage}: .* in \\d+\\.\\d\\ds$`, "m"));

    const files = await filesUnder(byStage);
    expect(files).toContain("statements.csv");
    expect(await filesUnder(inProcess)).toEqual(files);
    for (const file of files) expect(await comparable(inProcess, file), file).toBe(await comparable(byStage, file));
  }, 60_000);

  it("stops at a failing stage and exits with its code, leaving no later artifact", async () => {
    const input = await tempDir("vp-bad-");
    await copyFile(join(SEEDS, (await readdir(SEEDS)).find((f) => f.endsWith(".txt"))!), join(input, "one.txt"));
    await writeFile(join(input, "empty.txt"), "");
    const out = join(input, "out");
    const run = node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", input, "--out", out, "--strict"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty\.txt/);
    expect(run.stderr).not.toMatch(/^normalize:/m);
    await expect(readdir(out)).rejects.toThrow();
  }, 30_000);

  it("runs the steps in order and returns the first non-zero exit code without starting later steps", async () => {
    const ran: string[] = [];
    const load = async (stage: string): Promise<StageCommand> => ({
      main: async (argv) => {
        ran.push(`${stage} ${argv.join(" ")}`);
        return stage === "statements" ? 3 : 0;
      },
    });
    const steps = STAGES.map((stage) => ({ stage, args: ["--out", "o"] }));
    expect(await runStepsInProcess(steps, load)).toBe(3);
    expect(ran).toEqual(["ingest --out o", "normalize --out o", "statements --out o"]);
  });
});
