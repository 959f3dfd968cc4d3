import { ArtifactError, Document, NormalizedDocument, parseJsonlInput, serializeJsonlRecord, type NormalizeDocumentReport } from "@viewpoints/artifacts";
import type { CacheCodec, LineTask } from "@viewpoints/runtime";
import type { NormalizeContext } from "./context";
import { loadNormalizeContext } from "./load-context";
import { normalizeDocument } from "./normalize";

/** What a worker thread needs to build the task: the files it loads once. */
export interface NormalizeInit {
  languagesDir: string;
  peopleFile: string;
  /** documents.jsonl, named in messages about its lines. */
  inputFile: string;
  /** normalized.jsonl, named in messages about records that fail validation. */
  outputFile: string;
}

/** One document's results: its normalized.jsonl line (validated) and its report entry. */
export interface NormalizeValue {
  line: string;
  report: NormalizeDocumentReport;
}

/** Cache layout: the report entry as JSON on the first line, then the normalized.jsonl line as written. */
export const NORMALIZE_CODEC: CacheCodec<NormalizeValue> = {
  encode: (value) => `${JSON.stringify(value.report)}\n${value.line}`,
  decode: (text) => {
    const cut = text.indexOf("\n");
    if (cut < 0) throw new Error("no report line");
    return { report: JSON.parse(text.slice(0, cut)) as NormalizeDocumentReport, line: text.slice(cut + 1) };
  },
};

// The place goes into the problem's own fields; the message keeps what is wrong, on one line.
function problemMessage(error: ArtifactError): string {
  const place = error.line === undefined ? `${error.file}: ` : `${error.file}:${error.line}: `;
  const message = error.message.startsWith(place) ? error.message.slice(place.length) : error.message;
  return message.replace(/^invalid record\n\s*/, "invalid record: ").replace(/\n\s*/g, "; ");
}

/** The per-document step of the stage, from documents.jsonl line to normalized.jsonl line. */
export function normalizeTask(context: NormalizeContext, files: Pick<NormalizeInit, "inputFile" | "outputFile">): LineTask<NormalizeValue> {
  return (input) => {
    let doc: Document;
    try {
      doc = parseJsonlInput(Document, input, files.inputFile);
    } catch (error) {
      if (!(error instanceof ArtifactError)) throw error;
      return { ok: false, file: files.inputFile, line: input.line, message: problemMessage(error) };
    }
    try {
      const result = normalizeDocument(doc, context);
      return { ok: true, value: { line: serializeJsonlRecord(NormalizedDocument, result.document, { file: files.outputFile }), report: result.report } };
    } catch (error) {
      return { ok: false, file: doc.file, line: null, message: `could not normalize document ${doc.id}: ${(error as Error).message}` };
    }
  };
}

/** Entry point of a worker thread: loads the rules and registry once. */
export async function createTask(init: NormalizeInit): Promise<LineTask<NormalizeValue>> {
  return normalizeTask(await loadNormalizeContext(init.languagesDir, init.peopleFile), init);
}
