import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { RunManifest } from "@viewpoints/artifacts";
import { Metrics } from "@viewpoints/artifacts";
import { listTables, renderTable } from "./export";
import { ExportManifest } from "./export-manifest";
import { fixtureStatements, writeFixtureRun } from "./testing/fixtures";
import { runCli } from "./testing/run-cli";

const tempDir = useTempDirs();
let input: string;
let runId: string;

beforeAll(async () => {
  const f = await writeFixtureRun(await tempDir("vp-metrics-"));
  const run = runCli("cli.ts", ["--input", f.out, "--out", f.out, "--codebook", f.codebook, "--analysts", f.analysts, "--people", f.people]);
  if (run.code !== 0) throw new Error(run.stderr);
  input = f.out;
  runId = RunManifest.parse(JSON.parse(await readFile(join(f.out, "run-manifest.json"), "utf8"))).run_id;
}, 30_000);

const freshOut = () => tempDir("vp-export-");

// Each test spawns node + tsx (about 0.4 s alone, more when test files run in parallel).
describe("pnpm export", { timeout: 30_000 }, () => {
  it("writes every table as <table>.<run_id>.csv plus an export manifest with run id and codebook version", async () => {
    const out = await freshOut();
    const run = runCli("export-cli.ts", ["--input", input, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/export: 8 tables, 9 files written in \d+\.\d\ds\n$/);
    const names = listTables().map((t) => t.name);
    expect((await readdir(out)).sort()).toEqual([...names.map((n) => `${n}.${runId}.csv`), "export-manifest.json"].sort());
    const manifest = ExportManifest.parse(JSON.parse(await readFile(join(out, "export-manifest.json"), "utf8")));
    expect(manifest).toMatchObject({ run_id: runId, lang: "en", bom: false });
    expect(manifest.codebook_version).toMatch(/^[0-9a-f]{12}$/);
    for (const table of listTables()) {
      const parsed = Papa.parse<Record<string, string>>(await readFile(join(out, `${table.name}.${runId}.csv`), "utf8"), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(table.columns);
    }
  });

  it("writes one table with --table, with Swedish labels and a byte-order mark when asked", async () => {
    const out = await freshOut();
    const run = runCli("export-cli.ts", ["--input", input, "--out", out, "--table", "theme_agreement", "--lang", "sv", "--bom"]);
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["export-manifest.json", `theme_agreement.${runId}.csv`]);
    const text = await readFile(join(out, `theme_agreement.${runId}.csv`), "utf8");
    expect(text.startsWith("\uFEFFtheme_id,theme_label,verdict,")).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.theme_label).sort()).toEqual(["Fiskekvoter", "Fyrfinansiering", "Färjetider", "Hamnavgifter"]);
  });

  it("prints the tables and their columns with --list and writes nothing", async () => {
    const out = await freshOut();
    const run = runCli("export-cli.ts", ["--list", "--out", out]);
    expect(run.code).toBe(0);
    for (const table of listTables()) expect(run.stdout).toContain(`${table.name}: ${table.description}\n  ${table.columns.join(", ")}\n`);
    expect(await readdir(out)).toEqual([]);
  });

  it("rejects an unknown table or language with exit code 2 and the valid choices", () => {
    const table = runCli("export-cli.ts", ["--input", input, "--table", "speaker"]);
    expect(table.code).toBe(2);
    expect(table.stderr).toMatch(/^error: unknown table "speaker"; tables: speakers, speaker_theme, .* \(see pnpm export --list\)\n$/);
    const lang = runCli("export-cli.ts", ["--input", input, "--lang", "de"]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('error: --lang must be en or sv, not "de"\n');
  });

  it("writes the statements table batch by batch with the same content as rendering it whole", async () => {
    // More statements than one batch of the CLI (2000), so several batches are joined.
    const statements = fixtureStatements(4500, 11);
    const f = await writeFixtureRun(await tempDir("vp-metrics-"), statements);
    expect(runCli("cli.ts", ["--input", f.out, "--out", f.out, "--codebook", f.codebook, "--analysts", f.analysts, "--people", f.people]).code).toBe(0);
    const out = await freshOut();
    expect(runCli("export-cli.ts", ["--input", f.out, "--out", out, "--table", "statements"]).code).toBe(0);
    const metrics = Metrics.parse(JSON.parse(await readFile(join(f.out, "metrics", "metrics.json"), "utf8")));
    const manifest = RunManifest.parse(JSON.parse(await readFile(join(f.out, "run-manifest.json"), "utf8")));
    const written = await readFile(join(out, `statements.${manifest.run_id}.csv`), "utf8");
    expect(written).toBe(renderTable("statements", metrics, manifest, { lang: "en", bom: false, statements }));
    expect(written.split("\n")).toHaveLength(4500 + 2);
  });

  it("tells the user to run the pipeline when nothing has been computed yet", async () => {
    const empty = await freshOut();
    const run = runCli("export-cli.ts", ["--input", empty, "--out", join(empty, "export")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${join(empty, "metrics", "metrics.json")}: not found; nothing to export yet, run \`pnpm pipeline\` first (or \`pnpm metrics\` if statements.jsonl exists)\n`);
    expect(await readdir(empty)).toEqual([]);
  });
});
