import Link from "next/link";
import type { Statement } from "@viewpoints/artifacts";
import type { Labels } from "@/lib/labels";

/** One statement in its original language, with its coding and a link to its place in the source. */
export function StatementItem({
  statement,
  labels,
  source,
  showSpeaker = true,
}: {
  statement: Statement;
  labels: Labels;
  /** The source's title (or file) to name in the link. */
  source: string;
  showSpeaker?: boolean;
}) {
  const s = statement;
  return (
    <li className="statement" data-statement={s.statement_id}>
      {showSpeaker ? (
        <div>
          <Link href={`/analysts/${encodeURIComponent(s.speaker_id)}`}>{s.speaker_name}</Link>
          {s.speaker_role ? <span className="muted">, {s.speaker_role}</span> : null}
        </div>
      ) : null}
      <blockquote lang={s.lang === "unknown" ? undefined : s.lang}>{s.text}</blockquote>
      <div className="meta">
        <span className="tag">{labels.frame(s.frame)}</span>
        <span className="tag">{labels.kind(s.kind)}</span>
        {s.hedged ? <span className="tag">{labels.lang === "sv" ? "reserverat" : "hedged"}</span> : null}
        {s.themes.map((t) => (
          <span key={t} className="tag">
            {labels.theme(t)}
          </span>
        ))}
        {labels.lang === "sv" ? "markör" : "cue"}: <q>{s.cue}</q> ·{" "}
        <Link href={`/documents/${encodeURIComponent(s.doc_id)}#${encodeURIComponent(s.statement_id)}`}>
          {source} ({labels.language(s.lang)})
        </Link>
      </div>
    </li>
  );
}
