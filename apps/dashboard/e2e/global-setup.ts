/**
 * Prepares three artifact folders (synthetic, empty, invalid metrics.json) and starts one `next start` per folder.
 * E2E_ARTIFACTS=DIR (and E2E_CONFIG=DIR for the codebook) switches the main case to real pipeline output.
 */
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
    : synthetic;

  const empty = join(root, "empty");
  mkdirSync(empty, { recursive: true });

  // Same set, but one share outside 0..1: the error page must name the file and the field.
  const invalid = join(root, "invalid");
  cpSync(synthetic.out, invalid, { recursive: true });
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
