import { spawnSync } from "node:child_process";
import { copyFile, cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { repoRoot, type StageLink } from "@viewpoints/runtime";
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

// Runs the four stage CLIs one after another; returns their messages.
function runStagesOneByOne(input: string, out: string, threaded: string[] = []): string {
  let messages = "";
  for (const stage of STAGES) {
    const args = ["--input", stage === "ingest" ? input : out, "--out", out, ...(stage === "normalize" || stage === "statements" ? threaded : [])];
    const run = node(join(root, "packages", stage, "src", "cli.ts"), args);
    expect(run.code, `${stage}: ${run.stderr}`).toBe(0);
    messages += run.stderr;
  }
  return messages;
}

async function expectSameArtifacts(actual: string, expected: string): Promise<void> {
  const files = await filesUnder(expected);
  expect(files).toContain("statements.csv");
  expect(await filesUnder(actual)).toEqual(files);
  for (const file of files) expect(await comparable(actual, file), file).toBe(await comparable(expected, file));
}

describe("one-process pipeline", () => {
  it("writes the same artifacts as the four stage CLIs run one by one", async () => {
    const byStage = await tempDir("vp-stages-");
    const inProcess = await tempDir("vp-pipeline-");
    runStagesOneByOne(SEEDS, byStage, ["--workers", "1"]);
    const run = node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", SEEDS, "--out", inProcess]);
    expect(run.code).toBe(0);
    for (const stage of STAGES) expect(run.stderr).toMatch(new RegExp(`^${stage}: .* in \\d+\\.\\d\\ds$`, "m"));
    await expectSameArtifacts(inProcess, byStage);
  }, 60_000);

  it("skips a bad file and a duplicate in the middle of the stream with the same artifacts and messages as stage by stage", async () => {
    const input = await tempDir("vp-mixed-");
    await cp(SEEDS, input, { recursive: true });
    const first = (await readdir(SEEDS)).filter((f) => f.endsWith(".txt")).sort()[0]!;
    await writeFile(join(input, "m-empty.txt"), "");
    await copyFile(join(SEEDS, first), join(input, "n-copy.txt"));
    const byStage = await tempDir("vp-stages-");
    const inProcess = await tempDir("vp-pipeline-");
    const messages = runStagesOneByOne(input, byStage);
    const run = node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", input, "--out", inProcess]);
    expect(run.code).toBe(0);
    const masked = (text: string, dir: string) => text.replaceAll(dir, "<out>").replace(/ in \d+\.\d\ds$/gm, "").replace(/^run \S+/m, "run");
    expect(masked(run.stderr, inProcess)).toBe(masked(messages, byStage));
    expect(run.stderr).toMatch(/m-empty\.txt[\s\S]*n-copy\.txt[\s\S]*^normalize:/m);
    await expectSameArtifacts(inProcess, byStage);
  }, 60_000);

  it("leaves every earlier output and cache as it was when ingest fails under --strict", async () => {
    const input = await tempDir("vp-strict-");
    await cp(SEEDS, input, { recursive: true });
    const out = join(input, "out");
    expect(node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", input, "--out", out]).code).toBe(0);
    const snapshot = async () => {
      const entries = await readdir(out, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name))).sort();
      return Promise.all(files.map(async (f) => [f, await readFile(join(out, f), "utf8")]));
    };
    const before = await snapshot();
    await writeFile(join(input, "empty.txt"), "");
    const run = node(join(root, "packages", "cli", "src", "stage.ts"), ["pipeline", "--input", input, "--out", out, "--strict"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ingest: .*\n.*--strict/m);
    expect(run.stderr).not.toMatch(/^(normalize|statements|metrics):/m);
    expect(await snapshot()).toEqual(before);
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

  it("hands each line a linked step writes to the next and returns the first failing code in step order", async () => {
    const read: string[] = [];
    const failed: string[] = [];
    const load = async (stage: string): Promise<StageCommand> => ({
      streams: { reads: stage !== "ingest", writes: stage !== "statements" },
      main: async (_argv, link: StageLink = {}) => {
        if (stage === "ingest") {
          // Far more lines than the channel holds: the writer must not wait for a reader that stopped.
          for (let i = 1; i <= 500; i += 1) await link.tap?.(`{"n":${i}}\n`);
          return 0;
        }
        if (stage === "metrics") return 0;
        try {
          for await (const { text, line } of link.source!) {
            read.push(`${stage} ${line} ${text}`);
            if (stage === "normalize" && line === 3) return 4;
            await link.tap?.(`${text}\n`);
          }
        } catch (error) {
          failed.push(`${stage}: ${(error as Error).name}`);
          throw error;
        }
        return 0;
      },
    });
    const steps = STAGES.map((stage) => ({ stage, args: [] }));
    expect(await runStepsInProcess(steps, load)).toBe(4);
    expect(read.filter((r) => r.startsWith("normalize"))).toEqual(['normalize 1 {"n":1}', 'normalize 2 {"n":2}', 'normalize 3 {"n":3}']);
    expect(failed).toEqual(["statements: UpstreamFailedError"]);
  });
});
