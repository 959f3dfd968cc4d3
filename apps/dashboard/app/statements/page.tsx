import type { Metadata } from "next";
import Link from "next/link";
import { FrameId, StatementKind } from "@viewpoints/artifacts/statements";
import { DataProblem } from "@/components/DataProblem";
import { DownloadLink } from "@/components/DownloadLink";
import { StatementItem } from "@/components/StatementItem";
import { number } from "@/lib/format";
import { limitOptions, type FilterOption } from "@/lib/option-limit";
import { pageContext } from "@/lib/page-context";
import { explorerHref, parseFilter, queryStatements, type SearchParams, type StatementFilter } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Statements" };

const PAGE_SIZE = 50;

/** A single-choice select; several values from a chart link show as one combined option. */
function FilterSelect({
  name,
  label,
  options: all,
  selected,
  anyLabel,
  moreLabel,
}: {
  name: string;
  label: string;
  options: FilterOption[];
  selected: string[];
  anyLabel: string;
  moreLabel?: (hidden: number) => string;
}) {
  const { shown: options, hidden } = limitOptions(all, selected);
  const value = selected.join(",");
  const combined = selected.length > 1 ? [{ value, label: selected.map((v) => options.find((o) => o.value === v)?.label ?? v).join(" + ") }] : [];
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {combined.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hidden > 0 && moreLabel ? <small className="muted">{moreLabel(hidden)}</small> : null}
    </label>
  );
}

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers, sourceTitle } = page.ctx;
  const sv = labels.lang === "sv";
  const filter: StatementFilter = parseFilter(params);
  const requested = Number.parseInt(String(params.page ?? "1"), 10);
  const result = queryStatements(data.statements, filter, Number.isFinite(requested) ? requested : 1, PAGE_SIZE);
  const any = sv ? "Alla" : "Any";
  const themeIds = labels.themeIds(data.metrics.speaker_theme.map((r) => r.theme_id));
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, result.page * result.pageSize);
  return (
    <>
      <h1>{sv ? "Uttalanden" : "Statements"}</h1>
      <form method="get" action="/statements" className="filters" role="search" aria-label={sv ? "Filtrera uttalanden" : "Filter statements"}>
        <label>
          {sv ? "Fritext" : "Text contains"}
          <input type="search" name="q" defaultValue={filter.q} />
        </label>
        <FilterSelect name="speaker" label={sv ? "Talare" : "Speaker"} anyLabel={any} selected={filter.speaker} options={speakers.all.map((s) => ({ value: s.speaker_id, label: s.speaker_name, weight: s.statements }))} moreLabel={(n) => (sv ? `${number(n)} talare till nås via sina sidor` : `${number(n)} more speakers: open them from their pages`)} />
        <FilterSelect name="theme" label={sv ? "Tema" : "Theme"} anyLabel={any} selected={filter.theme} options={themeIds.map((t) => ({ value: t, label: labels.theme(t) }))} />
        <FilterSelect
          name="frame"
          label={sv ? "Ram" : "Frame"}
          anyLabel={any}
          selected={filter.frame}
          options={FrameId.options.map((f) => ({ value: f, label: labels.frame(f) }))}
        />
        <FilterSelect
          name="kind"
          label={sv ? "Typ" : "Kind"}
          anyLabel={any}
          selected={filter.kind}
          options={StatementKind.options.map((k) => ({ value: k, label: labels.kind(k) }))}
        />
        <FilterSelect name="lang" label={sv ? "Språk" : "Language"} anyLabel={any} selected={filter.lang} options={data.metrics.languages.map((l) => ({ value: l.lang, label: labels.language(l.lang) }))} />
        <FilterSelect name="doc" label={sv ? "Källa" : "Source"} anyLabel={any} selected={filter.doc} options={data.metrics.sources.map((s) => ({ value: s.doc_id, label: s.title ?? s.doc_id, weight: s.statements }))} moreLabel={(n) => (sv ? `${number(n)} källor till nås via sina dokument` : `${number(n)} more sources: open them from their documents`)} />
        <FilterSelect
          name="hedged"
          label={sv ? "Reserverat" : "Hedged"}
          anyLabel={any}
          selected={filter.hedged === null ? [] : [String(filter.hedged)]}
          options={[
            { value: "true", label: sv ? "Ja" : "Yes" },
            { value: "false", label: sv ? "Nej" : "No" },
          ]}
        />
        <div className="actions">
          <button type="submit">{sv ? "Filtrera" : "Apply"}</button>
          <Link href="/statements">{sv ? "Rensa" : "Clear"}</Link>
        </div>
      </form>
      <p aria-live="polite" data-testid="result-count">
        {result.total === 0
          ? sv
            ? "Inga uttalanden matchar."
            : "No statement matches."
          : sv
            ? `${number(from)}–${number(to)} av ${number(result.total)} uttalanden`
            : `${number(from)}–${number(to)} of ${number(result.total)} statements`}
      </p>
      {result.total > 0 ? (
        <DownloadLink
          table="statements"
          lang={labels.lang}
          label={sv ? `dessa ${number(result.total)} uttalanden` : `these ${number(result.total)} statements`}
          query={explorerHref(filter).split("?")[1] ?? ""}
        />
      ) : null}
      <ul className="statements" data-testid="results">
        {result.items.map((s) => (
          <StatementItem key={s.statement_id} statement={s} labels={labels} source={sourceTitle(s.doc_id)} />
        ))}
      </ul>
      {result.pages > 1 ? (
        <nav className="pager" aria-label={sv ? "Sidor" : "Pages"}>
          {result.page > 1 ? <Link href={explorerHref(filter, result.page - 1)} rel="prev">{sv ? "← Föregående" : "← Previous"}</Link> : null}
          <span>
            {sv ? "Sida" : "Page"} {result.page} / {result.pages}
          </span>
          {result.page < result.pages ? <Link href={explorerHref(filter, result.page + 1)} rel="next">{sv ? "Nästa →" : "Next →"}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
