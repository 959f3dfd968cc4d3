import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, writeFile, access } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import type { z } from "zod";
import { ArtifactError, parseAt, type Location } from "./errors";
import { jsonCheckOf } from "./json-check";

/** A missing artifact: callers turn this into "run `pnpm X` first". */
export class MissingArtifactError extends ArtifactError {
  constructor(file: string) {
    super(`${file}: not found`, { file });
    this.name = "MissingArtifactError";
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** A hidden temp file beside `file`, renamed over it when a write succeeds. */
export function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes a whole file through a temp file and a rename, so readers never see half a file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  try {
    await writeFile(tmp, content, "utf8");
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function readJsonFile<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new MissingArtifactError(file);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ArtifactError(`${file}: not valid JSON (${(error as Error).message})`, { file });
  }
  return parseAt(schema, value, { file });
}

export async function writeJsonAtomic<T extends z.ZodType>(file: string, schema: T, value: z.infer<T>): Promise<void> {
  const checked = parseAt(schema, value, { file });
  await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
}

/** Options of readJsonl. */
export interface ReadJsonlOptions {
  /** Called with each invalid line's error; the line is skipped. Without it the first invalid line throws. */
  onInvalid?: (error: ArtifactError) => void;
}

/** One non-empty line of a JSONL file and its 1-based line number. */
export interface JsonlLine {
  text: string;
  line: number;
  /**
   * Set on lines a stage of this process has just rendered with `serializeJsonlRecord` and hands on in
   * memory (never on lines read from a file, which a user may have edited): see `parseJsonlInput`.
   */
  checked?: boolean;
}

const NEWLINE = 10;
const READ_CHUNK = 1 << 20;

/** One line of a JSONL file as raw bytes (`bytes[start, end)`, without "\r\n"), 1-based line number. */
interface RawLine {
  bytes: Buffer;
  start: number;
  end: number;
  line: number;
}

/**
 * Streams every line of a file as byte ranges of one reused read buffer ("\n" never occurs inside a
 * UTF-8 multi-byte character). A range is valid only until the next line is asked for. Reusing the
 * buffer matters: a fresh 1 MB chunk per read made V8 run a full GC every few dozen megabytes.
 */
async function* readRawLines(file: string): AsyncGenerator<RawLine> {
  if (!(await exists(file))) throw new MissingArtifactError(file);
  const handle = await open(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(READ_CHUNK);
    // Bytes [0, carried) are the start of a line that the previous read did not finish.
    let carried = 0;
    let line = 0;
    const raw = (start: number, end: number): RawLine => {
      line += 1;
      return { bytes: buffer, start, end: end > start && buffer[end - 1] === 13 ? end - 1 : end, line };
    };
    for (;;) {
      if (carried === buffer.length) {
        // A line longer than the buffer: grow it, keeping the part read so far.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, carried);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, null);
      if (bytesRead === 0) break;
      const filled = buffer.subarray(0, carried + bytesRead);
      let start = 0;
      let nl = filled.indexOf(NEWLINE, carried);
      while (nl >= 0) {
        yield raw(start, nl);
        start = nl + 1;
        nl = filled.indexOf(NEWLINE, start);
      }
      carried = filled.length - start;
      buffer.copyWithin(0, start, filled.length);
    }
    if (carried > 0) yield raw(0, carried);
  } finally {
    await handle.close();
  }
}

/** Streams the non-empty lines of a JSONL file without parsing them (for callers that hand lines to workers). */
export async function* readJsonlLines(file: string): AsyncGenerator<JsonlLine> {
  for await (const { bytes, start, end, line } of readRawLines(file)) {
    const text = bytes.toString("utf8", start, end);
    if (text.trim() !== "") yield { text, line };
  }
}

/** A JSONL line cut before one of its members: the text before it, or the whole line when it has no such member. */
export interface JsonlHead {
  /** The line up to (not including) the member, e.g. `{"id":"a","lang":"sv"`; null when the member does not occur. */
  head: string | null;
  line: number;
  /** The whole line, decoded on demand; call it before asking for the next line (the bytes are then reused). */
  whole(): string;
}

/**
 * Streams the non-empty lines of a JSONL file decoding only the bytes before `member` (e.g. `,"text":"`),
 * for readers that need the small fields written before a large one. The member's first occurrence is
 * always a real member boundary: inside a JSON string its quotes would be escaped.
 */
export async function* readJsonlHeads(file: string, member: string): AsyncGenerator<JsonlHead> {
  const marker = Buffer.from(member, "utf8");
  for await (const { bytes, start, end, line } of readRawLines(file)) {
    const whole = () => bytes.toString("utf8", start, end);
    const cut = bytes.subarray(start, end).indexOf(marker);
    if (cut > 0) yield { head: bytes.toString("utf8", start, start + cut), line, whole };
    else if (whole().trim() !== "") yield { head: null, line, whole };
  }
}

// JSON.parse whose error names the file and line.
function parseJsonAt(text: string, where: Required<Location>): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ArtifactError(`${where.file}:${where.line}: not valid JSON (${(error as Error).message})`, where);
  }
}

