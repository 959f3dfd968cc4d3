import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile, access } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { ArtifactError, parseAt } from "./errors";

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

/**
 * Streams a JSONL artifact record by record, validating each line.
 * Memory stays flat whatever the file size.
 */
export async function* readJsonl<T extends z.ZodType>(file: string, schema: T, options: ReadJsonlOptions = {}): AsyncGenerator<z.infer<T>> {
  if (!(await exists(file))) throw new MissingArtifactError(file);
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    if (raw.trim() === "") continue;
    let record: z.infer<T>;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new ArtifactError(`${file}:${line}: not valid JSON (${(error as Error).message})`, { file, line });
      }
      record = parseAt(schema, value, { file, line });
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
 * Writes records to a temp file and renames it over the target only on `commit()`,
 * so a failed run leaves the previous artifact intact.
 */
export class AtomicJsonlWriter<T extends z.ZodType> {
  readonly file: string;
  private readonly tmp: string;
  private readonly schema: T;
  private stream: WriteStream | undefined;
  private count = 0;

  constructor(file: string, schema: T) {
    this.file = file;
    this.schema = schema;
    this.tmp = tempPath(file);
  }

  get written(): number {
    return this.count;
  }

  async write(record: z.infer<T>): Promise<void> {
    const checked = parseAt(this.schema, record, { file: this.file, line: this.count + 1 });
    if (!this.stream) {
      await mkdir(dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.tmp, "utf8");
    }
    this.count += 1;
    if (!this.stream.write(`${JSON.stringify(checked)}\n`)) {
      await new Promise<void>((resolve) => this.stream?.once("drain", resolve));
    }
  }

  async commit(): Promise<void> {
    if (!this.stream) {
      await writeFileAtomic(this.file, "");
      return;
    }
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    const stream = this.stream;
    if (stream && !stream.closed) {
      // Writes still buffered fail once the stream is destroyed; that no longer matters. Waiting for
      // "close" keeps a file that is still being opened from appearing after the rm below.
      stream.on("error", () => {});
      await new Promise<void>((resolve) => {
        stream.once("close", () => resolve());
        stream.destroy();
      });
    }
    await rm(this.tmp, { force: true });
  }
}
