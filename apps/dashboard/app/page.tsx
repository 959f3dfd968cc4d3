import Link from "next/link";
import { runMismatch } from "@viewpoints/metrics/export";
import { DataProblem } from "@/components/DataProblem";
import { DownloadLink } from "@/components/DownloadLink";
import { SpeakerTable } from "@/components/SpeakerTable";
import { number } from "@/lib/format";
import { pageContext } from "@/lib/page-context";
import { explorerHref } from "@/lib/statement-query";

const OTHER_SPEAKERS_SHOWN = 30;
/** A large corpus lists its sources in the CSV and the explorer's source filter, not in one huge table. */
const SOURCES_SHOWN = 100;

export default async function OverviewPage() {
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers } = page.ctx;
  const { metrics } = data;
  const sv = labels.lang === "sv";
  const dates = metrics.sources.map((s) => s.published).filter((d): d is string => d !== null).sort();
  const others = speakers.all.filter((s) => !s.compared);
  const mismatch = runMismatch(metrics, data.manifest);
  return (
    <>
      <h1>{sv ? "Översikt" : "Overview"}</h1>
      <p className="lede">
        {sv
          ? "Vad analytikerna säger om risker och konsekvenser, utläst ur attribuerade och kodade uttalanden i källtexterna."
          : "What analysts say about risks and consequences, read from attributed and coded statements in the source texts."}
      </p>
      <section aria-labelledby="corpus">
        <h2 id="corpus">{sv ? "Korpus" : "Corpus"}</h2>
        <ul className="stats">
          <li>
            <strong>{number(metrics.sources.length)}</strong> {sv ? "källor" : "sources"}
          </li>
          <li>
            <strong>
              <Link href={explorerHref({})}>{number(data.statements.all.length)}</Link>
            </strong>{" "}
            {sv ? "uttalanden" : "statements"}
          </li>
          <li>
            <strong>{number(metrics.speakers.length)}</strong> {sv ? "talare" : "speakers"}
          </li>
          <li>
            <strong>{dates.length ? `${dates[0]} – ${dates[dates.length - 1]}` : "—"}</strong> {sv ? "publicerat" : "published"}
          </li>
        </ul>
        <p className="muted">
          Run <code>{metrics.run_id}</code> · codebook <code>{metrics.codebook_version}</code> · {sv ? "skapad" : "created"} {data.manifest.created_at}
          {data.codebook || metrics.theme_labels ? null : (
            <>
              {" "}
              · <span className="notice">data/codebook.json not found: labels show theme ids</span>
            </>
          )}
        </p>
        {mismatch ? (
          <p className="notice" role="status">
            {mismatch}
          </p>
        ) : null}
        <div className="table-wrap">
          <table>
            <caption>{sv ? "Språk" : "Languages"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Språk" : "Language"}</th>
                <th scope="col" className="num">{sv ? "Källor" : "Sources"}</th>
                <th scope="col" className="num">{sv ? "Uttalanden" : "Statements"}</th>
                <th scope="col" className="num">{sv ? "Talare" : "Speakers"}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.languages.map((l) => (
                <tr key={l.lang}>
                  <th scope="row">{labels.language(l.lang)}</th>
                  <td className="num">{number(l.documents)}</td>
                  <td className="num">
                    <Link href={explorerHref({ lang: [l.lang] })}>{number(l.statements)}</Link>
                  </td>
                  <td className="num">{number(l.speakers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="languages" lang={labels.lang} label={sv ? "språk" : "languages"} />
        <div className="table-wrap">
          <table>
            <caption>
              {metrics.sources.length > SOURCES_SHOWN
                ? sv
                  ? `De första ${SOURCES_SHOWN} av ${metrics.sources.length} källor (alla finns i CSV-filen)`
                  : `The first ${SOURCES_SHOWN} of ${metrics.sources.length} sources (all are in the CSV)`
                : sv
                  ? "Källor"
                  : "Sources"}
            </caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Titel" : "Title"}</th>
                <th scope="col">{sv ? "Utgivare" : "Outlet"}</th>
                <th scope="col">{sv ? "Publicerad" : "Published"}</th>
                <th scope="col">{sv ? "Språk" : "Language"}</th>
                <th scope="col" className="num">{sv ? "Uttalanden" : "Statements"}</th>
                <th scope="col" className="num">{sv ? "Talare" : "Speakers"}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.sources.slice(0, SOURCES_SHOWN).map((s) => (
                <tr key={s.doc_id}>
                  <th scope="row">
                    <Link href={`/documents/${encodeURIComponent(s.doc_id)}`}>{s.title ?? s.file}</Link>
                  </th>
                  <td>{s.outlet ?? "—"}</td>
                  <td>{s.published ?? "—"}</td>
                  <td>{labels.language(s.lang)}</td>
                  <td className="num">
                    <Link href={explorerHref({ doc: [s.doc_id] })}>{number(s.statements)}</Link>
                  </td>
                  <td className="num">{number(s.speakers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="sources" lang={labels.lang} label={sv ? "källor" : "sources"} />
      </section>
      <section aria-labelledby="analysts">
        <h2 id="analysts">{sv ? "Jämförda analytiker" : "Compared analysts"}</h2>
        <SpeakerTable rows={speakers.compared} caption={sv ? "Analytiker i data/analysts.json" : "Analysts listed in data/analysts.json"} labels={labels} color={speakers.color} />
        <DownloadLink table="speakers" lang={labels.lang} label={sv ? "talare" : "speakers"} />
        {others.length ? (
          <>
            <h3>{sv ? "Övriga talare" : "Other speakers"}</h3>
            <SpeakerTable
              rows={others.slice(0, OTHER_SPEAKERS_SHOWN)}
              caption={
                others.length > OTHER_SPEAKERS_SHOWN
                  ? sv
                    ? `De ${OTHER_SPEAKERS_SHOWN} mest citerade av ${others.length}`
                    : `The ${OTHER_SPEAKERS_SHOWN} most quoted of ${others.length}`
                  : sv
                    ? "Medförfattare, andra experter och tjänstemän"
                    : "Co-authors, other experts and officials"
              }
              labels={labels}
            />
            {others.length > OTHER_SPEAKERS_SHOWN ? <Link href="/analysts">{sv ? "Alla talare" : "All speakers"}</Link> : null}
          </>
        ) : null}
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{sv ? "Så läser du resten" : "How to read the rest"}</h2>
        <ul>
          <li>
            <Link href="/compare">{sv ? "Jämför analytiker" : "Compare analysts"}</Link>:{" "}
            {sv
              ? "temaprofil per analytiker på en gemensam skala, balansen mellan risk, konsekvens och bedömning, andel reservationer och hur lika profilerna är."
              : "each analyst's theme profile on one shared scale, the balance of risk, consequence and assessment, the share hedged, and how similar the profiles are."}
          </li>
          <li>
            <Link href="/themes">{sv ? "Teman" : "Themes"}</Link>:{" "}
            {sv ? "vem som tar upp ett tema, hur, och deras uttalanden sida vid sida." : "who addresses a theme, how, and their statements side by side."}
          </li>
          <li>
            <Link href="/statements">{sv ? "Uttalanden" : "Statements"}</Link>:{" "}
            {sv ? "filtrera alla uttalanden; varje uttalande länkar till sin plats i källtexten." : "filter every statement; each links to its place in the source text."}
          </li>
          <li>
            {sv
              ? "Siffror som vilar på färre än "
              : "Figures resting on fewer than "}
            {metrics.low_n_threshold}
            {sv ? " uttalanden är markerade ”lågt n” och visas blekare: läs dem med försiktighet." : " statements are marked “low n” and drawn paler: read them with caution."}
          </li>
        </ul>
      </section>
    </>
  );
}
