import { isMainThread, threadId } from "node:worker_threads";
import type { LineTask } from "../tasks";

/**
 * A task module for the pool tests: upper-cases a line, fails on "bad", throws on "throw", exits the
 * thread on "exit", answers "thread" with the thread's id and the prefix it was built with, and on
 * "oom" fills a worker thread's heap until it dies (on the main thread it answers where it ran).
 */
export function createTask(init: { prefix: string }): LineTask<string> {
  return ({ text, line }) => {
    if (text === "thread") return { ok: true, value: `${init.prefix}${threadId}` };
    if (text === "bad") return { ok: false, file: "input.jsonl", line, message: "bad line" };
    if (text === "throw") throw new Error("task blew up");
    if (text === "exit") process.exit(3);
    if (text === "oom") {
      const hog: number[][] = [];
      while (!isMainThread) hog.push(new Array<number>(1 << 20).fill(line));
      return { ok: true, value: `${init.prefix}OOM ON MAIN` };
    }
    // Uneven work, so threads finish out of order and the pool must restore it.
    let spin = 0;
    for (let i = 0; i < (line % 3) * 200_000; i += 1) spin += i;
    return { ok: true, value: `${init.prefix}${text.toUpperCase()}${spin < 0 ? "!" : ""}` };
  };
}
