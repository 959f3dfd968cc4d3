import { AtomicJsonlWriter, AtomicJsonStreamWriter, NormalizedDocument, NormalizeDocumentReport, NormalizeReport, artifactPath, parseAt, readJsonlLines, type Problem } from "@viewpoints/artifacts";
import { CliError, mapInOrder, startTaskPool, stageCacheSpec, type Reporter, type StageLink, type StageRunResult } from "@viewpoints/runtime";
import type { NormalizeContext } from "./context";
import { NORMALIZE_CODEC, normalizeTask, type NormalizeInit, type NormalizeValue } from "./task";

export interface RunOptions {
  inputDir: string;
  outDir: string;
  strict: boolean;
  /** The compiled rules for work in this thread, or how to load them when first needed (worker threads load their own). */
  context: NormalizeContext | (() => Promise<NormalizeContext>);
  reporter: Reporter;
  /** Worker threads and the rule files each loads; without it every document is done in this thread. */
  threads?: { workers: number; languagesDir: string; peopleFile: string };
  /** Version of everything that shapes a result; given, per-document results are cached under outDir/.cache/normalize. */
  cacheVersion?: string;
  /** documents.jsonl lines as ingest writes them (instead of reading the file), and who is told each normalized.jsonl line. */
  link?: Pick<StageLink, "source" | "tap">;
}

export type RunResult = StageRunResult;

/** The module worker threads load (`createTask`), also for a pipeline that starts them early. */
export const threadModule = new URL("./task.ts", import.meta.url).href;

const ReportTail = NormalizeReport.pick({ documentsRead: true, documentsWritten: true, problems: true });

/**
 * Streams documents.jsonl through normalizeDocument (on worker threads when asked, results in input
 * order) into normalized.jsonl and normalize-report.json. A bad line or a document that fails is
 * reported and skipped, or ends the run with --strict; outputs are replaced only when the whole run succeeds.
 */
export async function runNormalize(options: RunOptions): Promise<RunResult> {
  const input = artifactPath(options.inputDir, "documents");
  const writer = new AtomicJsonlWriter(artifactPath(options.outDir, "normalized"), NormalizedDocument);
  const report = new AtomicJsonStreamWriter(artifactPath(options.outDir, "normalizeReport"), "documents", NormalizeDocumentReport);
  const files = { inputFile: input, outputFile: writer.file };
  const cache = options.cacheVersion ? stageCacheSpec(options.outDir, "normalize", options.cacheVersion) : undefined;
  const pool = startTaskPool<NormalizeInit, NormalizeValue>({
    workers: options.threads?.workers ?? 1,
    module: threadModule,
    init: { languagesDir: options.threads?.languagesDir ?? "", peopleFile: options.threads?.peopleFile ?? "", ...files },
    cache,
    codec: NORMALIZE_CODEC,
    local: async () => normalizeTask(typeof options.context === "function" ? await options.context() : options.context, files),
    onFallback: (reason) => options.reporter.warn(reason),
  });
  const problems: Problem[] = [];
  let read = 0;
  let cached = 0;
  try {
    await report.open({ input });
    for await (const result of mapInOrder(options.link?.source ?? readJsonlLines(input), (line) => pool.run(line), pool.capacity)) {
      // A line that is not a document record is skipped without counting as read, as before.
      if (result.ok || result.line === null) read++;
      if (!result.ok) {
        const where = `${result.file}${result.line === null ? "" : `:${result.line}`}`;
        if (options.strict) throw new CliError(`${where}: ${result.message}`);
        problems.push({ file: result.file, line: result.line, message: result.message, severity: "error" });
        options.reporter.warn(`skipped ${where}: ${result.message}`);
        continue;
      }
      if (result.cached) cached++;
      await writer.writeSerialized(result.value.line, 1);
      await options.link?.tap?.(result.value.line);
      await report.add(result.value.report);
      options.reporter.progress(read, undefined, "normalizing");
    }
    options.reporter.done();
    const tail = parseAt(ReportTail, { documentsRead: read, documentsWritten: writer.written, problems }, { file: report.file });
    await writer.commit();
    await report.commit(tail);
    pool.commitCache();
  } catch (error) {
    await writer.abort();
    await report.abort();
    throw error;
  } finally {
    await pool.close();
  }
  return { read, written: writer.written, skipped: problems.length, cached, threads: pool.threads };
}