/** Parses and validates one JSONL line; errors are ArtifactErrors naming the file and line. */
export function parseJsonlLine<T extends z.ZodType>(schema: T, text: string, where: Required<Location>): z.infer<T> {
  return parseAt(schema, parseJsonAt(text, where), where);
}

/**
 * Parses one input line of `file` as `parseJsonlLine` does, but a line marked `checked` is only
 * JSON-parsed: it is `serializeJsonlRecord(schema, …)` output, i.e. already the value zod returns for
 * `schema` (the artifact schemas have no defaults or transforms, so validating it again changes nothing).
 */
export function parseJsonlInput<T extends z.ZodType>(schema: T, input: JsonlLine, file: string): z.infer<T> {
  const where = { file, line: input.line };
  const value = parseJsonAt(input.text, where);
  return input.checked === true ? (value as z.infer<T>) : parseAt(schema, value, where);
}

/** Validates a record and renders it as one JSONL line (with its newline): the writer's side of the boundary. */
export function serializeJsonlRecord<T extends z.ZodType>(schema: T, record: z.infer<T>, where: Location): string {
  return `${JSON.stringify(checkedForJson(schema, record, where))}\n`;
}

/**
 * The value to stringify for a record that must pass `schema`: the record itself when the fast check
 * passes it (its JSON is then zod's output's JSON, without zod's copy), else zod's output, or zod's error.
 */
function checkedForJson<T extends z.ZodType>(schema: T, record: z.infer<T>, where: Location): unknown {
  return jsonCheckOf(schema)?.(record) === true ? record : parseAt(schema, record, where);
}

/**
 * Streams a JSONL artifact record by record, validating each line.
 * Memory stays flat whatever the file size.
 */
export async function* readJsonl<T extends z.ZodType>(file: string, schema: T, options: ReadJsonlOptions = {}): AsyncGenerator<z.infer<T>> {
  for await (const { text, line } of readJsonlLines(file)) {
    let record: z.infer<T>;
    try {
      record = parseJsonlLine(schema, text, { file, line });
    } catch (error) {
      if (!(error instanceof ArtifactError) || !options.onInvalid) throw error;
      options.onInvalid(error);
      continue;
    }
    yield record;
  }
}

/** Reads a whole JSONL artifact into memory; for small artifacts (tests, the dashboard's per-request reads). */
export async function readJsonlAll<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T>[]> {
  const out: z.infer<T>[] = [];
  for await (const record of readJsonl(file, schema)) out.push(record);
  return out;
}

/**
 * Characters gathered before one write to the file: fewer, larger writes, yet few enough that the
 * five writers of a pipeline whose stages run at once hold little (each keeps a batch of 3x this).
 */
const WRITE_BATCH = 1 << 16;

/**
 * Streams text to a temp file in large batches and renames it over the target only on `commit()`,
 * so a failed run leaves the previous file intact. The base of the artifact writers below.
 * Writes are synchronous, straight from the batch: a write stream needed a copy of every batch and
 * a thread-pool round trip per write, ~2.5x the CPU of `writeSync` for the same bytes.
 */
export class AtomicTextWriter {
  readonly file: string;
  private readonly tmp: string;
  private fd: number | undefined;
  // Text is encoded straight into one reused byte batch: joining strings first and encoding the join costs ~4x more.
  private batch: Buffer | undefined;
  private used = 0;

  constructor(file: string) {
    this.file = file;
    this.tmp = tempPath(file);
  }

