import {
  type ArtifactError,
  AtomicJsonlWriter,
  Document,
  NormalizedDocument,
  NormalizeReport,
  artifactPath,
  readJsonl,
  writeJsonAtomic,
  type NormalizeDocumentReport,
  type Problem,
} from "@viewpoints/artifacts";
import { CliError, type Reporter } from "@viewpoints/runtime";
import type { NormalizeContext } from "./context";
import { normalizeDocument } from "./normalize";

export interface RunOptions {
  inputDir: string;
  outDir: string;
  strict: boolean;
  context: NormalizeContext;
  reporter: Reporter;
}

export interface RunResult {
  read: number;
  written: number;
  skipped: number;
}

// The place goes into the problem's own fields; the message keeps what is wrong, on one line.
function problemMessage(error: ArtifactError): string {
  const place = error.line === undefined ? `${error.file}: ` : `${error.file}:${error.line}: `;
  const message = error.message.startsWith(place) ? error.message.slice(place.length) : error.message;
  return message.replace(/^invalid record\n\s*/, "invalid record: ").replace(/\n\s*/g, "; ");
}

/**
 * Streams documents.jsonl through normalizeDocument into normalized.jsonl and normalize-report.json.
 * A bad line or a document that fails is reported and skipped, or ends the run with --strict;
 * outputs are replaced only when the whole run succeeds.
 */
export async function runNormalize(options: RunOptions): Promise<RunResult> {
  const input = artifactPath(options.inputDir, "documents");
  const writer = new AtomicJsonlWriter(artifactPath(options.outDir, "normalized"), NormalizedDocument);
  const problems: Problem[] = [];
  const documents: NormalizeDocumentReport[] = [];
  let read = 0;
  const fail = (problem: Problem) => {
    if (options.strict) throw new CliError(`${problem.file}${problem.line === null ? "" : `:${problem.line}`}: ${problem.message}`);
    problems.push(problem);
    options.reporter.warn(`skipped ${problem.file}${problem.line === null ? "" : `:${problem.line}`}: ${problem.message}`);
  };
  try {
    const records = readJsonl(input, Document, {
      onInvalid: (error) => fail({ file: error.file, line: error.line ?? null, message: problemMessage(error), severity: "error" }),
    });
    for await (const doc of records) {
      read++;
      let result;
      try {
        result = normalizeDocument(doc, options.context);
      } catch (error) {
        fail({ file: doc.file, line: null, message: `could not normalize document ${doc.id}: ${(error as Error).message}`, severity: "error" });
        continue;
      }
      await writer.write(result.document);
      documents.push(result.report);
      options.reporter.progress(read, undefined, "normalizing");
    }
    options.reporter.done();
    const report: NormalizeReport = { input, documentsRead: read, documentsWritten: writer.written, documents, problems };
    await writer.commit();
    await writeJsonAtomic(artifactPath(options.outDir, "normalizeReport"), NormalizeReport, report);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { read, written: writer.written, skipped: problems.length };
}
