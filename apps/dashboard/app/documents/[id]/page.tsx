import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { NormalizedDocument, Statement } from "@viewpoints/artifacts";
import { DataProblem } from "@/components/DataProblem";
import { loadDocument } from "@/lib/data";
import { segmentRange } from "@/lib/highlight";
import { pageContext } from "@/lib/page-context";
import { tint } from "@/lib/palette";
import { explorerHref } from "@/lib/statement-query";

export const metadata: Metadata = { title: "Document" };

function blocks(doc: NormalizedDocument): NormalizedDocument["paragraphs"] {
  if (doc.paragraphs.length) return doc.paragraphs;
  return [{ start: 0, end: doc.text.length, lang: doc.lang, kind: "body", dashQuote: false }];
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers } = page.ctx;
  const loaded = await loadDocument(id);
  if (loaded.kind !== "ok") return <DataProblem problem={loaded} />;
  const doc = loaded.doc;
  if (!doc) notFound();
  const sv = labels.lang === "sv";
  const statements: readonly Statement[] = data.statements.byDoc.get(id) ?? [];
  const byId = new Map(statements.map((s) => [s.statement_id, s]));
  const docSpeakers = [...new Set(statements.map((s) => s.speaker_id))];
  const colors = speakers.colorsFor(docSpeakers);
  const colorOf = (speakerId: string) => colors.get(speakerId) ?? speakers.color(speakerId);
  const nameOf = (speakerId: string) => statements.find((s) => s.speaker_id === speakerId)?.speaker_name ?? speakerId;
  const title = doc.meta.title ?? doc.file;
  return (
    <>
      <h1 lang={doc.lang === "unknown" ? undefined : doc.lang}>{title}</h1>
      <p className="muted">
        {[doc.meta.outlet, doc.meta.published, labels.language(doc.lang), doc.meta.authors.join(", ")].filter(Boolean).join(" · ")}
        {doc.meta.url ? (
          <>
            {" · "}
            <a href={doc.meta.url} rel="noreferrer">
              {sv ? "original" : "original"}
            </a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="speakers">
        <h2 id="speakers">{sv ? "Talare i texten" : "Speakers in this text"}</h2>
        <ul className="legend">
          {docSpeakers.map((sid) => (
            <li key={sid}>
              <span className="swatch" style={{ background: colorOf(sid) }} aria-hidden="true" />
              <Link href={`/analysts/${encodeURIComponent(sid)}`}>{nameOf(sid)}</Link> (
              <Link href={explorerHref({ doc: [id], speaker: [sid] })}>{statements.filter((s) => s.speaker_id === sid).length}</Link>)
            </li>
          ))}
        </ul>
        {statements.length === 0 ? <p>{sv ? "Inga uttalanden hittades i texten." : "No statements were found in this text."}</p> : null}
      </section>
      <section aria-labelledby="text" className="doc-text" lang={doc.lang === "unknown" ? undefined : doc.lang}>
        <h2 id="text">{sv ? "Text" : "Text"}</h2>
        {blocks(doc).map((p, i) => {
          const content = segmentRange(p.start, p.end, statements).map((seg) => {
            const piece = doc.text.slice(seg.start, seg.end);
            const s = seg.statementId ? byId.get(seg.statementId) : undefined;
            const anchors = seg.anchors.map((sid) => <span key={sid} id={sid} data-anchor={sid} />);
            if (!s)
              return (
                <span key={seg.start}>
                  {anchors}
                  {piece}
                </span>
              );
            const color = colorOf(s.speaker_id);
            const info = `${s.speaker_name} · ${labels.frame(s.frame)} · ${labels.kind(s.kind)}${s.themes.length ? ` · ${s.themes.map((t) => labels.theme(t)).join(", ")}` : ""}`;
            return (
              <span key={seg.start}>
                {anchors}
                <mark
                  id={seg.start === s.start ? s.statement_id : undefined}
                  data-anchor={seg.start === s.start ? s.statement_id : undefined}
                  data-speaker={s.speaker_id}
                  style={{ background: tint(color), borderBottomColor: color }}
                  title={info}
                >
                  {piece}
                </mark>
              </span>
            );
          });
          if (p.kind === "title") return <p key={i}><strong>{content}</strong></p>;
          if (p.kind === "heading") return <h3 key={i}>{content}</h3>;
          return <p key={i}>{content}</p>;
        })}
      </section>
    </>
  );
}