  async write(text: string): Promise<void> {
    if (text === "") return;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = text.length * 3;
    this.batch ??= Buffer.allocUnsafe(WRITE_BATCH * 3);
    if (this.used + room > this.batch.length) this.flush();
    if (room > this.batch.length) {
      // A piece larger than the batch is encoded on its own and written at once, leaving the batch its size.
      writeAll(this.open(), text);
      return;
    }
    this.used += this.batch.write(text, this.used);
    if (this.used >= WRITE_BATCH) this.flush();
  }

  async commit(): Promise<void> {
    this.flush();
    if (this.fd === undefined) {
      await writeFileAtomic(this.file, "");
      return;
    }
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    this.used = 0;
    if (this.fd !== undefined) {
      const fd = this.fd;
      this.fd = undefined;
      closeSync(fd);
    }
    await rm(this.tmp, { force: true });
  }

  // The temp file is created on the first flush, so a writer that writes nothing leaves no file behind.
  // Synchronous too: an abort can then never land between creating the folder and opening the file.
  private open(): number {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.tmp, "w");
    }
    return this.fd;
  }

  private flush(): void {
    if (!this.batch || this.used === 0) return;
    writeAll(this.open(), this.batch.subarray(0, this.used));
    this.used = 0;
  }
}

// writeSync may write less than it is given (a full disk, a signal): go on until everything is written.
function writeAll(fd: number, data: Buffer | string): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done);
}

/**
 * Writes records to a temp file and renames it over the target only on `commit()`,
 * so a failed run leaves the previous artifact intact.
 */
export class AtomicJsonlWriter<T extends z.ZodType> {
  readonly file: string;
  private readonly out: AtomicTextWriter;
  private readonly schema: T;
  private count = 0;

  constructor(file: string, schema: T) {
    this.file = file;
    this.schema = schema;
    this.out = new AtomicTextWriter(file);
  }

  get written(): number {
    return this.count;
  }

  async write(record: z.infer<T>): Promise<void> {
    await this.writeSerialized(serializeJsonlRecord(this.schema, record, { file: this.file, line: this.count + 1 }), 1);
  }

  /** Appends `records` lines already validated and rendered by `serializeJsonlRecord` (in a worker or from a cache). */
  async writeSerialized(lines: string, records: number): Promise<void> {
    this.count += records;
    await this.out.write(lines);
  }

  commit(): Promise<void> {
    return this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/**
 * Writes a JSON object with one large array member, laid out like `writeJsonAtomic` (2-space indent),
 * streaming the array items so the whole object is never held: `open(head)`, `add(item)`…,
 * `commit(tail)`. Each part is validated with its schema; temp file + rename as everywhere.
 */
export class AtomicJsonStreamWriter<T extends z.ZodType> {
  readonly file: string;
  private readonly out: AtomicTextWriter;
  private readonly key: string;
  private readonly itemSchema: T;
  private count = 0;

  constructor(file: string, key: string, itemSchema: T) {
    this.file = file;
    this.key = key;
    this.itemSchema = itemSchema;
    this.out = new AtomicTextWriter(file);
  }

  /** Starts the object with the members that come before the array. */
  async open(head: Record<string, unknown>): Promise<void> {
    const members = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${indentJson(v, "  ")},\n`);
    await this.out.write(`{\n${members.join("")}  ${JSON.stringify(this.key)}: [`);
  }

  async add(item: z.infer<T>): Promise<void> {
    const checked = checkedForJson(this.itemSchema, item, { file: this.file });
    await this.out.write(`${this.count === 0 ? "\n" : ",\n"}    ${indentJson(checked, "    ")}`);
    this.count += 1;
  }

  /** Closes the array, writes the members after it and renames the file into place. */
  async commit(tail: Record<string, unknown>): Promise<void> {
    const close = this.count === 0 ? "]" : "\n  ]";
    const members = Object.entries(tail).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${indentJson(v, "  ")}`);
    await this.out.write(`${close}${members.join("")}\n}\n`);
    await this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/** JSON.stringify with 2-space indent, every line after the first indented by `indent` (two or four spaces). */
function indentJson(value: unknown, indent: "  " | "    "): string {
  // Nesting the value one or two arrays deep makes JSON.stringify indent it: no second pass over the text.
  if (indent === "  ") {
    const json = JSON.stringify([value], null, 2);
    return json.slice(4, json.length - 2);
  }
  const json = JSON.stringify([[value]], null, 2);
  return json.slice(10, json.length - 6);
}
