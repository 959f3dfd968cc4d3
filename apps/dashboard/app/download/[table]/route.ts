import { type NextRequest } from "next/server";
import { exportFileName, listTables, renderTable } from "@viewpoints/metrics/export";
import { loadDashboard } from "@/lib/data";
import { toUiLang } from "@/lib/labels";
import { parseFilter, queryStatements } from "@/lib/statement-query";

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * One table as CSV, rendered by the same function as `pnpm export`. The statements table takes the
 * explorer's filters from the query, so a download holds exactly the statements the explorer shows.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  if (!listTables().some((t) => t.name === table)) return text(404, `unknown table "${table}"; tables: ${listTables().map((t) => t.name).join(", ")}`);
  const loaded = await loadDashboard();
  if (loaded.kind === "missing") return text(404, `no pipeline output: run \`pnpm pipeline\` (missing ${loaded.files.join(", ")})`);
  if (loaded.kind === "invalid") return text(500, loaded.message);
  const { metrics, manifest, statements } = loaded.data;
  const query = request.nextUrl.searchParams;
  // "labels", not "lang": lang is the explorer's language filter.
  const lang = toUiLang(query.get("labels") ?? undefined);
  let csv: string;
  try {
    const filter = parseFilter(Object.fromEntries([...new Set(query.keys())].map((k) => [k, query.getAll(k)])));
    const rows = table === "statements" ? queryStatements(statements, filter, 1, Number.MAX_SAFE_INTEGER).items : undefined;
    csv = renderTable(table, metrics, manifest, { lang, bom: true, ...(rows ? { statements: rows } : {}) });
  } catch (error) {
    return text(409, `cannot export "${table}": ${(error as Error).message}`);
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(table, manifest)}"`,
      "cache-control": "no-store",
    },
  });
}
