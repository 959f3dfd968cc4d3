import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./errors";
import { repoRoot, resolveUserPath } from "./paths";

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  default?: string | boolean;
  /** Shown in help as the value's name, e.g. DIR. */
  value?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Extra lines appended to --help (examples, notes). */
  notes?: string[];
}

/** Renders --help from the same spec that parses the arguments, so the two never drift. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: { type: "boolean", description: "show this help" } as OptionSpec }).map(
    ([name, o]) => {
      const flag = o.type === "string" ? `--${name} ${o.value ?? "VALUE"}` : `--${name}`;
      const def = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : "";
      return `  ${flag.padEnd(24)} ${o.description}${def}`;
    },
  );
  return [`Usage: pnpm ${spec.name} [options]`, "", spec.summary, "", "Options:", ...rows, ...(spec.notes?.length ? ["", ...spec.notes] : []), ""].join("\n");
}

export type ParsedOptions = Record<string, string | boolean | undefined>;

/** Parses argv against the spec; unknown options become a CliError with the help hint. Returns null for --help. */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedOptions | null {
  const options: NonNullable<ParseArgsConfig["options"]> = { help: { type: "boolean", short: "h" } };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = o.default === undefined ? { type: o.type } : ({ type: o.type, default: o.default } as never);
  }
  try {
    // pnpm forwards a literal "--" when users write `pnpm x -- --flag`; it carries no meaning here.
    const { values } = parseArgs({ args: argv.filter((a) => a !== "--"), options, strict: true, allowPositionals: false });
    if (values.help) return null;
    return values as ParsedOptions;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun \`pnpm ${spec.name} --help\` for the options.`, 2);
  }
}

/**
 * Resolves a path option: its default (data/…) lies inside the repository whatever folder pnpm ran in;
 * a path the user typed resolves from that folder.
 */
export function pathOption(spec: CommandSpec, options: ParsedOptions, name: string): string {
  const value = options[name];
  const fallback = spec.options[name]?.default;
  if (typeof value === "string" && value !== fallback) return resolveUserPath(value);
  if (typeof fallback !== "string") throw new Error(`--${name} of \`pnpm ${spec.name}\` has no default path`);
  return join(repoRoot(), fallback);
}
