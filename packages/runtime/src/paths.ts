import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
}

/** data/ of the repository: default inputs, config files and artifacts live here. */
export function dataDir(): string {
  return join(repoRoot(), "data");
}

/**
 * Resolves a path the user typed. pnpm runs scripts from the package folder, so relative paths
 * are taken from the folder the user ran pnpm in (INIT_CWD), not from the script's folder.
 */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isAbsolute(path)) return path;
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}
