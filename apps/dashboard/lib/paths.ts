import { join, resolve } from "node:path";
// Only the paths module: the package index also carries the worker pool, which must not reach the bundle.
import { repoRoot } from "@viewpoints/runtime/paths";

export interface DataPaths {
  /** Pipeline output folder (VIEWPOINTS_OUT, default <repo>/data/out). */
  out: string;
  /** Config folder holding codebook.json (VIEWPOINTS_DATA, default <repo>/data). */
  config: string;
}

/** The environment is read here and nowhere else. */
export function dataPaths(env: NodeJS.ProcessEnv = process.env): DataPaths {
  const root = repoRoot(process.cwd());
  return {
    out: env.VIEWPOINTS_OUT ? resolve(env.VIEWPOINTS_OUT) : join(root, "data", "out"),
    config: env.VIEWPOINTS_DATA ? resolve(env.VIEWPOINTS_DATA) : join(root, "data"),
  };
}
