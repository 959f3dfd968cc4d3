import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../scripts/free-port";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  log: () => string;
}

const app = join(import.meta.dirname, "..");

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}

/** Starts the built app with `next start` on a free port, reading artifacts from `out` and the codebook from `config`. */
export async function startServer(out: string, config: string): Promise<RunningServer> {
  const port = await freePort(0);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(join(app, "node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VIEWPOINTS_OUT: out, VIEWPOINTS_DATA: config, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilUp(url, child, () => output);
  return { url, process: child, log: () => output };
}
