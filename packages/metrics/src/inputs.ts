import { readFile } from "node:fs/promises";
import type { z } from "zod";
import {
  AnalystList,
  Codebook,
  Document,
  Metrics,
  MissingArtifactError,
  NormalizedDocument,
  PeopleRegistry,
  RunManifest,
  artifactPath,
  exists,
  parseAt,
  parseJsonlInput,
  parseJsonlLine,
  readJsonFile,
  readJsonlHeads,
  readJsonlLines,
  Statement,
  type JsonlLine,
} from "@viewpoints/artifacts";
import { CliError } from "@viewpoints/runtime";
import type { DocumentInfo } from "./compute";
import { codebookVersion } from "./manifest";

const RUN_PIPELINE = "run `pnpm pipeline` first";

/** Reads the codebook and its version (hash of the file as read); a missing file says what it is for. */
export async function loadCodebook(file: string): Promise<{ codebook: Codebook; version: string }> {
  try {
    const codebook = await readJsonFile(file, Codebook);
    return { codebook, version: codebookVersion(await readFile(file, "utf8")) };
  } catch (error) {
    if (!(error instanceof MissingArtifactError)) throw error;
    throw new CliError(`${file}: codebook not found. The metrics need its theme ids and labels: create it (see the README) or pass --codebook FILE`);
  }
}

export async function loadAnalysts(file: string): Promise<string[]> {
  try {
    return (await readJsonFile(file, AnalystList)).analysts;
  } catch (error) {
    if (!(error instanceof MissingArtifactError)) throw error;
    throw new CliError(`${file}: list of compared analysts not found. Create it as {"analysts": ["first-analyst-id", …]} or pass --analysts FILE`);
  }
}

/** The people registry is optional here: it only supplies names and roles of analysts who said nothing. */
export async function loadPeople(file: string): Promise<PeopleRegistry | null> {
  if (!(await exists(file))) return null;
  return readJsonFile(file, PeopleRegistry);
}

/** Where a document record's text begins: the fields before it hold everything but the text. */
const TEXT_MEMBER = ',"text":"';

/**
 * Parses the members of a record that come before its text (`head`, when the line is laid out as the
 * stages write it) with `schema`, else the whole line. Either way the fields the metrics use are validated.
 */
function parseBeforeText<T extends z.ZodType>(schema: T, head: string | null, whole: () => string, where: { file: string; line: number }): z.infer<T> {
  if (head !== null) {
    try {
      return parseAt(schema, JSON.parse(`${head}}`), where);
    } catch {
      // Not the usual layout: the whole line below decides.
    }
  }
  return parseJsonlLine(schema, whole(), where);
}

const DocumentFields = Document.pick({ id: true, file: true, hash: true, meta: true });

/** Streams documents.jsonl keeping only metadata and hashes: the texts are never even decoded. */
export async function loadDocuments(dir: string): Promise<{ documents: DocumentInfo[]; inputs: { file: string; hash: string }[] }> {
  const file = artifactPath(dir, "documents");
  const detected = await loadDetectedLanguages(dir);
  const documents: DocumentInfo[] = [];
  const inputs: { file: string; hash: string }[] = [];
  try {
    for await (const { head, line, whole } of readJsonlHeads(file, TEXT_MEMBER)) {
      const doc = parseBeforeText(DocumentFields, head, whole, { file, line });
      documents.push({
        doc_id: doc.id,
        file: doc.file,
        outlet: doc.meta.outlet,
        title: doc.meta.title,
        published: doc.meta.published,
        declared_lang: doc.meta.language,
        detected_lang: detected.get(doc.id) ?? null,
      });
      inputs.push({ file: doc.file, hash: doc.hash });
    }
  } catch (error) {
    if (error instanceof MissingArtifactError) throw new CliError(`${file}: not found; ${RUN_PIPELINE}`);
    throw error;
  }
  return { documents, inputs };
}

const DocumentLang = NormalizedDocument.pick({ id: true, lang: true });

/**
 * The id and language of one normalized.jsonl line without parsing its text and offsets (most of its
 * bytes): the members before "text" are parsed alone when the line is laid out as the stage writes it,
 * else the whole line. Either way the two fields are validated.
 */
export function documentLang(text: string, where: { file: string; line: number }): { id: string; lang: string } {
  const cut = text.indexOf(TEXT_MEMBER);
  return parseBeforeText(DocumentLang, cut > 0 ? text.slice(0, cut) : null, () => text, where);
}

/** normalized.jsonl is optional: it gives a language to documents without statements or a declared one. */
async function loadDetectedLanguages(dir: string): Promise<Map<string, string>> {
  const file = artifactPath(dir, "normalized");
  const langs = new Map<string, string>();
  if (!(await exists(file))) return langs;
  for await (const { head, line, whole } of readJsonlHeads(file, TEXT_MEMBER)) {
    const doc = parseBeforeText(DocumentLang, head, whole, { file, line });
    langs.set(doc.id, doc.lang);
  }
  return langs;
}

/**
 * Streams statements.jsonl, or its lines as the statements stage of a pipeline hands them on (`source`);
 * a missing file names the command that makes it.
 */
export async function* readStatements(dir: string, source?: AsyncIterable<JsonlLine>): AsyncGenerator<Statement> {
  const file = artifactPath(dir, "statements");
  if (!source && !(await exists(file))) throw new CliError(`${file}: not found; ${RUN_PIPELINE}`);
  for await (const input of source ?? readJsonlLines(file)) yield parseJsonlInput(Statement, input, file);
}

/** Reads metrics.json and run-manifest.json for the export; missing files name the command to run. */
export async function loadMetricsRun(dir: string): Promise<{ metrics: Metrics; manifest: RunManifest }> {
  const metricsFile = artifactPath(dir, "metrics");
  const manifestFile = artifactPath(dir, "runManifest");
  for (const file of [metricsFile, manifestFile]) {
    if (!(await exists(file))) throw new CliError(`${file}: not found; nothing to export yet, ${RUN_PIPELINE} (or \`pnpm metrics\` if statements.jsonl exists)`);
  }
  return { metrics: await readJsonFile(metricsFile, Metrics), manifest: await readJsonFile(manifestFile, RunManifest) };
}
