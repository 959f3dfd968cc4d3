import { readFile } from "node:fs/promises";
import { Metrics, RunManifest, artifactPath, writeJsonAtomic } from "@viewpoints/artifacts";
import { CliError, consoleReporter, helpText, parseCommandArgs, pathOption, summaryLine, type CommandSpec, type StageLink } from "@viewpoints/runtime";
import { MetricsAccumulator } from "./compute";
import { loadAnalysts, loadCodebook, loadDocuments, loadPeople, readStatements } from "./inputs";
import { buildRunManifest } from "./manifest";

const SPEC: CommandSpec = {
  name: "metrics",
  summary: "Aggregates statements.jsonl into the metrics the dashboard and the CSV export show: per speaker, speaker x theme and x frame, similarity between speakers, theme agreement of the compared analysts, per source and per language.",
  options: {
    input: { type: "string", value: "DIR", description: "folder with statements.jsonl and documents.jsonl (normalized.jsonl optional)", default: "data/out" },
    out: { type: "string", value: "DIR", description: "folder for metrics/metrics.json and run-manifest.json", default: "data/out" },
    codebook: { type: "string", value: "FILE", description: "codebook with theme ids and labels", default: "data/codebook.json" },
    analysts: { type: "string", value: "FILE", description: "the analysts compared side by side", default: "data/analysts.json" },
    people: { type: "string", value: "FILE", description: "people registry for names and roles (optional)", default: "data/people.json" },
    strict: { type: "boolean", description: "fail on warnings (themes not in the codebook, statements of unknown documents)" },
  },
  notes: ["Example: pnpm metrics --input data/out --out /tmp/run1"],
};

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

/** In a pipeline, metrics counts the statements as the statements stage writes them. */
export const streams = { reads: true, writes: false };

/** The metrics command: parses `argv`, runs the stage and prints its summary line; returns the exit code. */
export async function main(argv: string[], link: StageLink = {}): Promise<number> {
  const started = performance.now();
  const createdAt = new Date();
  const options = parseCommandArgs(SPEC, argv);
  if (!options) {
    process.stdout.write(helpText(SPEC));
    return 0;
  }
  const reporter = link.reporter ?? consoleReporter();
  const input = pathOption(SPEC, options, "input");
  const out = pathOption(SPEC, options, "out");
  const { codebook, version } = await loadCodebook(pathOption(SPEC, options, "codebook"));
  const analysts = await loadAnalysts(pathOption(SPEC, options, "analysts"));
  const people = await loadPeople(pathOption(SPEC, options, "people"));

  const acc = new MetricsAccumulator({ codebook, analysts, people });
  for await (const statement of readStatements(input, link.source)) {
    acc.add(statement);
    if (acc.statements % 500 === 0) reporter.progress(acc.statements, undefined, "statements");
  }
  reporter.done();
  // Read after the statements: a pipeline commits documents.jsonl while they stream by.
  const { documents, inputs } = await loadDocuments(input);
  const manifest = buildRunManifest({ createdAt, packageVersion: await packageVersion(), codebookVersion: version, inputs });
  const metrics = acc.result({ runId: manifest.run_id, codebookVersion: version, documents });
  if (acc.statements === 0) reporter.warn(`${artifactPath(input, "statements")} holds no statements; every figure is zero`);
  for (const warning of acc.warnings) reporter.warn(warning);
  if (options.strict && acc.warnings.length > 0) throw new CliError(`${acc.warnings.length} warning(s) with --strict; nothing written`);

  await writeJsonAtomic(artifactPath(out, "metrics"), Metrics, metrics);
  await writeJsonAtomic(artifactPath(out, "runManifest"), RunManifest, manifest);
  reporter.info(`run ${manifest.run_id}, codebook ${version}: wrote ${artifactPath(out, "metrics")} and ${artifactPath(out, "runManifest")}`);
  reporter.info(
    summaryLine("metrics", { "statements read": acc.statements, speakers: metrics.speakers.length, documents: documents.length, "files written": 2, warnings: acc.warnings.length }, started),
  );
  return 0;
}

