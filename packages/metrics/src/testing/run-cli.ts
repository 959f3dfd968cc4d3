import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "@viewpoints/runtime";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of this package's CLIs the way pnpm does (node + tsx), quietly, from the repository root. */
export function runCli(script: "cli.ts" | "export-cli.ts", args: string[]): CliResult {
  const root = repoRoot();
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "packages", "metrics", "src", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", INIT_CWD: root },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
