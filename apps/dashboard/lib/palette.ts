/** Okabe-Ito colours, ordered so neighbouring series stay distinguishable with colour-blindness; yellow last (weak on white). */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"] as const;

export const FRAME_COLORS: Record<string, string> = {
  risk: "#D55E00",
  consequence: "#0072B2",
  assessment: "#009E73",
};

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** A light tint of a series colour for highlighted text, dark text stays readable on it. */
export function tint(hex: string, alpha = 0.22): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Sequential blue for the similarity heatmap: 0 → near white, 1 → Okabe-Ito blue. */
export function heat(value: number): { background: string; color: string } {
  const v = Math.min(1, Math.max(0, value));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * v);
  return { background: `rgb(${mix(247, 0)}, ${mix(251, 90)}, ${mix(255, 160)})`, color: v > 0.5 ? "#fff" : "#111" };
}
