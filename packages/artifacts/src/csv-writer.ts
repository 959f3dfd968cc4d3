import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import Papa from "papaparse";
import { csvCell } from "./csv";
import { tempPath } from "./io";

/**
 * Streams rows to a CSV file with a fixed column order (UTF-8, header row, arrays joined with ";")
 * through a temp file renamed over the target only on `commit()`: memory stays flat and a failed
 * run leaves the previous file intact.
 */
export class AtomicCsvWriter {
  readonly file: string;
  private readonly tmp: string;
  private readonly columns: readonly string[];
  private stream: WriteStream | undefined;

  constructor(file: string, columns: readonly string[]) {
    this.file = file;
    this.columns = columns;
    this.tmp = tempPath(file);
  }

  async write(rows: readonly Record<string, unknown>[]): Promise<void> {
    const stream = await this.open();
    if (rows.length === 0) return;
    const data = rows.map((row) => this.columns.map((c) => csvCell(row[c])));
    if (!stream.write(`${Papa.unparse(data, { newline: "\n" })}\n`)) {
      await new Promise<void>((resolve) => stream.once("drain", resolve));
    }
  }

  async commit(): Promise<void> {
    const stream = await this.open();
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await rm(this.tmp, { force: true });
  }

  private async open(): Promise<WriteStream> {
    if (this.stream) return this.stream;
    await mkdir(dirname(this.file), { recursive: true });
    this.stream = createWriteStream(this.tmp, "utf8");
    this.stream.write(`${Papa.unparse([[...this.columns]], { newline: "\n" })}\n`);
    return this.stream;
  }
}
