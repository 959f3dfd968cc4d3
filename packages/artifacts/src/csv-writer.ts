import { csvCell } from "./csv";
import { AtomicTextWriter } from "./io";

/**
 * Renders rows as CSV lines in a fixed column order (arrays joined with ";"), each line ending in "\n",
 * exactly as `Papa.unparse` would (its quoting rules, without its per-cell regex and config work).
 */
export function renderCsvRows(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  let out = "";
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) out += ",";
      out += quoteCsvCell(csvCell(row[columns[c]!]));
    }
    out += "\n";
  }
  return out;
}

// Papa.unparse quotes a cell holding a quote, comma, CR, LF or byte-order mark, or starting or ending with a space.
const NEEDS_QUOTES = /[\r\n",\uFEFF]/;

function quoteCsvCell(cell: string): string {
  if (NEEDS_QUOTES.test(cell) || cell.startsWith(" ") || cell.endsWith(" ")) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
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
    await this.out.write(`${this.columns.map(quoteCsvCell).join(",")}\n`);
  }
}
