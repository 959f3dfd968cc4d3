import { join } from "node:path";
import { MissingArtifactError } from "@viewpoints/artifacts";
import { CliError, consoleReporter, helpText, dataDir, parseCommandArgs, resolveUserPath, runMain, summaryLine, type CommandSpec } from "@viewpoints/runtime";
import { loadNormalizeContext } from "./load-context";
import { runNormalize } from "./run";

const spec: CommandSpec = {
  name: "normalize",
  summary: "Cleans ingested documents, repairs paragraphs, detects languages, splits sentences and finds persons.\nReads documents.jsonl from --input; writes normalized.jsonl and normalize-report.json to --out.",
  options: {
    input: { type: "string", value: "DIR", description: "folder holding documents.jsonl (default: data/out)" },
    out: { type: "string", value: "DIR", description: "folder for normalized.jsonl and normalize-report.json (default: data/out)" },
    people: { type: "string", value: "FILE", description: "people registry (default: data/people.json)" },
    languages: { type: "string", value: "DIR", description: "language rules: <lang>/normalize.json and normalize.shared.json (default: data/languages)" },
    strict: { type: "boolean", description: "fail the run on the first bad document instead of skipping it" },
  },
  notes: ["Run `pnpm ingest` first to produce documents.jsonl."],
};

// Paths the user types resolve from where pnpm was run; defaults live under the repository's data/.
function pathOption(value: string | boolean | undefined, fallback: string): string {
  return typeof value === "string" ? resolveUserPath(value) : join(dataDir(), fallback);
}

runMain(async () => {
  const args = parseCommandArgs(spec, process.argv.slice(2));
  if (args === null) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const startedAt = performance.now();
  const reporter = consoleReporter();
  const inputDir = pathOption(args.input, "out");
  const outDir = pathOption(args.out, "out");
  const people = pathOption(args.people, "people.json");
  const languages = pathOption(args.languages, "languages");
  const context = await loadNormalizeContext(languages, people);
  let result;
  try {
    result = await runNormalize({ inputDir, outDir, strict: args.strict === true, context, reporter });
  } catch (error) {
    if (error instanceof MissingArtifactError) throw new CliError(`${error.file}: not found. Run \`pnpm ingest\` first, or pass --input DIR.`);
    throw error;
  }
  reporter.info(summaryLine("normalize", { read: result.read, written: result.written, skipped: result.skipped }, startedAt));
  return 0;
});
