import type { Metadata } from "next";
import Link from "next/link";
import { FrameId } from "@viewpoints/artifacts/statements";
import { DataProblem } from "@/components/DataProblem";
import { DownloadLink } from "@/components/DownloadLink";
import { LinkedBarChart, type ChartCell, type ChartRow } from "@/components/LinkedBarChart";
import { SimilarityHeatmap } from "@/components/SimilarityHeatmap";
import { percent } from "@/lib/format";
import { pageContext } from "@/lib/page-context";
import { FRAME_COLORS } from "@/lib/palette";
import { explorerHref } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Compare analysts" };

const FRAMES = FrameId.options;

export default async function ComparePage() {
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers } = page.ctx;
  const { metrics } = data;
  const sv = labels.lang === "sv";
  const analysts = speakers.compared;
  const lowN = sv ? "lågt n" : "low n";
  const statementsWord = sv ? "uttalanden" : "statements";
  const themeIds = labels.themeIds(metrics.speaker_theme.map((r) => r.theme_id));
  const themeCell = (speakerId: string, themeId: string) => metrics.speaker_theme.find((r) => r.speaker_id === speakerId && r.theme_id === themeId);
  const frameCell = (speakerId: string, frame: string) => metrics.speaker_frame.find((r) => r.speaker_id === speakerId && r.frame === frame);

  /** A share figure as a chart mark: value, link to its statements, and a spoken description. */
  const shareCell = (who: string, what: string, row: { share: number; count: number; low_n: boolean } | undefined, href: string): ChartCell => {
    const low = row?.low_n ?? true;
    return { value: row?.share ?? 0, href, lowN: low, text: `${who}, ${what}: ${percent(row?.share ?? 0)} (${row?.count ?? 0} ${statementsWord})${low ? `, ${lowN}` : ""}` };
  };
  const themeRows: ChartRow[] = themeIds.map((t) => ({
    label: labels.theme(t),
    cells: Object.fromEntries(
      analysts.map((a) => [a.speaker_id, shareCell(a.speaker_name, labels.theme(t), themeCell(a.speaker_id, t), explorerHref({ speaker: [a.speaker_id], theme: [t] }))]),
    ),
  }));
  const frameRows: ChartRow[] = analysts.map((a) => ({
    label: a.speaker_name,
    cells: Object.fromEntries(FRAMES.map((f) => [f, shareCell(a.speaker_name, labels.frame(f), frameCell(a.speaker_id, f), explorerHref({ speaker: [a.speaker_id], frame: [f] }))])),
  }));
  const hedgedRows: ChartRow[] = analysts.map((a) => ({
    label: a.speaker_name,
    cells: {
      hedged: {
        value: a.share_hedged,
        href: explorerHref({ speaker: [a.speaker_id], hedged: true }),
        lowN: a.low_n,
        text: `${a.speaker_name}: ${percent(a.share_hedged)} ${sv ? "reserverade" : "hedged"} (${a.statements} ${statementsWord})${a.low_n ? `, ${lowN}` : ""}`,
      },
    },
  }));
  const analystSeries = analysts.map((a) => ({ key: a.speaker_id, label: a.speaker_name, color: speakers.color(a.speaker_id) }));

  return (
    <>
      <h1>{sv ? "Jämför analytiker" : "Compare analysts"}</h1>
      <p className="lede">
        {sv
          ? "Andelar räknas på varje analytikers egna uttalanden, så profilerna går att jämföra trots olika antal. Bleka, streckade staplar och * vilar på färre än "
          : "Shares are of each analyst's own statements, so profiles compare despite different volumes. Pale, dashed bars and * rest on fewer than "}
        {metrics.low_n_threshold} {statementsWord}.
      </p>

      <section aria-labelledby="themes">
        <h2 id="themes">{sv ? "Temaprofil" : "Theme profile"}</h2>
        <LinkedBarChart
          rows={themeRows}
          series={analystSeries}
          percent
          label={sv ? "Andel av analytikerns uttalanden per tema" : "Share of each analyst's statements per theme"}
        />
        <div className="table-wrap">
          <table data-table="theme-profile">
            <caption>{sv ? "Temaprofil som tabell: andel (antal)" : "Theme profile as a table: share (count)"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Tema" : "Theme"}</th>
                {analysts.map((a) => (
                  <th key={a.speaker_id} scope="col" className="num">
                    {a.speaker_name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themeIds.map((t) => (
                <tr key={t}>
                  <th scope="row">
                    <Link href={`/themes/${t}`}>{labels.theme(t)}</Link>
                  </th>
                  {analysts.map((a) => {
                    const row = themeCell(a.speaker_id, t);
                    return (
                      <td key={a.speaker_id} className={`num${row?.low_n ? " low-n" : ""}`}>
                        {row && row.count > 0 ? (
                          <Link href={explorerHref({ speaker: [a.speaker_id], theme: [t] })}>
                            {percent(row.share)} ({row.count}){row.low_n ? "*" : ""}
                          </Link>
                        ) : (
                          "0"
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="speaker_theme" lang={labels.lang} label={sv ? "talare × tema" : "speaker × theme"} />
      </section>

      <section aria-labelledby="frames">
        <h2 id="frames">{sv ? "Risk, konsekvens eller bedömning" : "Risk, consequence or assessment"}</h2>
        <div className="grid-2">
          <LinkedBarChart
            rows={frameRows}
            series={FRAMES.map((f) => ({ key: f, label: labels.frame(f), color: FRAME_COLORS[f]! }))}
            stacked
            percent
            label={sv ? "Fördelning av ramar per analytiker" : "Balance of frames per analyst"}
          />
          <LinkedBarChart
            rows={hedgedRows}
            series={[{ key: "hedged", label: sv ? "Andel reserverade" : "Share hedged", color: "#CC79A7" }]}
            percent
            max={1}
            label={sv ? "Andel reserverade uttalanden" : "Share of hedged statements"}
          />
        </div>
        <div className="table-wrap">
          <table data-table="frames">
            <caption>{sv ? "Ramar och reservationer som tabell" : "Frames and hedging as a table"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Analytiker" : "Analyst"}</th>
                {FRAMES.map((f) => (
                  <th key={f} scope="col" className="num">
                    {labels.frame(f)}
                  </th>
                ))}
                <th scope="col" className="num">{sv ? "Reserverade" : "Hedged"}</th>
                <th scope="col" className="num">n</th>
              </tr>
            </thead>
            <tbody>
              {analysts.map((a) => (
                <tr key={a.speaker_id} className={a.low_n ? "low-n" : undefined}>
                  <th scope="row">
                    <Link href={`/analysts/${encodeURIComponent(a.speaker_id)}`}>{a.speaker_name}</Link>
                  </th>
                  {FRAMES.map((f) => {
                    const row = frameCell(a.speaker_id, f);
                    return (
                      <td key={f} className="num">
                        <Link href={explorerHref({ speaker: [a.speaker_id], frame: [f] })}>
                          {percent(row?.share ?? 0)} ({row?.count ?? 0})
                        </Link>
                      </td>
                    );
                  })}
                  <td className="num">
                    <Link href={explorerHref({ speaker: [a.speaker_id], hedged: true })}>{percent(a.share_hedged)}</Link>
                  </td>
                  <td className="num">
                    <Link href={explorerHref({ speaker: [a.speaker_id] })}>{a.statements}</Link>
                    {a.low_n ? "*" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="speaker_frame" lang={labels.lang} label={sv ? "talare × ram" : "speaker × frame"} />
      </section>

      <section aria-labelledby="similarity">
        <h2 id="similarity">{sv ? "Hur lika är profilerna?" : "How similar are the profiles?"}</h2>
        <SimilarityHeatmap analysts={analysts} rows={metrics.similarity} labels={labels} />
        <DownloadLink table="similarity" lang={labels.lang} label={sv ? "likhet" : "similarity"} />
      </section>

      <section aria-labelledby="agreement">
        <h2 id="agreement">{sv ? "Där de är eniga och där de skiljer sig" : "Where they agree and where they differ"}</h2>
        <div className="table-wrap">
          <table data-table="agreement">
            <caption>{sv ? "Per tema: hur många analytiker som tar upp det och hur lika vikt de ger det" : "Per theme: how many analysts address it and how evenly they weigh it"}</caption>
            <thead>
              <tr>
                <th scope="col">{sv ? "Tema" : "Theme"}</th>
                <th scope="col" className="num">{sv ? "Analytiker" : "Analysts"}</th>
                <th scope="col" className="num">{sv ? "Spridning" : "Spread"}</th>
                <th scope="col">{sv ? "Bedömning" : "Verdict"}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.theme_agreement.map((row) => (
                <tr key={row.theme_id}>
                  <th scope="row">
                    <Link href={`/themes/${row.theme_id}`}>{labels.theme(row.theme_id)}</Link>
                  </th>
                  <td className="num">
                    <Link href={explorerHref({ speaker: metrics.compared, theme: [row.theme_id] })}>
                      {row.analysts_addressing} / {row.analysts_total}
                    </Link>
                  </td>
                  <td className="num">{row.share_spread.toFixed(2)}</td>
                  <td>{VERDICTS[labels.lang][row.verdict]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="theme_agreement" lang={labels.lang} label={sv ? "enighet per tema" : "theme agreement"} />
      </section>
    </>
  );
}

const VERDICTS = {
  en: { agree: "agree", differ: "differ", neutral: "neutral" },
  sv: { agree: "eniga", differ: "skiljer sig", neutral: "neutral" },
} as const;
