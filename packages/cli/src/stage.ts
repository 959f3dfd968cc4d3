import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { CliError, dataDir, repoRoot, runMain } from "@viewpoints/runtime";
import { runStepsInProcess } from "./pipeline";
import { planRun, STAGES, type Command } from "./plan";

const PIPELINE_HELP = `Usage: pnpm pipeline [--input DIR] [--out DIR] [--strict] [--workers N] [--no-cache] [--force]

Runs ingest, normalize, statements and metrics in order (with folders given: in this one process).

  --input DIR   folder of articles (.txt, .md, .html, optional sources.csv) (default: data/articles)
  --out DIR     folder for the artifacts, statements.csv among them (default: data/out)
  --strict      fail the run on the first bad input file instead of skipping it
  --workers N   threads for normalize and statements; 1 = this thread only (default: one per core)
  --no-cache    recompute every document instead of reusing the per-document caches under DIR/.cache
  --force       rerun every stage even if turbo has it cached (default folders only)

With no options the stages run through turbo and an unchanged stage is a cache hit.
Each stage also runs alone: pnpm ingest | normalize | statements | metrics (each has --help).
`;

function run(cmd: string, args: string[]): number {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: repoRoot(), env: process.env });
  if (result.error) throw new CliError(`could not start ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

async function main(): Promise<number> {
  const [command, ...argv] = process.argv.slice(2);
  if (command !== "pipeline" && !STAGES.includes(command as never)) {
    throw new CliError(`unknown command "${command ?? ""}"; use pipeline or one of ${STAGES.join(", ")}`, 2);
  }
  const plan = planRun(command as Command, argv, dataDir());
  if (plan.mode === "help") {
    process.stdout.write(PIPELINE_HELP);
    return 0;
  }
  if (plan.mode === "turbo") {
    const turboArgs = ["run", plan.task, "--output-logs=new-only", ...(plan.force ? ["--force"] : [])];
    return run(join(repoRoot(), "node_modules", ".bin", "turbo"), turboArgs);
  }
  return runStepsInProcess(plan.steps);
}

runMain(main);
