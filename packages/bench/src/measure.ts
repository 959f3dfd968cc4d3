import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface ChildRun {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  /** Peak resident memory of the child, from its own resourceUsage at exit; null if it never got there. */
  peakRssMb: number | null;
  timedOut: boolean;
  /** The last lines the child wrote to stderr, for the report when it fails. */
  errorTail: string;
}

export interface ChildOptions {
  cwd: string;
  /** stdout and stderr of the child go here, so a chatty stage costs no memory in the bench. */
  logFile: string;
  timeoutSeconds: number;
  /** Runs the child on one CPU (taskset), so "one core" figures mean one core. */
  pinToOneCore: boolean;
}

const PROBE = join(import.meta.dirname, "rss-probe.ts");
let counter = 0;

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  return text.split("\n").filter((l) => l.trim() !== "").slice(-lines).join("\n");
}

/** Whether `taskset` can pin children here (Linux with util-linux). */
export function canPin(): boolean {
  return existsSync("/usr/bin/taskset") || existsSync("/bin/taskset");
}

/**
 * Runs `node --import tsx <script> <args>` as its own process and measures its wall time (spawn to
 * exit, so startup is included) and peak resident memory.
 */
export async function runNodeChild(script: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  await mkdir(dirname(options.logFile), { recursive: true });
  counter += 1;
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${counter}.txt`);
  rmSync(rssFile, { force: true });
  const nodeArgs = ["--import", "tsx", "--import", PROBE, script, ...args];
  const [cmd, argv] = options.pinToOneCore ? ["taskset", ["-c", "0", process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const log = openSync(options.logFile, "w");
  const started = performance.now();
  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd, argv as string[], {
      cwd: options.cwd,
      stdio: ["ignore", log, log],
      env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: "true" },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutSeconds * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  }).finally(() => closeSync(log));
  const seconds = (performance.now() - started) / 1000;
  const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : NaN;
  rmSync(rssFile, { force: true });
  return {
    ok: exitCode === 0 && !timedOut,
    exitCode,
    seconds,
    peakRssMb: Number.isFinite(kb) ? (kb * 1024) / 1e6 : null,
    timedOut,
    errorTail: timedOut ? `timed out after ${options.timeoutSeconds}s` : exitCode === 0 ? "" : tail(options.logFile, 3),
  };
}

/** Counts the lines of a JSONL file without loading it (statements.jsonl can be large). */
export function countLines(file: string): number | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  let last = 10;
  try {
    for (;;) {
      const n = readSync(fd, buffer);
      if (n === 0) break;
      for (let i = 0; i < n; i += 1) if (buffer[i] === 10) lines += 1;
      last = buffer[n - 1]!;
    }
  } finally {
    closeSync(fd);
  }
  return last === 10 ? lines : lines + 1;
}

/** Documents a stage computed rather than read from its cache, from its closing line ("N read, … M from cache"). */
export function recomputedFromLog(log: string): number | null {
  const text = existsSync(log) ? readFileSync(log, "utf8") : "";
  const read = /(\d+) (?:documents )?read/.exec(text);
  const cached = /(\d+) from cache/.exec(text);
  return read && cached ? Number(read[1]) - Number(cached[1]) : null;
}
