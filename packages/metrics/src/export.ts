import type { Metrics, RunManifest } from "@viewpoints/artifacts";

export interface ExportOptions {
  /** Labels in English or Swedish (the codebook carries both). */
  lang: "en" | "sv";
  /** Prepend a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom: boolean;
}

export interface TableInfo {
  name: string;
  description: string;
  columns: string[];
}

/** The tables `pnpm export` writes and the dashboard offers for download. Stub until the metrics stage lands. */
export function listTables(): TableInfo[] {
  return [];
}

/**
 * Renders one table as CSV text (header row, stable column order, formula-safe cells).
 * The single implementation behind both `pnpm export` and the dashboard's download buttons.
 */
export function renderTable(_name: string, _metrics: Metrics, _manifest: RunManifest, _options: ExportOptions): string {
  throw new Error("not implemented");
}
