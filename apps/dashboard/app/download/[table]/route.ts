import { type NextRequest } from "next/server";
import { renderTable } from "@viewpoints/metrics";
import { loadDashboard } from "@/lib/data";
import { toUiLang } from "@/lib/labels";

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** One metrics table as CSV, rendered by the same function as `pnpm export`. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  if (!/^[a-z][a-z_]*$/.test(table)) return text(400, `unknown table "${table}"`);
  const loaded = await loadDashboard();
  if (loaded.kind === "missing") return text(404, `no pipeline output: run \`pnpm pipeline\` (missing ${loaded.files.join(", ")})`);
  if (loaded.kind === "invalid") return text(500, loaded.message);
  const lang = toUiLang(request.nextUrl.searchParams.get("lang") ?? undefined);
  let csv: string;
  try {
    csv = renderTable(table, loaded.data.metrics, loaded.data.manifest, { lang, bom: true });
  } catch (error) {
    return text(501, `the CSV export of "${table}" is not available: ${(error as Error).message}`);
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table}.csv"`,
      "cache-control": "no-store",
    },
  });
}
