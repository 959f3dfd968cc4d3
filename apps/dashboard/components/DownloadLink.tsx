import type { UiLang } from "@/lib/labels";

/** A CSV download of one metrics table, rendered by the export module (same output as `pnpm export`). */
export function DownloadLink({ table, lang, label }: { table: string; lang: UiLang; label: string }) {
  return (
    <a className="download" href={`/download/${table}?lang=${lang}`} download={`${table}.csv`} data-table={table}>
      {lang === "sv" ? `Ladda ner ${label} (CSV)` : `Download ${label} (CSV)`}
    </a>
  );
}
