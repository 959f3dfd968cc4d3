"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis, type BarShapeProps } from "recharts";

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

interface Props {
  rows: ChartRow[];
  series: ChartSeries[];
  /** Stack the series in one bar per row instead of grouping them side by side. */
  stacked?: boolean;
  /** Values are shares (0..1) shown as percentages; otherwise counts. */
  percent?: boolean;
  /** Fixed end of the value axis, so several charts share one scale. */
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
  const perRow = stacked ? 1 : series.length;
  const barSize = stacked ? 18 : Math.max(5, Math.min(14, Math.floor(40 / perRow)));
  const height = Math.max(120, rows.length * (perRow * (barSize + 1) + 14) + 40);
  const domain: [number, number | "auto"] = [0, max ?? (percent ? 1 : "auto")];

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
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
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
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: "#222" }} interval={0} />
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
