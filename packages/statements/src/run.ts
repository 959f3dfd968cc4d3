import { artifactPath, AtomicJsonlWriter, readJsonlLines, Statement, STATEMENT_COLUMNS } from "@viewpoints/artifacts";
import { AtomicCsvWriter } from "@viewpoints/artifacts/csv-writer";
import { CliError, mapInOrder, startTaskPool, stageCacheSpec, type Reporter, type StageLink, type StageRunResult } from "@viewpoints/runtime";
import type { StatementContext } from "./statements";
import { STATEMENTS_CODEC, statementsTask, type StatementsInit, type StatementsValue } from "./task";

export interface RunOptions {
  inputDir: string;
  outDir: string;
  strict: boolean;
  /** The loaded rules for work in this thread, or how to load them when first needed (worker threads load their own). */
  context: StatementContext | (() => Promise<StatementContext>);
  reporter: Reporter;
  /** Worker threads and the files each loads; without it every document is done in this thread. */
  threads?: { workers: number } & Pick<StatementsInit, "codebookFile" | "languagesDir" | "peopleFile">;
  /** Version of everything that shapes a result; given, per-document results are cached under outDir/.cache/statements. */
  cacheVersion?: string;
  /** normalized.jsonl lines as normalize writes them (instead of reading the file), and who is told each statements.jsonl line. */
  link?: Pick<StageLink, "source" | "tap">;
}

export type RunResult = StageRunResult;

/** The module worker threads load (`createTask`), also for a pipeline that starts them early. */
export const threadModule = new URL("./task.ts", import.meta.url).href;

/**
 * Streams normalized.jsonl through extractStatements (on worker threads when asked, results in input
 * order) into statements.jsonl and statements.csv. A bad record or a document the rules cannot handle
 * is reported and skipped, or ends the run with --strict; outputs are replaced only when the run succeeds.
 */
export async function runStatements(options: RunOptions): Promise<RunResult> {
  const source = artifactPath(options.inputDir, "normalized");
  const jsonl = new AtomicJsonlWriter(artifactPath(options.outDir, "statements"), Statement);
  const csv = new AtomicCsvWriter(artifactPath(options.outDir, "statementsCsv"), STATEMENT_COLUMNS);
  const files = { inputFile: source, outputFile: jsonl.file };
  const cache = options.cacheVersion ? stageCacheSpec(options.outDir, "statements", options.cacheVersion) : undefined;
  const pool = startTaskPool<StatementsInit, StatementsValue>({
    workers: options.threads?.workers ?? 1,
    module: threadModule,
    init: { codebookFile: "", languagesDir: "", peopleFile: "", ...options.threads, ...files },
    cache,
    codec: STATEMENTS_CODEC,
    local: async () => statementsTask(typeof options.context === "function" ? await options.context() : options.context, files),
    onFallback: (reason) => options.reporter.warn(reason),
  });
  let read = 0;
  let skipped = 0;
  let cached = 0;
  try {
    for await (const result of mapInOrder(options.link?.source ?? readJsonlLines(source), (line) => pool.run(line), pool.capacity)) {
      if (!result.ok) {
        if (options.strict) throw new CliError(result.message);
        // A document the rules could not handle was read; a line that is not a record was not.
        if (result.line === null) read += 1;
        skipped += 1;
        options.reporter.warn(`${result.message}\n  skipped (use --strict to stop instead)`);
        continue;
      }
      read += 1;
      if (result.cached) cached += 1;
      await jsonl.writeSerialized(result.value.jsonl, result.value.count);
      await options.link?.tap?.(result.value.jsonl);
      await csv.writeRendered(result.value.csv);
      options.reporter.progress(read, undefined, "documents");
    }
    await jsonl.commit();
    await csv.commit();
    pool.commitCache();
  } catch (error) {
    await jsonl.abort();
    await csv.abort();
    throw error;
  } finally {
    await pool.close();
  }
  options.reporter.done();
  return { read, written: jsonl.written, skipped, cached, threads: pool.threads };
}
