/**
 * Serves a corpus's outputs with `pnpm dashboard` (apps/dashboard/scripts/serve.ts: build through
 * turbo, then `next start`) and times the pages the issue names, as a user's browser would get them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { artifactPath, readJsonl, Statement } from "@viewpoints/artifacts";
import { dashboardRoutes, shippedStatements, type DashboardRoute } from "./dashboard-routes";
import type { DashboardFigures, RouteFigure } from "./figures";
import { median } from "./report";

export interface DashboardRunOptions {
  /** The checkout whose dashboard is served. */
  repo: string;
  /** A complete pipeline output folder (metrics included). */
  out: string;
  docs: number;
  logFile: string;
  /** Timed requests per page, after one untimed warm-up request. */
  requests: number;
  /** Build and start together must answer within this. */
  startTimeoutSeconds: number;
}

const REQUEST_TIMEOUT_MS = 60_000;
const URL_LINE = /Dashboard: (http:\/\/\S+?)\/?\s/;

interface Served {
  url: string;
  process: ChildProcess;
  /** The first page served, the overview: the server reads and indexes the artifacts for it. */
  firstRequestMs: number;
}

// serve.ts prints the URL before `next start` listens; the URL line is awaited, then the overview polled.
async function startDashboard(options: DashboardRunOptions, log: string[]): Promise<Served> {
  const script = join(options.repo, "apps", "dashboard", "scripts", "serve.ts");
  if (!existsSync(script)) throw new Error(`no ${script}`);
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    // In the bench's process group, so Ctrl+C stops it too; serve.ts hands SIGTERM on to `next start`.
    cwd: options.repo,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CI: "true", VIEWPOINTS_OUT: options.out, VIEWPOINTS_DATA: join(options.repo, "data") },
  });
  const deadline = Date.now() + options.startTimeoutSeconds * 1000;
  const collect = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const served: Served = { url: "", process: child, firstRequestMs: 0 };
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`pnpm dashboard exited with ${child.exitCode}`);
      served.url ||= URL_LINE.exec(log.join(""))?.[1] ?? "";
      if (served.url) {
        const first = await timedGet(`${served.url}/`).catch(() => null);
        if (first !== null) return { ...served, firstRequestMs: first.ms };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`pnpm dashboard did not answer within ${options.startTimeoutSeconds}s`);
  } catch (error) {
    await stopDashboard(served);
    throw error;
  }
}

/** Stops the server and waits for it to go (killing it after 10 s), so it does not outlive the bench. */
async function stopDashboard(served: Served): Promise<void> {
  const child = served.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

/** The highest peak resident memory (VmHWM) of `pid` and its descendants, in MB; null without /proc. */
function treePeakRssMb(pid: number): number | null {
  const peak = (p: number): number => {
    let kb = 0;
    try {
      kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
    let children: number[] = [];
    try {
      children = readdirSync(`/proc/${p}/task`).flatMap((t) => readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // A process that ended meanwhile has no children left to count.
    }
    return Math.max(kb, ...children.map(peak));
  };
  const kb = peak(pid);
  return kb > 0 ? (kb * 1024) / 1e6 : null;
}

async function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

async function measureRoute(base: string, route: DashboardRoute, requests: number, ids: ReadonlySet<string>): Promise<RouteFigure> {
  const warm = await timedGet(base + route.path);
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) times.push((await timedGet(base + route.path)).ms);
  return {
    ...route,
    httpStatus: warm.status,
    requests,
    medianMs: median(times),
    maxMs: Math.max(...times),
    kilobytes: Buffer.byteLength(warm.body) / 1000,
    statementsShipped: shippedStatements(warm.body, ids),
  };
}

/** Serves `out` with the dashboard and times compare and explorer pages; throws with the reason when it cannot. */
export async function measureDashboard(options: DashboardRunOptions, onRoute: (name: string) => void): Promise<DashboardFigures> {
  const statements: Pick<Statement, "statement_id" | "speaker_id" | "frame" | "text">[] = [];
  for await (const s of readJsonl(artifactPath(options.out, "statements"), Statement)) {
    statements.push({ statement_id: s.statement_id, speaker_id: s.speaker_id, frame: s.frame, text: s.text });
  }
  const ids = new Set(statements.map((s) => s.statement_id));
  const routes = dashboardRoutes(statements);
  const log: string[] = [];
  await mkdir(dirname(options.logFile), { recursive: true });
  onRoute("build and start");
  let served: Served | null = null;
  try {
    served = await startDashboard(options, log);
    const figures: RouteFigure[] = [];
    for (const route of routes) {
      onRoute(route.name);
      figures.push(await measureRoute(served.url, route, options.requests, ids));
    }
    return {
      docs: options.docs,
      statements: statements.length,
      firstRequestMs: served.firstRequestMs,
      serverPeakRssMb: served.process.pid === undefined ? null : treePeakRssMb(served.process.pid),
      routes: figures,
    };
  } finally {
    if (served) await stopDashboard(served);
    await writeFile(options.logFile, log.join(""));
  }
}
