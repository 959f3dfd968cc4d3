import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Statement } from "@viewpoints/artifacts";
import { DataProblem } from "@/components/DataProblem";
import { LinkedBarChart, type ChartRow } from "@/components/LinkedBarChart";
import { StatementItem } from "@/components/StatementItem";
import { number, percent } from "@/lib/format";
import { pageContext } from "@/lib/page-context";
import { explorerHref } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Analyst" };

/** Statements listed per theme group; the rest are one click away in the explorer. */
const PER_GROUP = 25;
const NO_THEME = "";

export default async function AnalystPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers, sourceTitle } = page.ctx;
  const speaker = speakers.get(id);
  if (!speaker) notFound();
  const sv = labels.lang === "sv";
  const own = speaker.statement_ids.map((sid) => data.statements.byId.get(sid)).filter((s): s is Statement => s !== undefined);
  const groups = new Map<string, Statement[]>();
  for (const s of own) {
    for (const theme of s.themes.length ? s.themes : [NO_THEME]) {
      const list = groups.get(theme);
      if (list) list.push(s);
      else groups.set(theme, [s]);
    }
  }
  const themeRows = data.metrics.speaker_theme.filter((r) => r.speaker_id === id);
  const order = labels.themeIds(themeRows.map((r) => r.theme_id));
  const rows: ChartRow[] = order.map((t) => {
    const row = themeRows.find((r) => r.theme_id === t);
    return {
      label: labels.theme(t),
      cells: {
        [id]: {
          value: row?.share ?? 0,
          href: explorerHref({ speaker: [id], theme: [t] }),
          lowN: row?.low_n ?? true,
          text: `${labels.theme(t)}: ${percent(row?.share ?? 0)} (${row?.count ?? 0} ${sv ? "uttalanden" : "statements"})`,
        },
      },
    };
  });
  const frames = [
    ["risk", speaker.share_risk],
    ["consequence", speaker.share_consequence],
    ["assessment", speaker.share_assessment],
  ] as const;
  const groupIds = [...order.filter((t) => groups.has(t)), ...(groups.has(NO_THEME) ? [NO_THEME] : [])];
  return (
    <>
      <p className="muted">
        <Link href="/analysts">{sv ? "Analytiker" : "Analysts"}</Link>
      </p>
      <h1>{speaker.speaker_name}</h1>
      <p className="lede">
        {speaker.speaker_role || (sv ? "Roll okänd" : "Role unknown")}
        {speaker.compared ? (sv ? " · jämförd analytiker" : " · compared analyst") : null}
      </p>
      <section aria-labelledby="profile">
        <h2 id="profile">{sv ? "Profil" : "Profile"}</h2>
        <ul className="stats">
          <li>
            <strong>
              <Link href={explorerHref({ speaker: [id] })}>{number(speaker.statements)}</Link>
            </strong>
            {sv ? "uttalanden" : "statements"}
            {speaker.low_n ? <span className="low-n-mark"> ({sv ? "lågt n" : "low n"})</span> : null}
          </li>
          <li>
            <strong>{number(speaker.documents)}</strong> {sv ? "källor" : "sources"}
          </li>
          <li>
            <strong>{number(speaker.words_quoted)}</strong> {sv ? "ord citerade" : "words quoted"}
          </li>
          <li>
            <strong>
              <Link href={explorerHref({ speaker: [id], hedged: true })}>{percent(speaker.share_hedged)}</Link>
            </strong>
            {sv ? "reserverade" : "hedged"}
          </li>
          {frames.map(([f, share]) => (
            <li key={f}>
              <strong>
                <Link href={explorerHref({ speaker: [id], frame: [f] })}>{percent(share)}</Link>
              </strong>
              {labels.frame(f)}
            </li>
          ))}
        </ul>
        <p>
          {sv ? "Språk: " : "Languages: "}
          {speaker.languages.map((l) => labels.language(l)).join(", ") || "—"}. {sv ? "Källor: " : "Sources: "}
          {speaker.sources.map((doc, i) => (
            <span key={doc}>
              {i ? ", " : ""}
              <Link href={`/documents/${encodeURIComponent(doc)}`}>{sourceTitle(doc)}</Link>
            </span>
          ))}
        </p>
        <h3>{sv ? "Temaprofil" : "Theme profile"}</h3>
        <LinkedBarChart
          rows={rows}
          series={[{ key: id, label: speaker.speaker_name, color: speakers.color(id) }]}
          percent
          label={sv ? `Andel av ${speaker.speaker_name}s uttalanden per tema` : `Share of ${speaker.speaker_name}'s statements per theme`}
        />
        <div className="table-wrap">
          <table data-table="analyst-themes">
            <caption>{sv ? "Temaprofil som tabell" : "Theme profile as a table"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Tema" : "Theme"}</th>
                <th scope="col" className="num">{sv ? "Andel" : "Share"}</th>
                <th scope="col" className="num">{sv ? "Antal" : "Count"}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const cell = row.cells[id]!;
                return (
                  <tr key={order[i]} className={cell.lowN ? "low-n" : undefined}>
                    <th scope="row">
                      <Link href={`/themes/${order[i]}`}>{row.label}</Link>
                    </th>
                    <td className="num">{percent(cell.value)}</td>
                    <td className="num">
                      <Link href={cell.href}>{themeRows.find((r) => r.theme_id === order[i])?.count ?? 0}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="by-theme">
        <h2 id="by-theme">{sv ? "Uttalanden per tema" : "Statements by theme"}</h2>
        {groupIds.map((t) => {
          const list = groups.get(t) ?? [];
          const title = t === NO_THEME ? (sv ? "Inget tema" : "No theme") : labels.theme(t);
          return (
            <section key={t || "none"} aria-labelledby={`group-${t || "none"}`}>
              <h3 id={`group-${t || "none"}`}>
                {title} ({list.length})
              </h3>
              <ul className="statements">
                {list.slice(0, PER_GROUP).map((s) => (
                  <StatementItem key={s.statement_id} statement={s} labels={labels} source={sourceTitle(s.doc_id)} showSpeaker={false} />
                ))}
              </ul>
              {list.length > PER_GROUP && t !== NO_THEME ? (
                <Link href={explorerHref({ speaker: [id], theme: [t] })}>{sv ? `Alla ${list.length}` : `All ${list.length}`}</Link>
              ) : null}
            </section>
          );
        })}
      </section>
    </>
  );
}
