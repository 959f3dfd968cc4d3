/**
 * Prepares three artifact folders and starts one `next start` per folder: the real pipeline run on
 * data/articles (what users see), an empty folder, and a copy of the real run with an invalid metrics.json.
 * E2E_SYNTHETIC=1 uses the made-up set instead of the real run; E2E_ARTIFACTS=DIR (and E2E_CONFIG=DIR for the
 * codebook) points the main case at an existing run.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { generateSynthetic, writeSynthetic } from "./synthetic";
import { startServer, type RunningServer } from "./servers";

declare module "vitest" {
  export interface ProvidedContext {
    mainUrl: string;
    mainOut: string;
    mainConfig: string;
    emptyUrl: string;
    emptyOut: string;
    invalidUrl: string;
    invalidOut: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "viewpoints-e2e-"));
  const synthetic = { out: join(root, "synthetic", "out"), config: join(root, "synthetic", "config") };
  await writeSynthetic(generateSynthetic(), synthetic.out, synthetic.config);
  const main = process.env.E2E_ARTIFACTS
    ? { out: resolve(process.env.E2E_ARTIFACTS), config: resolve(process.env.E2E_CONFIG ?? join(process.env.E2E_ARTIFACTS, "..")) }
    : process.env.E2E_SYNTHETIC
      ? synthetic
      : runPipeline(join(root, "real", "out"));

  const empty = join(root, "empty");
  mkdirSync(empty, { recursive: true });

  // Same set, but one share outside 0..1: the error page must name the file and the field.
  const invalid = join(root, "invalid");
  cpSync(main.out, invalid, { recursive: true });
  const metricsFile = join(invalid, "metrics", "metrics.json");
  const metrics = JSON.parse(readFileSync(metricsFile, "utf8")) as { speakers: { share_hedged: number }[] };
  metrics.speakers[0]!.share_hedged = 7;
  writeFileSync(metricsFile, JSON.stringify(metrics));

  const servers: RunningServer[] = await Promise.all([
    startServer(main.out, main.config),
    startServer(empty, synthetic.config),
    startServer(invalid, synthetic.config),
  ]);
  const [mainServer, emptyServer, invalidServer] = servers as [RunningServer, RunningServer, RunningServer];
  project.provide("mainUrl", mainServer.url);
  project.provide("mainOut", main.out);
  project.provide("mainConfig", main.config);
  project.provide("emptyUrl", emptyServer.url);
  project.provide("emptyOut", empty);
  project.provide("invalidUrl", invalidServer.url);
  project.provide("invalidOut", invalid);

  return async () => {
    for (const server of servers) server.process.kill("SIGTERM");
    rmSync(root, { recursive: true, force: true });
  };
}

/** Runs the real pipeline on the repository's articles into `out` (direct mode: no turbo cache involved). */
function runPipeline(out: string): { out: string; config: string } {
  const repo = resolve(import.meta.dirname, "..", "..", "..");
  const cli = join(repo, "packages", "cli", "src", "stage.ts");
  const run = spawnSync(process.execPath, ["--import", "tsx", cli, "pipeline", "--input", join(repo, "data", "articles"), "--out", out], {
    cwd: repo,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`the pipeline failed before the browser tests could start:\n${run.stderr}`);
  return { out, config: join(repo, "data") };
}
