import { join } from "node:path";
import { type ArtifactError, artifactPath, AtomicJsonlWriter, MissingArtifactError, NormalizedDocument, readJsonl, Statement, STATEMENT_COLUMNS } from "@viewpoints/artifacts";
import { AtomicCsvWriter } from "@viewpoints/artifacts/csv-writer";
import { CliError, consoleReporter, dataDir, helpText, parseCommandArgs, resolveUserPath, runMain, summaryLine, type CommandSpec } from "@viewpoints/runtime";
import { createCoder } from "./coding";
import { loadCodebook, loadRegistry, loadRuleSet } from "./load";
import { extractStatements } from "./statements";

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
  },
  notes: ["Example: pnpm statements --input data/out --out /tmp/run"],
};

/** Resolves a path option: typed paths from the user's folder, defaults from the repository's data/. */
function pathOption(value: string | boolean | undefined, fallback: string): string {
  const defaultPath = SPEC.options[fallback]?.default;
  if (typeof value === "string" && value !== defaultPath) return resolveUserPath(value);
  return join(dataDir(), String(defaultPath).replace(/^data\//, ""));
}

runMain(async () => {
  const startedAt = performance.now();
  const options = parseCommandArgs(SPEC, process.argv.slice(2));
  if (!options) {
    process.stdout.write(helpText(SPEC));
    return 0;
  }
  const reporter = consoleReporter();
  const input = pathOption(options.input, "input");
  const out = pathOption(options.out, "out");
  const strict = options.strict === true;

  const codebook = await loadCodebook(pathOption(options.codebook, "codebook"));
  const rules = await loadRuleSet(pathOption(options.languages, "languages"));
  const peopleFile = pathOption(options.people, "people");
  const registry = await loadRegistry(peopleFile);
  if (!registry.found) reporter.warn(`${peopleFile}: not found; speaker roles come from the documents only`);
  const ctx = { rules, coder: createCoder(codebook), registry: registry.entries };

  const source = artifactPath(input, "normalized");
  const jsonl = new AtomicJsonlWriter(artifactPath(out, "statements"), Statement);
  const csv = new AtomicCsvWriter(artifactPath(out, "statementsCsv"), STATEMENT_COLUMNS);
  let read = 0;
  let skipped = 0;
  try {
    const onInvalid = (error: ArtifactError) => {
      skipped += 1;
      reporter.warn(`${error.message}\n  skipped (use --strict to stop instead)`);
    };
    for await (const doc of readJsonl(source, NormalizedDocument, strict ? {} : { onInvalid })) {
      read += 1;
      let rows;
      try {
        rows = extractStatements(doc, ctx);
      } catch (error) {
        // One document the rules cannot handle must not cost the whole corpus, unless --strict.
        if (strict) throw error;
        skipped += 1;
        reporter.warn(`${source}: document ${doc.id}: ${(error as Error).message}\n  skipped (use --strict to stop instead)`);
        continue;
      }
      for (const row of rows) await jsonl.write(row);
      await csv.write(rows);
      reporter.progress(read, undefined, "documents");
    }
    await jsonl.commit();
    await csv.commit();
  } catch (error) {
    await jsonl.abort();
    await csv.abort();
    if (error instanceof MissingArtifactError) throw new CliError(`${source}: not found. Run \`pnpm normalize\` first (or pass --input DIR).`);
    throw error;
  }
  reporter.done();
  reporter.info(summaryLine("statements", { "documents read": read, "statements written": jsonl.written, "records skipped": skipped }, startedAt));
  return 0;
});
