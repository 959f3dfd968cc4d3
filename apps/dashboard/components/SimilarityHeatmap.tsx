import type { SimilarityRow, SpeakerRow } from "@viewpoints/artifacts";
import type { Labels } from "@/lib/labels";
import { heat } from "@/lib/palette";
import { explorerHref } from "@/lib/statement-query";

function findPair(rows: SimilarityRow[], a: string, b: string): SimilarityRow | undefined {
  return rows.find((r) => (r.speaker_a === a && r.speaker_b === b) || (r.speaker_a === b && r.speaker_b === a));
}

/**
 * Cosine similarity of theme profiles as a matrix. An HTML table is both the heatmap and its text alternative;
 * each cell links to both analysts' statements on the themes they share.
 */
export function SimilarityHeatmap({ analysts, rows, labels }: { analysts: SpeakerRow[]; rows: SimilarityRow[]; labels: Labels }) {
  const sv = labels.lang === "sv";
  return (
    <div className="table-wrap">
      <table className="heatmap" data-chart="similarity">
        <caption>{sv ? "Likhet mellan temaprofiler (cosinus, 0–1)" : "Similarity of theme profiles (cosine, 0–1)"}</caption>
        <thead>
          <tr>
            <td />
            {analysts.map((a) => (
              <th key={a.speaker_id} scope="col">
                {a.speaker_name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {analysts.map((row) => (
            <tr key={row.speaker_id}>
              <th scope="row">{row.speaker_name}</th>
              {analysts.map((col) => {
                if (row.speaker_id === col.speaker_id) return <td key={col.speaker_id} style={{ background: "#eee" }} aria-label="—" />;
                const pair = findPair(rows, row.speaker_id, col.speaker_id);
                const value = pair?.cosine ?? null;
                const shared = pair?.themes_both ?? [];
                const title = [
                  `${row.speaker_name} – ${col.speaker_name}: ${value === null ? (sv ? "ingen data" : "no data") : value.toFixed(2)}`,
                  shared.length ? `${sv ? "gemensamma teman" : "shared themes"}: ${shared.map((t) => labels.theme(t)).join(", ")}` : "",
                  pair?.low_n ? (sv ? "lågt n" : "low n") : "",
                ]
                  .filter(Boolean)
                  .join("; ");
                const style = value === null ? { background: "#fff", color: "#111" } : heat(value);
                return (
                  <td key={col.speaker_id} style={style} className={pair?.low_n ? "low-n" : undefined}>
                    <a
                      href={explorerHref({ speaker: [row.speaker_id, col.speaker_id], theme: shared })}
                      title={title}
                      aria-label={title}
                      className="heat-cell"
                    >
                      {value === null ? "–" : value.toFixed(2)}
                      {pair?.low_n ? "*" : ""}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {sv
          ? "1 = samma temafördelning, 0 = inga gemensamma teman. * = lågt n. En cell visar båda analytikernas uttalanden om de gemensamma temana."
          : "1 = the same mix of themes, 0 = no theme in common. * = low n. A cell opens both analysts' statements on their shared themes."}
      </p>
    </div>
  );
}
