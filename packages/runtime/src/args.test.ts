import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { helpText, parseCommandArgs, pathOption, type CommandSpec } from "./args";
import { repoRoot } from "./paths";

const spec: CommandSpec = {
  name: "demo",
  summary: "A demo command.",
  options: {
    input: { type: "string", value: "DIR", description: "folder to read", default: "data/out" },
    extra: { type: "string", value: "FILE", description: "a path without default" },
    strict: { type: "boolean", description: "fail on problems" },
  },
};

describe("parseCommandArgs", () => {
  it("returns null for --help and lists every option with its default in the help text", () => {
    expect(parseCommandArgs(spec, ["--help"])).toBeNull();
    expect(helpText(spec)).toContain("--input DIR");
    expect(helpText(spec)).toContain("(default: data/out)");
  });

  it("rejects an unknown option with exit code 2 and a pointer to --help", () => {
    expect(() => parseCommandArgs(spec, ["--inptu", "x"])).toThrow(/Run `pnpm demo --help`/);
  });
});

describe("pathOption", () => {
  const initCwd = process.env.INIT_CWD;
  afterEach(() => {
    if (initCwd === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = initCwd;
  });

  it("places the default inside the repository, whatever folder pnpm ran in", () => {
    process.env.INIT_CWD = "/somewhere/else";
    const options = parseCommandArgs(spec, [])!;
    expect(pathOption(spec, options, "input")).toBe(join(repoRoot(), "data/out"));
  });

  it("resolves a typed relative path from the folder the user ran pnpm in", () => {
    process.env.INIT_CWD = "/home/user/project";
    const options = parseCommandArgs(spec, ["--input", "articles"])!;
    expect(pathOption(spec, options, "input")).toBe("/home/user/project/articles");
  });

  it("fails loudly for a path option that was given no default and no value", () => {
    expect(() => pathOption(spec, parseCommandArgs(spec, [])!, "extra")).toThrow("--extra of `pnpm demo` has no default path");
  });
});
