import Link from "next/link";
import type { SpeakerRow } from "@viewpoints/artifacts";
import { explorerHref } from "@/lib/statement-query";
import { number } from "@/lib/format";
import type { Labels } from "@/lib/labels";

/** Speakers with role and counts; every count links to the statements behind it. */
export function SpeakerTable({
  rows,
  caption,
  labels,
  color,
}: {
  rows: SpeakerRow[];
  caption: string;
  labels: Labels;
  color?: (id: string) => string;
}) {
  const sv = labels.lang === "sv";
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{sv ? "Namn" : "Name"}</th>
            <th scope="col">{sv ? "Roll och tillhörighet" : "Role and affiliation"}</th>
            <th scope="col" className="num">{sv ? "Uttalanden" : "Statements"}</th>
            <th scope="col" className="num">{sv ? "Källor" : "Sources"}</th>
            <th scope="col">{sv ? "Språk" : "Languages"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.speaker_id} className={s.low_n ? "low-n" : undefined}>
              <th scope="row">
                {color ? <span className="swatch" style={{ background: color(s.speaker_id) }} aria-hidden="true" /> : null}
                <Link href={`/analysts/${encodeURIComponent(s.speaker_id)}`}>{s.speaker_name}</Link>
              </th>
              <td>{s.speaker_role || "—"}</td>
              <td className="num">
                <Link href={explorerHref({ speaker: [s.speaker_id] })}>{number(s.statements)}</Link>
                {s.low_n ? <span className="low-n-mark"> {sv ? "(lågt n)" : "(low n)"}</span> : null}
              </td>
              <td className="num">{number(s.documents)}</td>
              <td>{s.languages.map((l) => labels.language(l)).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
