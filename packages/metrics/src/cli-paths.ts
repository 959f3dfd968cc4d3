import { join } from "node:path";
import { repoRoot, resolveUserPath, type CommandSpec, type ParsedOptions } from "@viewpoints/runtime";

/**
 * Resolves a path option: a default (data/...) lies inside the repository whatever folder pnpm ran in;
 * a path the user typed resolves from that folder.
 */
export function pathOption(spec: CommandSpec, options: ParsedOptions, name: string): string {
  const value = String(options[name]);
  return value === spec.options[name]?.default ? join(repoRoot(), value) : resolveUserPath(value);
}
