/**
 * `pnpm dashboard`: builds the app through turbo (a cache hit unless the app or a package it imports
 * changed, so a stale build is never served), then runs `next start` on a free local port
 * (PORT, default 3000, or the next free one) and prints the URL.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { freePort } from "./free-port";

const app = join(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const next = join(app, "node_modules", ".bin", "next");

const turbo = join(app, "..", "..", "node_modules", ".bin", "turbo");
const build = spawnSync(turbo, ["run", "build", "--filter=@viewpoints/dashboard", "--output-logs=new-only"], { cwd: app, env, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const host = "127.0.0.1";
const port = await freePort(Number.parseInt(process.env.PORT ?? "3000", 10) || 3000, host);
const server = spawn(next, ["start", "--hostname", host, "--port", String(port)], { cwd: app, env, stdio: ["ignore", "ignore", "inherit"] });
process.stdout.write(`Dashboard: http://${host}:${port}/  (artifacts from ${process.env.VIEWPOINTS_OUT ?? "data/out"}; Ctrl+C to stop)\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
