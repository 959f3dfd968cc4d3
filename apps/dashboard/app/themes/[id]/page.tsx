import type { Metadata } from "next";
import Link from "next/link";
import { FrameId } from "@viewpoints/artifacts/statements";
import { notFound } from "next/navigation";
import type { Statement } from "@viewpoints/artifacts";
import { DataProblem } from "@/components/DataProblem";
import { LinkedBarChart, type ChartRow } from "@/components/LinkedBarChart";
import { StatementItem } from "@/components/StatementItem";
import { pageContext } from "@/lib/page-context";
import { FRAME_COLORS } from "@/lib/palette";
import { explorerHref } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Theme" };

const FRAMES = FrameId.options;
/** Statements shown per analyst column; the rest are one click away in the explorer. */
const PER_COLUMN = 12;
const OTHERS_SHOWN = 20;

export default async function ThemePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers, sourceTitle } = page.ctx;
  const known = labels.themeIds(data.metrics.speaker_theme.map((r) => r.theme_id));
  if (!known.includes(id)) notFound();
  const sv = labels.lang === "sv";
  const bySpeaker = new Map<string, Statement[]>();
  for (const s of data.statements.all) {
    if (!s.themes.includes(id)) continue;
    const list = bySpeaker.get(s.speaker_id);
    if (list) list.push(s);
    else bySpeaker.set(s.speaker_id, [s]);
  }
  const addressing = speakers.all.filter((s) => bySpeaker.has(s.speaker_id));
  const rows: ChartRow[] = addressing.map((sp) => {
    const own = bySpeaker.get(sp.speaker_id) ?? [];
    return {
      label: sp.speaker_name,
      cells: Object.fromEntries(
        FRAMES.map((f) => {
          const n = own.filter((s) => s.frame === f).length;
          return [
            f,
            {
              value: n,
              href: explorerHref({ speaker: [sp.speaker_id], theme: [id], frame: [f] }),
              lowN: own.length < data.metrics.low_n_threshold,
              text: `${sp.speaker_name}, ${labels.frame(f)}: ${n} ${sv ? "uttalanden" : "statements"}`,
            },
          ];
        }),
      ),
    };
  });
  const description = data.codebook?.themes.find((t) => t.id === id)?.description;
  const comparedHere = speakers.compared.filter((s) => bySpeaker.has(s.speaker_id));
  const silent = speakers.compared.filter((s) => !bySpeaker.has(s.speaker_id));
  const others = addressing.filter((s) => !s.compared);
  return (
    <>
      <p className="muted">
        <Link href="/themes">{sv ? "Teman" : "Themes"}</Link>
      </p>
      <h1>{labels.theme(id)}</h1>
      {description ? <p className="lede">{description}</p> : null}
      <section aria-labelledby="who">
        <h2 id="who">{sv ? "Vem tar upp temat, och hur" : "Who addresses it, and how"}</h2>
        {rows.length ? (
          <LinkedBarChart
            rows={rows}
            series={FRAMES.map((f) => ({ key: f, label: labels.frame(f), color: FRAME_COLORS[f]! }))}
            stacked
            label={sv ? "Uttalanden om temat per talare och ram" : "Statements on the theme per speaker and frame"}
          />
        ) : (
          <p>{sv ? "Ingen talare tar upp temat." : "No speaker addresses this theme."}</p>
        )}
        <div className="table-wrap">
          <table data-table="theme-speakers">
            <caption>{sv ? "Uttalanden om temat per talare och ram" : "Statements on the theme per speaker and frame"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Talare" : "Speaker"}</th>
                {FRAMES.map((f) => (
                  <th key={f} scope="col" className="num">
                    {labels.frame(f)}
                  </th>
                ))}
                <th scope="col" className="num">{sv ? "Totalt" : "Total"}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const sp = addressing[i]!;
                return (
                  <tr key={sp.speaker_id}>
                    <th scope="row">
                      <Link href={`/analysts/${encodeURIComponent(sp.speaker_id)}`}>{sp.speaker_name}</Link>
                    </th>
                    {FRAMES.map((f) => (
                      <td key={f} className="num">
                        <Link href={row.cells[f]!.href}>{row.cells[f]!.value}</Link>
                      </td>
                    ))}
                    <td className="num">
                      <Link href={explorerHref({ speaker: [sp.speaker_id], theme: [id] })}>{bySpeaker.get(sp.speaker_id)?.length ?? 0}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {silent.length ? (
          <p>
            {sv ? "Tar inte upp temat: " : "Do not address it: "}
            {silent.map((s) => s.speaker_name).join(", ")}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side">{sv ? "Analytikerna sida vid sida" : "The analysts side by side"}</h2>
        <div className="columns">
          {comparedHere.map((sp) => {
            const own = bySpeaker.get(sp.speaker_id) ?? [];
            return (
              <section key={sp.speaker_id} className="column" style={{ borderTopColor: speakers.color(sp.speaker_id) }} aria-labelledby={`col-${sp.speaker_id}`}>
                <h3 id={`col-${sp.speaker_id}`}>
                  <Link href={`/analysts/${encodeURIComponent(sp.speaker_id)}`}>{sp.speaker_name}</Link> ({own.length})
                </h3>
                <ul className="statements">
                  {own.slice(0, PER_COLUMN).map((s) => (
                    <StatementItem key={s.statement_id} statement={s} labels={labels} source={sourceTitle(s.doc_id)} showSpeaker={false} />
                  ))}
                </ul>
                {own.length > PER_COLUMN ? (
                  <Link href={explorerHref({ speaker: [sp.speaker_id], theme: [id] })}>{sv ? `Alla ${own.length}` : `All ${own.length}`}</Link>
                ) : null}
              </section>
            );
          })}
        </div>
      </section>
      {others.length ? (
        <section aria-labelledby="others">
          <h2 id="others">{sv ? "Övriga talare" : "Other speakers"}</h2>
          <ul className="statements">
            {others
              .flatMap((sp) => bySpeaker.get(sp.speaker_id) ?? [])
              .slice(0, OTHERS_SHOWN)
              .map((s) => (
                <StatementItem key={s.statement_id} statement={s} labels={labels} source={sourceTitle(s.doc_id)} />
              ))}
          </ul>
          <Link href={explorerHref({ speaker: others.map((s) => s.speaker_id), theme: [id] })}>
            {sv ? "Alla övriga talares uttalanden om temat" : "All other speakers' statements on this theme"}
          </Link>
        </section>
      ) : null}
    </>
  );
}
