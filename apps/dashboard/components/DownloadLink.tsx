import type { UiLang } from "@/lib/labels";

/**
 * A CSV download of one table, rendered by the export module (same output as `pnpm export`).
 * `query` carries explorer filters for the statements table.
 */
export function DownloadLink({ table, lang, label, query }: { table: string; lang: UiLang; label: string; query?: string }) {
  const params = new URLSearchParams(query);
  params.set("labels", lang);
  return (
    <a className="download" href={`/download/${table}?${params.toString()}`} download data-table={table}>
      {lang === "sv" ? `Ladda ner ${label} (CSV)` : `Download ${label} (CSV)`}
    </a>
  );
}
