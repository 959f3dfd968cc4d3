import { consoleReporter, helpText, parseCommandArgs, pathOption, summaryLine, type CommandSpec, type StageLink } from "@viewpoints/runtime";
import { runIngest } from "./run";

const spec: CommandSpec = {
  name: "ingest",
  summary: "Reads a folder of articles (.txt, .md with front matter, .html/.htm, optional sources.csv) into documents.jsonl and ingest-report.json.",
  options: {
    input: { type: "string", value: "DIR", description: "folder of articles, read recursively", default: "data/articles" },
    out: { type: "string", value: "DIR", description: "folder for documents.jsonl and ingest-report.json", default: "data/out" },
    strict: { type: "boolean", description: "fail (exit 1, outputs untouched) on any bad file, bad manifest row or encoding guess" },
  },
  notes: [
    "sources.csv columns: file, outlet, title, published (YYYY-MM-DD), url, language (sv|en), authors (;-separated).",
    "Its values override what the articles say about themselves; empty cells mean unknown.",
  ],
};

/** In a pipeline, ingest hands each documents.jsonl line on as it writes it. */
export const streams = { reads: false, writes: true };

/** The ingest command: parses `argv`, runs the stage and prints its summary line; returns the exit code. */
export async function main(argv: string[], link: StageLink = {}): Promise<number> {
  const started = performance.now();
  const options = parseCommandArgs(spec, argv);
  if (options === null) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const input = pathOption(spec, options, "input");
  const out = pathOption(spec, options, "out");
  const reporter = link.reporter ?? consoleReporter();
  const { report, skipped, failure } = await runIngest({ input, out, strict: options.strict === true, reporter, ...(link.tap ? { tap: link.tap } : {}) });
  reporter.info(
    summaryLine(
      "ingest",
      { "files read": report.filesRead, "documents written": failure ? 0 : report.documentsWritten, duplicates: report.duplicates.length, skipped },
      started,
    ),
  );
  if (failure) {
    reporter.info(`error: ${failure}`);
    return 1;
  }
  return 0;
}
