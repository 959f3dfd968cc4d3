"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, XAxis, YAxis, type BarShapeProps, type YAxisTickContentProps } from "recharts";

const NARROW = "(max-width: 600px)";

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Phone-width screens get a narrower label column so the bars keep most of the width. */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
}

/** Splits a label into lines of at most `max` characters at spaces (recharts does not wrap axis ticks). */
function wrap(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ")) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 4) return lines;
  return [...lines.slice(0, 3), `${lines[3]}…`];
}


export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartCell {
  value: number;
  /** Where the mark leads: the statements behind the figure. */
  href: string;
  lowN: boolean;
  /** Accessible name of the mark, e.g. "Analyst A, Escalation: 40% (4 statements)". */
  text: string;
}

export interface ChartRow {
  label: string;
  cells: Record<string, ChartCell>;
}

/** Rounds the largest share up to the next 10%, so the axis is tight but readable. */
function shareAxisMax(rows: ChartRow[]): number {
  const largest = Math.max(0, ...rows.flatMap((r) => Object.values(r.cells).map((c) => c.value)));
  return Math.min(1, Math.max(0.1, Math.ceil(largest * 10) / 10));
}

interface Props {
  rows: ChartRow[];
  series: ChartSeries[];
  /** Stack the series in one bar per row instead of grouping them side by side. */
  stacked?: boolean;
  /** Values are shares (0..1) shown as percentages; otherwise counts. */
  percent?: boolean;
  /** Fixed end of the value axis; shares default to the largest value rounded up to 10%. */
  max?: number;
  label: string;
}

/** Horizontal bar chart whose every bar is a link (keyboard-focusable) to the statements behind it. */
export function LinkedBarChart({ rows, series, stacked = false, percent = false, max, label }: Props) {
  const data = rows.map((row) => {
    const datum: Record<string, number | string> = { label: row.label };
    for (const s of series) datum[s.key] = row.cells[s.key]?.value ?? 0;
    return datum;
  });
  const narrow = useNarrow();
  const labelWidth = narrow ? 104 : 180;
  const charsPerLine = narrow ? 15 : 24;
  const maxLines = Math.max(1, ...rows.map((r) => wrap(r.label, charsPerLine).length));
  const perRow = stacked ? 1 : series.length;
  const barSize = stacked ? 18 : Math.max(5, Math.min(14, Math.floor(40 / perRow)));
  const height = Math.max(120, rows.length * Math.max(perRow * (barSize + 1) + 14, maxLines * 14 + 8) + 40);
  const domain: [number, number | "auto"] = [0, max ?? (percent ? shareAxisMax(rows) : "auto")];

  function mark(seriesKey: string, color: string) {
    return function MarkShape(props: BarShapeProps) {
      const row = rows[props.index];
      const cell = row?.cells[seriesKey];
      if (!cell || cell.value <= 0 || !(props.width > 0)) return <g />;
      return (
        <a href={cell.href} className="chart-mark" data-series={seriesKey} data-low-n={cell.lowN || undefined} aria-label={cell.text}>
          <title>{cell.text}</title>
          <rect
            x={props.x}
            y={props.y}
            width={props.width}
            height={props.height}
            fill={color}
            fillOpacity={cell.lowN ? 0.45 : 1}
            stroke={cell.lowN ? color : "none"}
            strokeDasharray={cell.lowN ? "3 2" : undefined}
          />
        </a>
      );
    };
  }

  return (
    <figure className="chart" data-chart={label}>
      <ul className="legend" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key} className="legend-item">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
        barCategoryGap={6}
        barGap={1}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#e3e5e8" />
        <XAxis
          type="number"
          domain={domain}
          tickFormatter={(v: number) => (percent ? `${Math.round(v * 100)}%` : String(v))}
          tick={{ fontSize: 12, fill: "#333" }}
          allowDecimals={percent}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          interval={0}
          tick={({ x: rawX, y, payload }: YAxisTickContentProps) => {
            const x = Number(rawX);
            const lines = wrap(String(payload?.value ?? ""), charsPerLine);
            return (
              <text x={x - 4} y={y} textAnchor="end" fontSize={narrow ? 11 : 12} fill="#222">
                {lines.map((line, i) => (
                  <tspan key={i} x={x - 4} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.55}em` : "1.1em"}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          }}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            barSize={barSize}
            isAnimationActive={false}
            shape={mark(s.key, s.color)}
            {...(stacked ? { stackId: "stack" } : {})}
          />
        ))}
      </BarChart>
    </figure>
  );
}
