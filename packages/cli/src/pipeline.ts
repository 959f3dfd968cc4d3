import { consoleReporter, heldReporter, LineChannel, shareThreads, stopSharedThreads, UpstreamFailedError, workerCount, type StageLink } from "@viewpoints/runtime";
import type { Stage } from "./plan";

/** What each stage's command.ts exports: its CLI as a function of the arguments, returning the exit code. */
export interface StageCommand {
  main(argv: string[], link?: StageLink): Promise<number>;
  /** The module its worker threads load, if it runs any. */
  threadModule?: string;
  /** Whether, in a pipeline, it can read its input lines as the stage before writes them, and hand its own on. */
  streams?: { reads: boolean; writes: boolean };
}

interface Step {
  stage: Stage;
  args: string[];
  command: StageCommand;
}

/** Lines waiting between two stages that run at once: enough to ride out uneven documents, few enough to keep memory flat. */
const CHANNEL_CAPACITY = 16;

// The --workers a step asks for; undefined when it does not say (one per core).
function workersOption(args: readonly string[]): string | undefined {
  const i = args.indexOf("--workers");
  return i >= 0 ? args[i + 1] : undefined;
}

/** Imports a stage's command module (relative URL: the stage packages are not dependencies of this one). */
export async function loadStageCommand(stage: Stage): Promise<StageCommand> {
  return (await import(new URL(`../../${stage}/src/command.ts`, import.meta.url).href)) as StageCommand;
}

// Consecutive steps where each reads what the one before writes run at once; the others alone.
function groupSteps(steps: readonly Step[]): Step[][] {
  const groups: Step[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev?.command.streams?.writes && step.command.streams?.reads) last.push(step);
    else groups.push([step]);
  }
  return groups;
}

/**
 * Runs linked steps at once: each writes its outputs and hands every line on to the next, which
 * reads them instead of its input file. A step's input ends only once the step before it exited 0
 * (it committed), and fails if that step did not, so no step commits after an earlier one failed.
 * Messages of a step are held until the steps before it are done, so they read as one after another.
 * Returns the first non-zero exit code, or throws the first error, in step order. `done(step)` is
 * awaited once a step exited 0 (the steps after it may still be running).
 */
async function runLinked(group: readonly Step[], done: (step: Step) => Promise<void>): Promise<number> {
  const channels = group.slice(1).map(() => new LineChannel(CHANNEL_CAPACITY));
  const reporters = group.map((_, k) => (k === 0 ? null : heldReporter(consoleReporter())));
  const runs = group.map((step, k) => {
    const link: StageLink = {};
    const input = channels[k - 1];
    const output = channels[k];
    const reporter = reporters[k];
    if (input) link.source = input;
    if (output) link.tap = (lines) => output.push(lines);
    if (reporter) link.reporter = reporter;
    const run = step.command.main(step.args, link);
    // A step that is done no longer reads: the step before it must not wait for it.
    void run.finally(() => input?.detach()).catch(() => {});
    if (output) void run.then((code) => (code === 0 ? output.close() : output.fail(new UpstreamFailedError())), () => output.fail(new UpstreamFailedError()));
    return run;
  });
  const giveUp = async (after: number) => {
    for (const reporter of reporters.slice(after + 1)) reporter?.discard();
    await Promise.allSettled(runs);
  };
  for (const [k, run] of runs.entries()) {
    let code: number;
    try {
      code = await run;
    } catch (error) {
      await giveUp(k);
      throw error;
    }
    if (code !== 0) {
      await giveUp(k);
      return code;
    }
    await done(group[k]!);
    reporters[k + 1]?.release();
  }
  return 0;
}

/**
 * Runs the steps in this process (one startup instead of one per stage), each as its own CLI would:
 * same artifacts, messages and summary lines. The four stages run at once as a stream (ingest,
 * normalize and statements sharing the worker threads; metrics counting the statements as they are
 * written, finishing once statements committed). Stops at the first step that does not
 * exit 0 and returns its code; a step's error is thrown as it is.
 */
export async function runStepsInProcess(steps: readonly { stage: Stage; args: string[] }[], load = loadStageCommand): Promise<number> {
  const commands = await Promise.all(steps.map(async (step) => ({ ...step, command: await load(step.stage) })));
  const threaded = commands.filter((c) => c.command.threadModule !== undefined);
  const workers = threaded.length > 0 ? Math.max(...threaded.map((c) => workerCount(workersOption(c.args)))) : 1;
  // Threads start (and import the stages' modules) while the first stage runs in this thread.
  if (workers > 1) shareThreads(workers, threaded.map((c) => c.command.threadModule!));
  const lastThreaded = threaded.at(-1);
  // The stages still running after the last one with threads (metrics) finish without their memory.
  const done = async (step: Step) => {
    if (step === lastThreaded) await stopSharedThreads();
  };
  try {
    for (const group of groupSteps(commands)) {
      const code = await runLinked(group, done);
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    await stopSharedThreads();
  }
}
