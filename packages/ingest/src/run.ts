import { stat } from "node:fs/promises";
import { join } from "node:path";
import { AtomicJsonlWriter, artifactPath, Document, IngestReport, serializeJsonlRecord, writeJsonAtomic } from "@viewpoints/artifacts";
import { CliError, silentReporter, type Reporter } from "@viewpoints/runtime";
import { ingestArticle, SUPPORTED_EXTENSIONS, formatOf } from "./article";
import { Corpus } from "./corpus";
import { MANIFEST_FILE, parseManifest, type Manifest } from "./manifest";
import { describeProblem, failsStrict, problem, type IngestProblem } from "./problems";
import { inputFileReader, listInputFiles, unreadableMessage } from "./walk";

export interface IngestOptions {
  input: string;
  out: string;
  /** Fail the run (outputs untouched) on any error, on an encoding guess, or on an empty folder. */
  strict?: boolean;
  reporter?: Reporter;
  /** Reads a file's bytes, which need to stay valid only until its next call; replaceable so tests can simulate unreadable files. */
  readBytes?: (path: string) => Promise<Uint8Array>;
  /** Told each documents.jsonl line as it is written (a pipeline hands them on to normalize). */
  tap?: (line: string) => Promise<void>;
}

export interface IngestResult {
  report: IngestReport;
  /** Files that gave no document for a reason other than being a duplicate. */
  skipped: number;
  /** Why a --strict run failed; null when the outputs were written. */
  failure: string | null;
}

async function assertFolder(input: string): Promise<void> {
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new CliError(`input folder not found: ${input}`);
  }
  if (!info.isDirectory()) throw new CliError(`input is not a folder: ${input}`);
}

function showProblem(reporter: Reporter, p: IngestProblem): void {
  if (p.severity === "warning") reporter.warn(describeProblem(p));
  else reporter.info(`error: ${describeProblem(p)}`);
}

async function loadManifest(input: string, files: string[], read: (path: string) => Promise<Uint8Array>): Promise<Manifest> {
  if (!files.includes(MANIFEST_FILE)) return { rows: new Map(), problems: [] };
  let bytes: Uint8Array;
  try {
    bytes = await read(join(input, MANIFEST_FILE));
  } catch (error) {
    return { rows: new Map(), problems: [problem("manifest-row", "error", MANIFEST_FILE, `${unreadableMessage(error).replace(/; skipped$/, "")}; the manifest is ignored`)] };
  }
  const manifest = parseManifest(bytes);
  const present = new Set(files);
  for (const [file, { line }] of manifest.rows) {
    if (present.has(file)) continue;
    manifest.problems.push(problem("manifest-unknown-file", "warning", MANIFEST_FILE, `names "${file}", but there is no such file in the input folder; row ignored`, line));
    manifest.rows.delete(file);
  }
  return manifest;
}

/**
 * Ingests a folder of articles into documents.jsonl and ingest-report.json in `out`. Documents are
 * streamed to a temp file as they are made and renamed into place only when the run succeeds, so a
 * failed run leaves the previous outputs as they were.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const { input, out, strict = false, reporter = silentReporter } = options;
  const read = options.readBytes ?? inputFileReader();
  await assertFolder(input);

  const listing = await listInputFiles(input);
  const problems: IngestProblem[] = [];
  const note = (p: IngestProblem) => {
    problems.push(p);
    showProblem(reporter, p);
  };
  listing.problems.forEach(note);
  const manifest = await loadManifest(input, listing.files, read);
  manifest.problems.forEach(note);

  const articles = listing.files.filter((f) => f !== MANIFEST_FILE);
  const corpus = new Corpus();
  const duplicates: IngestReport["duplicates"] = [];
  const writer = new AtomicJsonlWriter(artifactPath(out, "documents"), Document);
  let filesRead = 0;
  let skipped = 0;
  try {
    for (const [index, file] of articles.entries()) {
      reporter.progress(index + 1, articles.length, "ingest");
      let bytes: Uint8Array = new Uint8Array();
      if (formatOf(file) !== null) {
        filesRead += 1;
        try {
          bytes = await read(join(input, file));
        } catch (error) {
          note(problem("unreadable", "error", file, unreadableMessage(error)));
          skipped += 1;
          continue;
        }
      }
      const result = ingestArticle({ file, bytes, row: manifest.rows.get(file)?.row });
      result.problems.forEach(note);
      if (!result.document) {
        skipped += 1;
        continue;
      }
      const admitted = corpus.admit(result.document);
      if (admitted.kind === "duplicate") {
        duplicates.push({ file, duplicateOf: admitted.duplicateOf });
        reporter.warn(`${file} is an exact duplicate of ${admitted.duplicateOf}; only ${admitted.duplicateOf} is kept`);
        continue;
      }
      const line = serializeJsonlRecord(Document, admitted.document, { file: writer.file, line: writer.written + 1 });
      await writer.writeSerialized(line, 1);
      await options.tap?.(line);
    }
    reporter.done();
    if (filesRead === 0) {
      note(problem("no-articles", "warning", input, `no articles found (looked for ${SUPPORTED_EXTENSIONS.join(", ")} files); documents.jsonl will be empty`));
    }

    // The kind is for --strict only; the report carries the Problem shape.
    const reported = problems.map(({ kind: _kind, ...rest }) => rest);
    const report: IngestReport = { input, filesRead, documentsWritten: writer.written, duplicates, problems: reported };
    const fatal = problems.filter(failsStrict);
    if (strict && fatal.length > 0) {
      await writer.abort();
      const failure = `--strict: ${fatal.length} problem${fatal.length === 1 ? "" : "s"} (first: ${describeProblem(fatal[0] as IngestProblem)}); previous outputs in ${out} left unchanged`;
      return { report, skipped, failure };
    }
    await writer.commit();
    await writeJsonAtomic(artifactPath(out, "ingestReport"), IngestReport, report);
    return { report, skipped, failure: null };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
