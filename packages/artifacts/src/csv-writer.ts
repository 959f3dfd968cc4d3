import Papa from "papaparse";
import { csvCell } from "./csv";
import { AtomicTextWriter } from "./io";

/** Renders rows as CSV lines in a fixed column order (arrays joined with ";"), each line ending in "\n". */
export function renderCsvRows(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const data = rows.map((row) => columns.map((c) => csvCell(row[c])));
  return `${Papa.unparse(data, { newline: "\n" })}\n`;
}

/**
 * Streams rows to a CSV file with a fixed column order (UTF-8, header row, arrays joined with ";")
 * through a temp file renamed over the target only on `commit()`: memory stays flat and a failed
 * run leaves the previous file intact.
 */
export class AtomicCsvWriter {
  readonly file: string;
  private readonly columns: readonly string[];
  private readonly out: AtomicTextWriter;
  private opened = false;

  constructor(file: string, columns: readonly string[]) {
    this.file = file;
    this.columns = columns;
    this.out = new AtomicTextWriter(file);
  }

  async write(rows: readonly Record<string, unknown>[]): Promise<void> {
    await this.writeRendered(renderCsvRows(this.columns, rows));
  }

  /** Appends lines already made by `renderCsvRows` with this writer's columns (in a worker or from a cache). */
  async writeRendered(lines: string): Promise<void> {
    await this.open();
    await this.out.write(lines);
  }

  async commit(): Promise<void> {
    await this.open();
    await this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }

  // The header goes first, also into a file that gets no rows.
  private async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    await this.out.write(`${Papa.unparse([[...this.columns]], { newline: "\n" })}\n`);
  }
}
