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

/**
 * Colours for the speakers of one view: those with a fixed colour (compared analysts) keep it; the
 * others take colours nobody in the view uses, first those no compared analyst owns (`reserved`),
 * so colours repeat only once the palette runs out.
 */
export function assignColors(ids: readonly string[], fixed: (id: string) => string | undefined, reserved: ReadonlySet<string> = new Set()): Map<string, string> {
  const colors = new Map<string, string>();
  for (const id of ids) {
    const color = fixed(id);
    if (color) colors.set(id, color);
  }
  const used = new Set(colors.values());
  const free = SERIES_COLORS.filter((c) => !used.has(c));
  const pool = [...free.filter((c) => !reserved.has(c)), ...free.filter((c) => reserved.has(c))];
  const cycle = pool.length ? pool : SERIES_COLORS;
  let next = 0;
  for (const id of ids) if (!colors.has(id)) colors.set(id, cycle[next++ % cycle.length]!);
  return colors;
}

/** A light tint of a series colour for highlighted text, dark text stays readable on it. */
export function tint(hex: string, alpha = 0.22): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Sequential blue for the similarity heatmap (0 → near white, 1 → dark blue), with whichever text colour contrasts more. */
export function heat(value: number): { background: string; color: string } {
  const v = Math.min(1, Math.max(0, value));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * v);
  const rgb: [number, number, number] = [mix(247, 0), mix(251, 70), mix(255, 140)];
  const l = luminance(rgb);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return { background: `rgb(${rgb.join(", ")})`, color: onBlack >= onWhite ? "#000" : "#fff" };
}
