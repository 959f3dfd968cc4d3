import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentReporter } from "@viewpoints/runtime";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { main } from "./command";
import { Metrics, RunManifest } from "@viewpoints/artifacts";
import { FIXTURE_ANALYSTS, FIXTURE_DOCUMENTS, fixtureStatements, writeFixtureRun } from "./testing/fixtures";
import { runCli } from "./testing/run-cli";

const tempDir = useTempDirs();

type Fixture = Awaited<ReturnType<typeof writeFixtureRun>>;
const argsFor = (f: Fixture, extra: string[] = []) => ["--input", f.out, "--out", f.out, "--codebook", f.codebook, "--analysts", f.analysts, "--people", f.people, ...extra];
const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as unknown;

// Each test spawns node + tsx (about 0.4 s alone, more when test files run in parallel).
describe("pnpm metrics", { timeout: 30_000 }, () => {
  it("writes metrics.json and a run manifest naming the codebook version and every input", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"));
    const run = runCli("cli.ts", argsFor(f));
    expect(run.stderr).toMatch(/metrics: 80 statements read, 8 speakers, 4 documents, 2 files written, 0 warnings in \d+\.\d\ds\n$/);
    expect(run.code).toBe(0);
    const metrics = Metrics.parse(await readJson(join(f.out, "metrics", "metrics.json")));
    const manifest = RunManifest.parse(await readJson(join(f.out, "run-manifest.json")));
    const codebookHash = createHash("sha256").update(await readFile(f.codebook)).digest("hex").slice(0, 12);
    expect(manifest.codebook_version).toBe(codebookHash);
    expect(metrics.codebook_version).toBe(codebookHash);
    expect(metrics.run_id).toBe(manifest.run_id);
    expect(manifest.inputs.map((i) => i.file)).toEqual(FIXTURE_DOCUMENTS.map((d) => d.file));
    expect(manifest.package_version).toBe("0.1.0");
    expect(metrics.speakers.filter((s) => s.compared).map((s) => s.speaker_id)).toEqual(FIXTURE_ANALYSTS);
    // Atomic writes leave no temp files behind.
    expect(await readdir(join(f.out, "metrics"))).toEqual(["metrics.json"]);
  });

  it("writes zero rows for the compared analysts and warns when statements.jsonl is empty", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"), []);
    const run = runCli("cli.ts", argsFor(f));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: .*statements\.jsonl holds no statements; every figure is zero/);
    const metrics = Metrics.parse(await readJson(join(f.out, "metrics", "metrics.json")));
    expect(metrics.speakers.map((s) => [s.speaker_id, s.statements])).toEqual(FIXTURE_ANALYSTS.map((id) => [id, 0]));
  });

  it("names the missing codebook and how to supply it, without a stack trace", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"));
    await rm(f.codebook);
    const run = runCli("cli.ts", argsFor(f));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${f.codebook}: codebook not found. The metrics need its theme ids and labels: create it (see the README) or pass --codebook FILE\n`);
  });

  it("says to run the pipeline when statements.jsonl is missing", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"));
    await rm(join(f.out, "statements.jsonl"));
    const run = runCli("cli.ts", argsFor(f));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${join(f.out, "statements.jsonl")}: not found; run \`pnpm pipeline\` first\n`);
  });

  it("names file, line and field of an invalid statement", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"));
    await writeFile(join(f.out, "statements.jsonl"), `${JSON.stringify(fixtureStatements(1)[0])}\n${JSON.stringify({ ...fixtureStatements(1)[0], frame: "mood" })}\n`);
    const run = runCli("cli.ts", argsFor(f));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(f.out, "statements.jsonl")}:2: invalid record`);
    expect(run.stderr).toMatch(/ {2}frame: /);
  });

  it("fails with --strict on a theme the codebook lacks, leaving no metrics behind", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"), [{ ...fixtureStatements(1)[0]!, themes: ["retired-theme"] }]);
    const run = runCli("cli.ts", argsFor(f, ["--strict"]));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/warning: theme "retired-theme"[^\n]*\nerror: 1 warning\(s\) with --strict; nothing written\n$/);
    expect(await readdir(f.out)).not.toContain("metrics");
  });
});

describe("metrics in a pipeline", () => {
  it("counts the statements handed on in memory and reads documents.jsonl only once they have all come", async () => {
    const f = await writeFixtureRun(await tempDir("vp-metrics-"));
    const alone = await tempDir("vp-metrics-alone-");
    expect(await main([...argsFor(f), "--out", alone], { reporter: silentReporter })).toBe(0);
    const lines = (await readFile(join(f.out, "statements.jsonl"), "utf8")).split("\n").filter((l) => l !== "");
    // Upstream stages commit documents.jsonl while the statements stream by; statements.jsonl is not read.
    const documents = join(f.out, "documents.jsonl");
    await rename(documents, `${documents}.pending`);
    await rm(join(f.out, "statements.jsonl"));
    async function* handedOn() {
      for (const [i, text] of lines.entries()) yield { text, line: i + 1, checked: true };
      await rename(`${documents}.pending`, documents);
    }
    expect(await main(argsFor(f), { source: handedOn(), reporter: silentReporter })).toBe(0);
    const withoutRunId = async (dir: string) => ({ ...(Metrics.parse(await readJson(join(dir, "metrics", "metrics.json")))), run_id: "" });
    expect(await withoutRunId(f.out)).toEqual(await withoutRunId(alone));
  });
});
