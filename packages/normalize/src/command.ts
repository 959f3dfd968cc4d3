import { join } from "node:path";
import { artifactPath, MissingArtifactError } from "@viewpoints/artifacts";
import {
  CliError,
  consoleReporter,
  helpText,
  parseCommandArgs,
  repoRoot,
  pathOption,
  summaryLine,
  versionHash,
  workerCount,
  type CommandSpec,
  type StageLink,
} from "@viewpoints/runtime";
import { KNOWN_LANGS } from "./language-data";
import { languageRulesPath, loadNormalizeContext, readNormalizeRules, sharedRulesPath } from "./load-context";
import { runNormalize } from "./run";

export { threadModule } from "./run";

const spec: CommandSpec = {
  name: "normalize",
  summary: "Cleans ingested documents, repairs paragraphs, detects languages, splits sentences and finds persons.\nReads documents.jsonl from --input; writes normalized.jsonl and normalize-report.json to --out.",
  options: {
    input: { type: "string", value: "DIR", description: "folder holding documents.jsonl", default: "data/out" },
    out: { type: "string", value: "DIR", description: "folder for normalized.jsonl and normalize-report.json", default: "data/out" },
    people: { type: "string", value: "FILE", description: "people registry", default: "data/people.json" },
    languages: { type: "string", value: "DIR", description: "language rules: <lang>/normalize.json and normalize.shared.json", default: "data/languages" },
    strict: { type: "boolean", description: "fail the run on the first bad document instead of skipping it" },
    workers: { type: "string", value: "N", description: "threads normalizing documents; 1 = this thread only (default: one per core)" },
    "no-cache": { type: "boolean", description: "recompute every document instead of reusing results cached in DIR/.cache/normalize" },
  },
  notes: [
    "Run `pnpm ingest` first to produce documents.jsonl.",
    "A document's result is cached by its record and a hash of the rules, registry and normalize source, so a rerun recomputes only what changed.",
  ],
};

/** Everything a normalized document depends on besides its record: rule files, registry, the code of this stage and the schemas. */
function normalizeVersion(languages: string, people: string): Promise<string> {
  const root = repoRoot();
  const rules = [...KNOWN_LANGS.map((lang) => languageRulesPath(languages, lang)), sharedRulesPath(languages)];
  return versionHash(root, [...rules, people, join(root, "packages", "normalize", "src"), join(root, "packages", "artifacts", "src")]);
}

/** In a pipeline, normalize reads ingest's lines as they are written and hands its own on. */
export const streams = { reads: true, writes: true };

/** The normalize command: parses `argv`, runs the stage and prints its summary line; returns the exit code. */
export async function main(argv: string[], link: StageLink = {}): Promise<number> {
  const args = parseCommandArgs(spec, argv);
  if (args === null) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const startedAt = performance.now();
  const reporter = link.reporter ?? consoleReporter();
  const inputDir = pathOption(spec, args, "input");
  const outDir = pathOption(spec, args, "out");
  const people = pathOption(spec, args, "people");
  const languages = pathOption(spec, args, "languages");
  const workers = workerCount(args.workers);
  // Worker threads load the rules at their first document: checked here too, a bad file fails even an empty run.
  if (workers > 1) await readNormalizeRules(languages, people);
  // With worker threads each loads its own copy; this thread needs one only if they cannot start.
  const context = workers > 1 ? () => loadNormalizeContext(languages, people) : await loadNormalizeContext(languages, people);
  const cacheVersion = args["no-cache"] ? undefined : await normalizeVersion(languages, people);
  let result;
  try {
    result = await runNormalize({
      inputDir,
      outDir,
      strict: args.strict === true,
      context,
      reporter,
      threads: { workers, languagesDir: languages, peopleFile: people },
      ...(cacheVersion ? { cacheVersion } : {}),
      link,
    });
  } catch (error) {
    if (error instanceof MissingArtifactError && error.file === artifactPath(inputDir, "documents")) throw new CliError(`${error.file}: not found. Run \`pnpm ingest\` first, or pass --input DIR.`);
    throw error;
  }
  reporter.info(summaryLine("normalize", { read: result.read, written: result.written, skipped: result.skipped, "from cache": result.cached, threads: result.threads }, startedAt));
  return 0;
}
