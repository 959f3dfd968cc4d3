import { join } from "node:path";

export const STAGES = ["ingest", "normalize", "statements", "metrics"] as const;
export type Stage = (typeof STAGES)[number];
export type Command = Stage | "pipeline";

export type Plan =
  | { mode: "turbo"; task: Stage; force: boolean }
  | { mode: "direct"; steps: { stage: Stage; args: string[] }[] }
  | { mode: "help" };

const PIPELINE_FLAGS = new Set(["--input", "--out"]);

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
  // Every other flag (--strict, --quiet, …) goes to each stage that understands it.
  const rest = args.filter((a, i) => !PIPELINE_FLAGS.has(a) && !PIPELINE_FLAGS.has(args[i - 1] ?? "") && a !== "--force");
  return {
    mode: "direct",
    steps: STAGES.map((stage) => ({
      stage,
      args: ["--input", stage === "ingest" ? input : out, "--out", out, ...rest],
    })),
  };
}
