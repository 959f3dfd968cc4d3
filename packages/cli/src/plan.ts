import { join } from "node:path";

export const STAGES = ["ingest", "normalize", "statements", "metrics"] as const;
export type Stage = (typeof STAGES)[number];
export type Command = Stage | "pipeline";

export type Plan =
  | { mode: "turbo"; task: Stage; force: boolean }
  | { mode: "direct"; steps: { stage: Stage; args: string[] }[] }
  | { mode: "help" };

const PIPELINE_FLAGS = new Set(["--input", "--out"]);
/** Options only the stages with worker threads and a result cache understand, and whether each takes a value. */
const THREADED_STAGE_FLAGS = new Map([
  ["--workers", true],
  ["--no-cache", false],
]);
const THREADED_STAGES: ReadonlySet<Stage> = new Set(["normalize", "statements"]);

/**
 * Decides how to run a command. With no arguments it goes through turbo on the default folders under
 * data/, so an unchanged stage is a cache hit. Custom folders are outside turbo's declared inputs,
 * so those runs go straight to the stage CLIs (never a stale cache hit).
 */
export function planRun(command: Command, argv: string[], dataDir: string): Plan {
  const args = argv.filter((a) => a !== "--");
  if (args.length === 0 || (args.length === 1 && args[0] === "--force")) {
    return { mode: "turbo", task: command === "pipeline" ? "metrics" : command, force: args[0] === "--force" };
  }
  if (command !== "pipeline") return { mode: "direct", steps: [{ stage: command, args }] };
  if (args.includes("--help") || args.includes("-h")) return { mode: "help" };

  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const input = value("--input") ?? join(dataDir, "articles");
  const out = value("--out") ?? join(dataDir, "out");
  const threaded: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (PIPELINE_FLAGS.has(arg)) i += 1;
    else if (THREADED_STAGE_FLAGS.has(arg)) threaded.push(...args.slice(i, (i += THREADED_STAGE_FLAGS.get(arg) ? 1 : 0) + 1));
    else if (arg !== "--force") rest.push(arg);
  }
  // --workers and --no-cache go to normalize and statements; every other flag (--strict, …) to every stage.
  return {
    mode: "direct",
    steps: STAGES.map((stage) => ({
      stage,
      args: ["--input", stage === "ingest" ? input : out, "--out", out, ...rest, ...(THREADED_STAGES.has(stage) ? threaded : [])],
    })),
  };
}
