import type { Stage } from "./plan";

/** What each stage's command.ts exports: its CLI as a function of the arguments, returning the exit code. */
export interface StageCommand {
  main(argv: string[]): Promise<number>;
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
  for (const step of steps) {
    const code = await (await load(step.stage)).main(step.args);
    if (code !== 0) return code;
  }
  return 0;
}
