import type { ThemeAgreementRow } from "@viewpoints/artifacts";

/** At least this fraction of the analysts must address a theme for "agree". */
export const AGREE_MIN_ADDRESSING = 2 / 3;
/** "agree" also needs the analysts' shares of the theme this close (standard deviation). */
export const AGREE_MAX_SPREAD = 0.15;
/** Shares spread wider than this mean the analysts weigh the theme very differently: "differ". */
export const DIFFER_MIN_SPREAD = 0.25;

/** One compared analyst with at least one statement: their statement count and how many carry the theme. */
export interface AnalystThemeCount {
  statements: number;
  withTheme: number;
}

export interface AgreementFigures {
  analysts_addressing: number;
  analysts_total: number;
  share_spread: number;
  verdict: ThemeAgreementRow["verdict"];
}

/**
 * The verdict rule. Only analysts with statements count (an analyst who said nothing has no profile
 * to agree or differ with). With p = addressing / total and spread = population standard deviation
 * of the analysts' theme shares (theme statements / their statements):
 * - fewer than two analysts, or nobody addresses the theme: "neutral" (nothing to compare);
 * - p >= 2/3 and spread <= 0.15: "agree" (most raise it, with similar weight);
 * - p <= 1/2, or spread > 0.25: "differ" (it splits them, or they weigh it very differently);
 * - anything else: "neutral".
 */
export function agreementVerdict(analysts: readonly AnalystThemeCount[]): AgreementFigures {
  const withStatements = analysts.filter((a) => a.statements > 0);
  const total = withStatements.length;
  const addressing = withStatements.filter((a) => a.withTheme > 0).length;
  const shares = withStatements.map((a) => a.withTheme / a.statements);
  const mean = total === 0 ? 0 : shares.reduce((sum, s) => sum + s, 0) / total;
  const spread = total === 0 ? 0 : Math.sqrt(shares.reduce((sum, s) => sum + (s - mean) ** 2, 0) / total);
  const figures = { analysts_addressing: addressing, analysts_total: total, share_spread: spread };
  if (total < 2 || addressing === 0) return { ...figures, verdict: "neutral" };
  const p = addressing / total;
  if (p >= AGREE_MIN_ADDRESSING && spread <= AGREE_MAX_SPREAD) return { ...figures, verdict: "agree" };
  if (p <= 0.5 || spread > DIFFER_MIN_SPREAD) return { ...figures, verdict: "differ" };
  return { ...figures, verdict: "neutral" };
}

const VERDICT_ORDER = { agree: 0, neutral: 1, differ: 2 } as const;

/**
 * Orders rows so the themes the analysts agree on most come first and those they differ on most come last:
 * agree (more addressing, then lower spread), neutral, differ (lower spread, then more addressing, so the
 * widest splits end the list). Ties keep codebook order.
 */
export function rankAgreement(rows: readonly ThemeAgreementRow[]): ThemeAgreementRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row;
      const b = y.row;
      const byVerdict = VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
      if (byVerdict !== 0) return byVerdict;
      if (a.verdict === "agree") return b.analysts_addressing - a.analysts_addressing || a.share_spread - b.share_spread || x.index - y.index;
      if (a.verdict === "differ") return a.share_spread - b.share_spread || b.analysts_addressing - a.analysts_addressing || x.index - y.index;
      return x.index - y.index;
    })
    .map(({ row }) => row);
}
