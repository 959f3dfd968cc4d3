import { prestartThreads, stopSpareThreads, workerCount } from "@viewpoints/runtime";
import type { Stage } from "./plan";

/** What each stage's command.ts exports: its CLI as a function of the arguments, returning the exit code. */
export interface StageCommand {
  main(argv: string[]): Promise<number>;
  /** The module its worker threads load, if it runs any. */
  threadModule?: string;
}

// The --workers a step asks for; undefined when it does not say (one per core).
function workersOption(args: readonly string[]): string | undefined {
  const i = args.indexOf("--workers");
  return i >= 0 ? args[i + 1] : undefined;
}

/** Imports a stage's command module (relative URL: the stage packages are not dependencies of this one). */
export async function loadStageCommand(stage: Stage): Promise<StageCommand> {
  return (await import(new URL(`../../${stage}/src/command.ts`, import.meta.url).href)) as StageCommand;
}

/**
 * Runs the steps one after another in this process (one startup instead of one per stage), each as its
 * own CLI would: same artifacts, messages and summary lines. Stops at the first step that does not exit
 * 0 and returns its code; a step's error is thrown as it is.
 */
export async function runStepsInProcess(steps: readonly { stage: Stage; args: string[] }[], load = loadStageCommand): Promise<number> {
  const commands = await Promise.all(steps.map(async (step) => ({ ...step, command: await load(step.stage) })));
  const threaded = commands.filter((c) => c.command.threadModule !== undefined);
  const workers = threaded.length > 0 ? Math.max(...threaded.map((c) => workerCount(workersOption(c.args)))) : 1;
  // Threads start (and import the stages' modules) while the first stages run in this thread.
  if (workers > 1) prestartThreads(workers, threaded.map((c) => c.command.threadModule!));
  const lastThreaded = threaded.at(-1);
  try {
    for (const step of commands) {
      const code = await step.command.main(step.args);
      if (code !== 0) return code;
      // The stages after the last one with threads (metrics) run without their memory.
      if (step === lastThreaded) await stopSpareThreads();
    }
    return 0;
  } finally {
    await stopSpareThreads();
  }
}
