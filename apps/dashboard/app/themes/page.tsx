import type { Metadata } from "next";
import Link from "next/link";
import { DataProblem } from "@/components/DataProblem";
import { pageContext } from "@/lib/page-context";
import { explorerHref } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Themes" };

export default async function ThemesPage() {
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels } = page.ctx;
  const sv = labels.lang === "sv";
  const counts = new Map<string, number>();
  for (const row of data.metrics.speaker_theme) counts.set(row.theme_id, (counts.get(row.theme_id) ?? 0) + row.count);
  const agreement = new Map(data.metrics.theme_agreement.map((r) => [r.theme_id, r]));
  const descriptions = new Map(data.codebook?.themes.map((t) => [t.id, t.description]) ?? []);
  return (
    <>
      <h1>{sv ? "Teman" : "Themes"}</h1>
      <p className="lede">{sv ? "Välj ett tema för att se vem som tar upp det och hur." : "Pick a theme to see who addresses it and how."}</p>
      <div className="table-wrap">
        <table>
          <caption>{sv ? "Teman i kodboken" : "Themes in the codebook"}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? "Tema" : "Theme"}</th>
              <th scope="col">{sv ? "Vad som räknas" : "What counts"}</th>
              <th scope="col" className="num">{sv ? "Uttalanden" : "Statements"}</th>
              <th scope="col" className="num">{sv ? "Analytiker" : "Analysts"}</th>
            </tr>
          </thead>
          <tbody>
            {labels.themeIds(counts.keys()).map((id) => (
              <tr key={id}>
                <th scope="row">
                  <Link href={`/themes/${id}`}>{labels.theme(id)}</Link>
                </th>
                <td>{descriptions.get(id) ?? "—"}</td>
                <td className="num">
                  <Link href={explorerHref({ theme: [id] })}>{counts.get(id) ?? 0}</Link>
                </td>
                <td className="num">
                  {agreement.get(id)?.analysts_addressing ?? 0} / {data.metrics.compared.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
