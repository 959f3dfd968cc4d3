import { join } from "node:path";
import { writeJsonAtomic, type Metrics, type RunManifest, type Statement } from "@viewpoints/artifacts";
import { CliError, consoleReporter, helpText, parseCommandArgs, pathOption, runMain, summaryLine, type CommandSpec } from "@viewpoints/runtime";
import { exportFileName, listTables, renderHeader, renderRows, runMismatch, type ExportOptions } from "./export";
import { ExportManifest } from "./export-manifest";
import { loadMetricsRun, readStatements } from "./inputs";
import { writeChunksAtomic } from "./write-chunks";

/** Statements are rendered in batches of this size, so the export never holds the whole corpus. */
const STATEMENT_BATCH = 2000;

const TABLE_NAMES = listTables().map((t) => t.name);

const SPEC: CommandSpec = {
  name: "export",
  summary: "Writes the metrics tables as CSV files (UTF-8, header row of stable column ids, lists joined with \";\").",
  options: {
    input: { type: "string", value: "DIR", description: "folder with metrics/metrics.json, run-manifest.json and statements.jsonl", default: "data/out" },
    out: { type: "string", value: "DIR", description: "folder for the CSV files", default: "data/out/export" },
    table: { type: "string", value: "NAME", description: `write only this table (${TABLE_NAMES.join(", ")})` },
    lang: { type: "string", value: "en|sv", description: "language of theme and frame labels (column headers stay ids)", default: "en" },
    bom: { type: "boolean", description: "start each file with a UTF-8 byte-order mark, so Excel reads it as UTF-8" },
    list: { type: "boolean", description: "print the tables and their columns, write nothing" },
  },
  notes: [
    "Each table is written as <table>.<run_id>.csv, and export-manifest.json beside them records the run id,",
    "the codebook version and the files written, so every export can be traced to its run (run-manifest.json).",
    "Cells starting with = + - @ tab or carriage return get a leading ' so spreadsheets never run them as formulas;",
    "plain negative numbers (e.g. -0.5) are left as numbers.",
    "Example: pnpm export --table speakers --lang sv --bom",
  ],
};

function listing(): string {
  return `${listTables()
    .map((t) => `${t.name}: ${t.description}\n  ${t.columns.join(", ")}`)
    .join("\n")}\n`;
}

/** A table's CSV text in pieces: the header, then one piece per batch of statements (or all rows at once). */
async function* csvChunks(name: string, metrics: Metrics, manifest: RunManifest, options: ExportOptions, statements: AsyncIterable<Statement> | undefined): AsyncGenerator<string> {
  yield renderHeader(name, options);
  if (!statements) {
    yield renderRows(name, metrics, manifest, options);
    return;
  }
  let batch: Statement[] = [];
  for await (const statement of statements) {
    batch.push(statement);
    if (batch.length === STATEMENT_BATCH) {
      yield renderRows(name, metrics, manifest, { ...options, statements: batch });
      batch = [];
    }
  }
  yield renderRows(name, metrics, manifest, { ...options, statements: batch });
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseCommandArgs(SPEC, process.argv.slice(2));
  if (!options) {
    process.stdout.write(helpText(SPEC));
    return 0;
  }
  if (options.list) {
    process.stdout.write(listing());
    return 0;
  }
  const lang = options.lang;
  if (lang !== "en" && lang !== "sv") throw new CliError(`--lang must be en or sv, not "${String(lang)}"`, 2);
  const only = options.table;
  if (typeof only === "string" && !TABLE_NAMES.includes(only)) {
    throw new CliError(`unknown table "${only}"; tables: ${TABLE_NAMES.join(", ")} (see pnpm export --list)`, 2);
  }
  const tables = listTables().filter((t) => only === undefined || t.name === only);
  const reporter = consoleReporter();
  const input = pathOption(SPEC, options, "input");
  const out = pathOption(SPEC, options, "out");
  const { metrics, manifest } = await loadMetricsRun(input);
  const mismatch = runMismatch(metrics, manifest);
  if (mismatch) throw new CliError(mismatch);
  const bom = options.bom === true;

  const written: ExportManifest["tables"] = [];
  for (const table of tables) {
    const file = exportFileName(table.name, manifest);
    const statements = table.name === "statements" ? readStatements(input) : undefined;
    await writeChunksAtomic(join(out, file), csvChunks(table.name, metrics, manifest, { lang, bom }, statements));
    written.push({ name: table.name, file, columns: table.columns });
  }
  const exportManifest: ExportManifest = { run_id: manifest.run_id, codebook_version: manifest.codebook_version, run_created_at: manifest.created_at, lang, bom, tables: written };
  await writeJsonAtomic(join(out, "export-manifest.json"), ExportManifest, exportManifest);
  reporter.info(`run ${manifest.run_id}, codebook ${manifest.codebook_version}: wrote ${written.map((w) => w.file).join(", ")} to ${out}`);
  reporter.info(summaryLine("export", { tables: written.length, "files written": written.length + 1 }, started));
  return 0;
}

runMain(main);
