import { ArtifactError, NormalizedDocument, parseJsonlInput, serializeJsonlRecord, Statement, STATEMENT_COLUMNS } from "@viewpoints/artifacts";
import { renderCsvRows } from "@viewpoints/artifacts/csv-writer";
import type { CacheCodec, LineTask } from "@viewpoints/runtime";
import { createCoder } from "./coding";
import { loadCodebook, loadRegistry, loadRuleSet } from "./load";
import { extractStatements, type StatementContext } from "./statements";

/** What a worker thread needs to build the task: the files it loads once. */
export interface StatementsInit {
  codebookFile: string;
  languagesDir: string;
  peopleFile: string;
  /** normalized.jsonl, named in messages about its lines. */
  inputFile: string;
  /** statements.jsonl, named in messages about rows that fail validation. */
  outputFile: string;
}

/** One document's statements, already validated and rendered for statements.jsonl and statements.csv. */
export interface StatementsValue {
  jsonl: string;
  csv: string;
  count: number;
}

/** Cache layout: "<count> <jsonl length>" on the first line, then the statements.jsonl lines and the CSV lines as written. */
export const STATEMENTS_CODEC: CacheCodec<StatementsValue> = {
  encode: (value) => `${value.count} ${value.jsonl.length}\n${value.jsonl}${value.csv}`,
  decode: (text) => {
    const cut = text.indexOf("\n");
    const [count, length] = text.slice(0, cut).split(" ").map(Number);
    if (cut < 0 || !Number.isInteger(count) || !Number.isInteger(length)) throw new Error("bad cache header");
    const body = text.slice(cut + 1);
    return { count: count!, jsonl: body.slice(0, length), csv: body.slice(length) };
  },
};

/** The per-document step of the stage, from a normalized.jsonl line to its statement rows. */
export function statementsTask(ctx: StatementContext, files: Pick<StatementsInit, "inputFile" | "outputFile">): LineTask<StatementsValue> {
  return (input) => {
    let doc: NormalizedDocument;
    try {
      doc = parseJsonlInput(NormalizedDocument, input, files.inputFile);
    } catch (error) {
      if (!(error instanceof ArtifactError)) throw error;
      return { ok: false, file: files.inputFile, line: input.line, message: error.message };
    }
    try {
      const rows = extractStatements(doc, ctx);
      const jsonl = rows.map((row) => serializeJsonlRecord(Statement, row, { file: files.outputFile })).join("");
      return { ok: true, value: { jsonl, csv: renderCsvRows(STATEMENT_COLUMNS, rows), count: rows.length } };
    } catch (error) {
      // One document the rules cannot handle must not cost the whole corpus, unless --strict.
      return { ok: false, file: files.inputFile, line: null, message: `${files.inputFile}: document ${doc.id}: ${(error as Error).message}` };
    }
  };
}

/** Loads the codebook, attribution rules and registry: once per thread. */
export async function loadStatementContext(init: Pick<StatementsInit, "codebookFile" | "languagesDir" | "peopleFile">): Promise<StatementContext & { registryFound: boolean }> {
  const codebook = await loadCodebook(init.codebookFile);
  const rules = await loadRuleSet(init.languagesDir);
  const registry = await loadRegistry(init.peopleFile);
  return { rules, coder: createCoder(codebook), registry: registry.entries, registryFound: registry.found };
}

/** Entry point of a worker thread. */
export async function createTask(init: StatementsInit): Promise<LineTask<StatementsValue>> {
  return statementsTask(await loadStatementContext(init), init);
}
