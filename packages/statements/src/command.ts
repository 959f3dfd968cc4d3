import { join } from "node:path";
import { artifactPath, exists, MissingArtifactError } from "@viewpoints/artifacts";
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
import { checkStatementFiles } from "./load";
import { runStatements } from "./run";

export { threadModule } from "./run";
import { loadStatementContext } from "./task";

const SPEC: CommandSpec = {
  name: "statements",
  summary: "Attributes who said what in normalized.jsonl and writes statements.jsonl and statements.csv, coded with the codebook.",
  options: {
    input: { type: "string", value: "DIR", description: "folder holding normalized.jsonl", default: "data/out" },
    out: { type: "string", value: "DIR", description: "folder for statements.jsonl and statements.csv", default: "data/out" },
    codebook: { type: "string", value: "FILE", description: "codebook with frames, themes and hedges", default: "data/codebook.json" },
    people: { type: "string", value: "FILE", description: "people registry for speaker roles (optional)", default: "data/people.json" },
    languages: { type: "string", value: "DIR", description: "attribution rules, one <lang>/statements.json each", default: "data/languages" },
    strict: { type: "boolean", description: "fail on the first bad record instead of skipping it" },
    workers: { type: "string", value: "N", description: "threads attributing documents; 1 = this thread only (default: one per core)" },
    "no-cache": { type: "boolean", description: "recompute every document instead of reusing results cached in DIR/.cache/statements" },
  },
  notes: [
    "Example: pnpm statements --input data/out --out /tmp/run",
    "A document's statements are cached by its record and a hash of the rules, codebook, registry and source, so a rerun recomputes only what changed.",
  ],
};

/** Everything a document's statements depend on besides its record: rules, codebook, registry, and the code that reads them. */
function statementsVersion(files: { codebookFile: string; languagesDir: string; peopleFile: string }): Promise<string> {
  const root = repoRoot();
  const sources = ["statements", "normalize", "artifacts"].map((pkg) => join(root, "packages", pkg, "src"));
  return versionHash(root, [files.languagesDir, files.codebookFile, files.peopleFile, ...sources]);
}

/** In a pipeline, statements reads normalize's lines as they are written, and hands its own on to metrics. */
export const streams = { reads: true, writes: true };

/** The statements command: parses `argv`, runs the stage and prints its summary line; returns the exit code. */
export async function main(argv: string[], link: StageLink = {}): Promise<number> {
  const startedAt = performance.now();
  const options = parseCommandArgs(SPEC, argv);
  if (!options) {
    process.stdout.write(helpText(SPEC));
    return 0;
  }
  const reporter = link.reporter ?? consoleReporter();
  const files = {
    codebookFile: pathOption(SPEC, options, "codebook"),
    languagesDir: pathOption(SPEC, options, "languages"),
    peopleFile: pathOption(SPEC, options, "people"),
  };
  if (!(await exists(files.peopleFile))) reporter.warn(`${files.peopleFile}: not found; speaker roles come from the documents only`);
  const workers = workerCount(options.workers);
  // Worker threads load the rules at their first document: checked here too, a bad file fails even an empty run.
  if (workers > 1) await checkStatementFiles(files);
  // With worker threads each loads its own copy; this thread needs one only if they cannot start.
  const context = workers > 1 ? () => loadStatementContext(files) : await loadStatementContext(files);
  const cacheVersion = options["no-cache"] ? undefined : await statementsVersion(files);
  const inputDir = pathOption(SPEC, options, "input");
  const source = artifactPath(inputDir, "normalized");
  let result;
  try {
    result = await runStatements({
      inputDir,
      outDir: pathOption(SPEC, options, "out"),
      strict: options.strict === true,
      context,
      reporter,
      threads: { workers, ...files },
      ...(cacheVersion ? { cacheVersion } : {}),
      link,
    });
  } catch (error) {
    if (error instanceof MissingArtifactError && error.file === source) throw new CliError(`${source}: not found. Run \`pnpm normalize\` first (or pass --input DIR).`);
    throw error;
  }
  reporter.info(
    summaryLine(
      "statements",
      { "documents read": result.read, "from cache": result.cached, threads: result.threads, "statements written": result.written, "records skipped": result.skipped },
      startedAt,
    ),
  );
  return 0;
}
