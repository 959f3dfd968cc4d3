import type { SimilarityRow } from "@viewpoints/artifacts";

/** A speaker's theme-count vector in codebook theme order, with the statements behind it for low_n. */
export interface ThemeProfile {
  speakerId: string;
  statements: number;
  counts: readonly number[];
}

/** Cosine similarity of two count vectors; null when either is all zero (no direction to compare). */
export function cosine(a: readonly number[], b: readonly number[]): number | null {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return null;
  // Counts are non-negative, so only rounding can push the value outside [0, 1].
  return Math.min(1, Math.max(0, dot / Math.sqrt(normA * normB)));
}

/** One row per unordered pair of speakers, in the order the profiles are given (a before b). */
export function similarityRows(profiles: readonly ThemeProfile[], themeIds: readonly string[], lowN: number): SimilarityRow[] {
  const rows: SimilarityRow[] = [];
  for (let i = 0; i < profiles.length; i += 1) {
    for (let j = i + 1; j < profiles.length; j += 1) {
      const a = profiles[i]!;
      const b = profiles[j]!;
      const row: SimilarityRow = {
        speaker_a: a.speakerId,
        speaker_b: b.speakerId,
        cosine: cosine(a.counts, b.counts),
        themes_both: [],
        themes_a_only: [],
        themes_b_only: [],
        themes_neither: [],
        low_n: a.statements < lowN || b.statements < lowN,
      };
      themeIds.forEach((theme, t) => {
        const inA = (a.counts[t] ?? 0) > 0;
        const inB = (b.counts[t] ?? 0) > 0;
        const bucket = inA && inB ? row.themes_both : inA ? row.themes_a_only : inB ? row.themes_b_only : row.themes_neither;
        bucket.push(theme);
      });
      rows.push(row);
    }
  }
  return rows;
}
