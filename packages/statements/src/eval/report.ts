import type { Prf, Scores } from "./score";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const excerpt = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function prfRow(label: string, s: Prf): string {
  return `${label.padEnd(22)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}`;
}

/** Renders scores as a plain-text report: the table first, then what to fix (misses, false positives, coding differences). */
export function formatReport(scores: Scores, limit = 40): string {
  const header = `${"".padEnd(22)}${"P".padStart(7)}${"R".padStart(7)}${"F1".padStart(7)}${"TP".padStart(6)}${"FP".padStart(6)}${"FN".padStart(6)}`;
  const lines = [
    "Speaker attribution",
    header,
    prfRow("overall", scores.attribution),
    ...Object.entries(scores.byLang).map(([lang, s]) => prfRow(`lang ${lang}`, s)),
    ...Object.entries(scores.byKind).map(([kind, s]) => prfRow(`kind ${kind}`, s)),
    "",
    `Coding over ${scores.matched} matched statements`,
    header,
    prfRow("themes (micro)", scores.themes),
    `${"frame accuracy".padEnd(22)}${pct(scores.frameAccuracy)}`,
    `${"hedged accuracy".padEnd(22)}${pct(scores.hedgedAccuracy)}`,
    `${"kind accuracy".padEnd(22)}${pct(scores.kindAccuracy)}`,
  ];
  if (scores.uncoveredDocs.length) {
    lines.push("", `Note: ${scores.uncoveredDocs.length} document(s) have statements but no gold rows; their statements count as false positives: ${scores.uncoveredDocs.join(", ")}`);
  }
  const section = <T>(title: string, items: T[], render: (item: T) => string) => {
    if (!items.length) return;
    lines.push("", `${title} (${items.length})`);
    for (const item of items.slice(0, limit)) lines.push(`  ${render(item)}`);
    if (items.length > limit) lines.push(`  … ${items.length - limit} more (use --json for all)`);
  };
  section("Misses: gold statements not found with their speaker", scores.misses, (m) => `${m.gold.doc_id} ${m.gold.speaker} [${m.gold.kind}] "${excerpt(m.gold.anchor, 60)}": ${m.reason}`);
  section("False positives: statements no gold row supports", scores.falsePositives, (f) => `${f.prediction.doc_id} ${f.prediction.statement_id} ${f.prediction.speaker_name || f.prediction.speaker_id} [${f.prediction.kind}] "${excerpt(f.prediction.text, 70)}": ${f.reason}`);
  section("Coding differences (gold → predicted)", scores.codingDifferences, (d) => {
    const parts = d.fields.map((field) => {
      const g = d.gold[field];
      const p = d.prediction[field];
      return `${field} ${Array.isArray(g) ? g.join(";") || "-" : String(g)} → ${Array.isArray(p) ? p.join(";") || "-" : String(p)}`;
    });
    return `${d.gold.doc_id} "${excerpt(d.gold.anchor, 50)}": ${parts.join(", ")}`;
  });
  return `${lines.join("\n")}\n`;
}
