import { STAGE_NAMES, type BenchFigures, type DashboardFigures, type PipelineRun, type SizeFigures, type StageFigure, type TargetResult } from "./figures";

/** Megabytes are 10^6 bytes throughout, as throughput figures usually are. */
export function megabytes(bytes: number): number {
  return bytes / 1e6;
}

/** MB per second; null when there is no time to divide by. */
export function throughput(bytes: number, seconds: number | null): number | null {
  return seconds === null || seconds <= 0 ? null : megabytes(bytes) / seconds;
}

/** Seconds per MB: the figure that stays flat when a stage grows linearly with its input. */
export function costPerMb(seconds: number | null, bytes: number): number | null {
  return seconds === null || bytes <= 0 ? null : seconds / megabytes(bytes);
}

export interface EndToEnd {
  complete: boolean;
  /** The one-process pipeline's time when it ran, else the sum of the stage times (each with its own process startup). */
  seconds: number;
  peakRssMb: number | null;
  /** The first stage that did not run to the end (failed, skipped or not asked for), when incomplete. */
  brokenAt: string | null;
}

/**
 * End-to-end figures of one size: the one-process pipeline's run when there is one (what `pnpm pipeline`
 * costs a user), else the stage processes summed; complete only when every pipeline stage ran.
 */
export function endToEnd(size: SizeFigures): EndToEnd {
  const broken = STAGE_NAMES.find((name) => size.stages.find((s) => s.stage === name)?.status !== "ok") ?? null;
  const pipeline = size.pipeline;
  if (pipeline) {
    const ok = pipeline.status === "ok" && pipeline.seconds !== null;
    return { complete: ok, seconds: pipeline.seconds ?? 0, peakRssMb: pipeline.peakRssMb, brokenAt: ok ? null : (broken ?? "pipeline") };
  }
  const rss = size.stages.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
  return {
    complete: broken === null,
    seconds: size.stages.reduce((sum, s) => sum + (s.status === "ok" ? (s.seconds ?? 0) : 0), 0),
    peakRssMb: rss.length === 0 ? null : Math.max(...rss),
    brokenAt: broken,
  };
}

/**
 * Cost per MB of the larger size over the smaller one (1.0 = perfectly linear); null unless both ran
 * end to end. `fixedSeconds` per stage run is taken off first when given (the caller labels that figure).
 */
export function scalingRatio(sizes: SizeFigures[], larger: number, smaller: number, fixedSeconds = 0): number | null {
  const cost = (docs: number): number | null => {
    const size = sizes.find((s) => s.docs === docs);
    if (!size) return null;
    const e2e = endToEnd(size);
    const startups = size.pipeline ? 1 : size.stages.length;
    return e2e.complete ? costPerMb(Math.max(0, e2e.seconds - fixedSeconds * startups), size.bytes) : null;
  };
  const a = cost(larger);
  const b = cost(smaller);
  return a === null || b === null || b === 0 ? null : a / b;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Folds repeated runs of one size into one: a stage's time is the median over runs, its memory the
 * maximum; a stage that failed in any run keeps that run's failure.
 */
export function combineRuns(runs: SizeFigures[]): SizeFigures {
  const [first] = runs;
  if (!first) throw new Error("no runs to combine");
  const stages = first.stages.map((stage, i) => {
    const all = runs.map((r) => r.stages[i]).filter((s): s is StageFigure => s !== undefined);
    const bad = all.find((s) => s.status !== "ok");
    if (bad) return bad;
    const rss = all.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
    return { ...stage, seconds: median(all.map((s) => s.seconds ?? 0)), peakRssMb: rss.length ? Math.max(...rss) : null };
  });
  return { ...first, stages, pipeline: combinePipelineRuns(runs.map((r) => r.pipeline)), twoWorkers: combinePipelineRuns(runs.map((r) => r.twoWorkers)) };
}

// Whole-pipeline runs fold the same way: median time, maximum memory, the first failure if any failed.
function combinePipelineRuns(runs: (PipelineRun | null)[]): PipelineRun | null {
  const [first] = runs;
  if (!first || runs.some((r) => r === null)) return first ?? null;
  const all = runs as PipelineRun[];
  const bad = all.find((r) => r.status !== "ok");
  if (bad) return bad;
  const rss = all.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return { ...first, seconds: median(all.map((r) => r.seconds ?? 0)), peakRssMb: rss.length ? Math.max(...rss) : null };
}

export const TARGETS = {
  minMbPerSecond: 15,
  maxPeakRssMb: 300,
  maxScalingRatio: 1.2,
  minWorkerSpeedup: 1.7,
  /** Every timed dashboard request, compare and explorer, on the largest corpus. */
  maxDashboardMs: 300,
  /** One explorer page (apps/dashboard/app/statements/page.tsx, PAGE_SIZE). */
  maxStatementsPerResponse: 50,
} as const;

function fixed(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/** The largest size whose pipeline ran end to end, for the throughput targets. */
function largestComplete(sizes: SizeFigures[]): SizeFigures | null {
  return [...sizes].sort((a, b) => b.docs - a.docs).find((s) => endToEnd(s).complete) ?? null;
}

/** Checks the figures against the targets; a target the figures cannot show is N/A with the reason. */
export function evaluateTargets(figures: Omit<BenchFigures, "targets">): TargetResult[] {
  const results: TargetResult[] = [];
  const best = largestComplete(figures.sizes);
  const firstBroken = figures.sizes.map(endToEnd).find((e) => !e.complete);
  const incomplete = `no size ran end to end${firstBroken?.brokenAt ? ` (${firstBroken.brokenAt} did not finish)` : ""}`;
  const oursMbps = best ? throughput(best.bytes, endToEnd(best).seconds) : null;

  results.push(
    best && oursMbps !== null
      ? {
          target: `end to end ≥ ${TARGETS.minMbPerSecond} MB/s on one core`,
          status: oursMbps >= TARGETS.minMbPerSecond ? "PASS" : "FAIL",
          detail: `${fixed(oursMbps)} MB/s at ${best.docs} docs`,
        }
      : { target: `end to end ≥ ${TARGETS.minMbPerSecond} MB/s on one core`, status: "N/A", detail: incomplete },
  );

  // The 2-worker and incremental runs count too: the default run uses one worker per core.
  const extraRuns = (s: (typeof figures.sizes)[number]) =>
    [
      ["end to end (pnpm pipeline)", s.pipeline],
      ["end to end, 2 workers", s.twoWorkers],
      ["incremental rerun", s.incremental],
    ] as const;
  const measured = figures.sizes.flatMap((s) => [
    ...s.stages.map((st) => ({ docs: s.docs, stage: st.stage, rss: st.peakRssMb })),
    ...extraRuns(s).flatMap(([stage, run]) => (run?.status === "ok" ? [{ docs: s.docs, stage, rss: run.peakRssMb }] : [])),
  ]);
  const withRss = measured.filter((m): m is typeof m & { rss: number } => m.rss !== null);
  const worst = withRss.reduce<(typeof withRss)[number] | null>((w, m) => (w === null || m.rss > w.rss ? m : w), null);
  const unmeasured = measured.length - withRss.length;
  results.push(
    worst
      ? {
          target: `peak memory < ${TARGETS.maxPeakRssMb} MB at every size`,
          status: worst.rss < TARGETS.maxPeakRssMb ? (unmeasured === 0 ? "PASS" : "N/A") : "FAIL",
          detail: `max ${fixed(worst.rss, 0)} MB (${worst.stage}, ${worst.docs} docs)${unmeasured > 0 ? `; ${unmeasured} stage runs not measured` : ""}`,
        }
      : { target: `peak memory < ${TARGETS.maxPeakRssMb} MB at every size`, status: "N/A", detail: "no stage was measured" },
  );

  const withWorkers = best ? speedup(best) : null;
  results.push(
    best && withWorkers !== null
      ? {
          target: `2 worker threads ≥ ${TARGETS.minWorkerSpeedup}× one core`,
          status: withWorkers >= TARGETS.minWorkerSpeedup ? "PASS" : "FAIL",
          detail: `${fixed(withWorkers)}× at ${best.docs} docs`,
        }
      : {
          target: `2 worker threads ≥ ${TARGETS.minWorkerSpeedup}× one core`,
          status: "N/A",
          detail: !best ? incomplete : best.twoWorkers === null ? "not run (--skip-workers)" : "the 2-worker run did not complete",
        },
  );

  const ratio = scalingRatio(figures.sizes, 10000, 1000);
  results.push(
    ratio === null
      ? { target: "cost per MB at 10k within 20% of 1k", status: "N/A", detail: "needs complete runs at 1000 and 10000 docs" }
      : {
          target: "cost per MB at 10k within 20% of 1k",
          status: ratio <= TARGETS.maxScalingRatio ? "PASS" : "FAIL",
          detail: `10k/1k = ${fixed(ratio)}`,
        },
  );

  const reference = figures.reference ? throughput(figures.reference.bytes, figures.reference.seconds) : null;
  results.push(
    oursMbps === null || reference === null
      ? { target: "ahead of wink-nlp", status: "N/A", detail: oursMbps === null ? incomplete : figures.referenceNote || "no reference run" }
      : {
          target: "ahead of wink-nlp",
          status: oursMbps > reference ? "PASS" : "FAIL",
          detail: `${fixed(oursMbps / reference)}× wink-nlp (${fixed(oursMbps)} vs ${fixed(reference)} MB/s)`,
        },
  );
  results.push(dashboardTarget(figures.dashboard, figures.dashboardNote));
  return results;
}

/** Compare and explorer answer every timed request within the limit and none ships more than one page. */
export function dashboardTarget(dashboard: DashboardFigures | null, note: string): TargetResult {
  const target = `dashboard < ${TARGETS.maxDashboardMs} ms a page, ≤ one page (${TARGETS.maxStatementsPerResponse}) of statements`;
  if (dashboard === null || dashboard.routes.length === 0) return { target, status: "N/A", detail: note || "not measured" };
  const failed = dashboard.routes.filter((r) => r.httpStatus !== 200);
  if (failed.length > 0) return { target, status: "FAIL", detail: failed.map((r) => `${r.path} answered ${r.httpStatus}`).join("; ") };
  const slowest = dashboard.routes.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  const most = Math.max(...dashboard.routes.map((r) => r.statementsShipped));
  const ok = slowest.maxMs < TARGETS.maxDashboardMs && most <= TARGETS.maxStatementsPerResponse;
  return {
    target,
    status: ok ? "PASS" : "FAIL",
    detail: `slowest request ${fixed(slowest.maxMs, 0)} ms (${slowest.name}); at most ${most} of ${dashboard.statements} statements in a response, at ${dashboard.docs} docs`,
  };
}

/** The dashboard's pages: time to the last byte on localhost, size, and statements carried. */
export function dashboardTable(dashboard: DashboardFigures): string {
  const rows = dashboard.routes.map((r) => [r.name, r.path, String(r.httpStatus), fixed(r.medianMs, 0), fixed(r.maxMs, 0), fixed(r.kilobytes, 0), String(r.statementsShipped)]);
  const requests = dashboard.routes[0]?.requests ?? 0;
  return [
    `Dashboard (pnpm dashboard) on the ${dashboard.docs}-document outputs, ${dashboard.statements} statements: ms to the last byte on localhost, ${requests} requests a page after one warm-up`,
    formatTable(["page", "path", "HTTP", "median ms", "max ms", "KB", "statements in it"], rows),
    `first page after start (the overview; reads the artifacts): ${fixed(dashboard.firstRequestMs, 0)} ms; server peak RSS ${fixed(dashboard.serverPeakRssMb, 0)} MB`,
  ].join("\n");
}

const NUMERIC = /^[\d.,×–-]*$/;

/** Lays rows out in columns: columns of figures right-aligned, text columns left-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => NUMERIC.test(r[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const SIZE_HEADER = ["stage", "status", "MB in", "s", "MB/s", "docs/s", "stmts/s", "peak RSS MB", "s/MB"];
const NOT_RUN = "n/a (not run)";

/** The table of one corpus size: fixed startup cost, each stage, end to end, and the rows still to come. */
export function sizeTable(size: SizeFigures, startup: BenchFigures["startup"]): string {
  const perSecond = (count: number | null, seconds: number | null) =>
    count === null || seconds === null || seconds <= 0 ? "–" : fixed(count / seconds, 0);
  const mbIn = fixed(megabytes(size.bytes));
  const rows: string[][] = [
    ["node --import tsx (no-op)", "ok", "–", fixed(startup.seconds), "–", "–", "–", fixed(startup.peakRssMb, 0), "–"],
  ];
  for (const s of size.stages) {
    const ran = s.status === "ok" ? s.seconds : null;
    rows.push([
      s.stage,
      s.status,
      mbIn,
      fixed(s.seconds),
      fixed(throughput(size.bytes, ran)),
      perSecond(size.docs, ran),
      s.stage === "statements" ? perSecond(size.statements, ran) : "–",
      fixed(s.peakRssMb, 0),
      fixed(costPerMb(ran, size.bytes), 3),
    ]);
  }
  const e2e = endToEnd(size);
  const e2eSeconds = e2e.complete ? e2e.seconds : null;
  if (size.pipeline) {
    const summed = endToEnd({ ...size, pipeline: null });
    const sumSeconds = summed.complete ? summed.seconds : null;
    rows.push(["stages one by one (sum)", summed.complete ? "ok" : "incomplete", mbIn, fixed(sumSeconds), fixed(throughput(size.bytes, sumSeconds)), perSecond(size.docs, sumSeconds), perSecond(size.statements, sumSeconds), fixed(summed.peakRssMb, 0), fixed(costPerMb(sumSeconds, size.bytes), 3)]);
  }
  rows.push([
    size.pipeline ? "end to end (pnpm pipeline)" : "end to end",
    e2e.complete ? "ok" : `incomplete`,
    mbIn,
    fixed(e2eSeconds),
    fixed(throughput(size.bytes, e2eSeconds)),
    perSecond(size.docs, e2eSeconds),
    perSecond(size.statements, e2eSeconds),
    fixed(e2e.peakRssMb, 0),
    fixed(costPerMb(e2eSeconds, size.bytes), 3),
  ]);
  const extra = (label: string, run: PipelineRun | null, bytes: number, docs: number, status: string) => {
    if (run === null) return [label, NOT_RUN, ...Array<string>(7).fill("")];
    const seconds = run.status === "ok" ? run.seconds : null;
    return [label, run.status === "ok" ? status : "failed", fixed(megabytes(bytes)), fixed(seconds), fixed(throughput(bytes, seconds)), perSecond(docs, seconds), "–", fixed(run.peakRssMb, 0), fixed(costPerMb(seconds, bytes), 3)];
  };
  rows.push(extra("end to end, 2 workers", size.twoWorkers, size.bytes, size.docs, `ok, ${fixed(speedup(size), 2)}× one core`));
  const recomputed = size.incremental?.recomputed;
  rows.push(
    extra(`incremental rerun: add 1 doc to ${size.docs}`, size.incremental, size.bytes, size.docs + 1, `ok, recomputed ${recomputed?.normalize ?? "?"}+${recomputed?.statements ?? "?"}`),
  );
  const failedRuns = [
    ["pnpm pipeline", size.pipeline],
    ["2 workers", size.twoWorkers],
    ["incremental", size.incremental],
  ] as const;
  const notes = [
    ...size.stages.filter((s) => s.status === "failed").map((s) => `  ${s.stage}: ${s.note.replace(/\n/g, "\n    ")}`),
    ...failedRuns.filter(([, run]) => run?.status === "failed").map(([name, run]) => `  ${name}: ${run?.note.replace(/\n/g, "\n    ") ?? ""}`),
  ];
  if (size.incremental?.status === "ok") {
    notes.push(`  incremental rerun: "recomputed N+M" = documents normalize and statements computed (the rest came from their caches); ingest and metrics rerun in full`);
  }
  const title = `${size.docs} documents, ${mbIn} MB, ${size.statements ?? "no"} statements`;
  return [title, formatTable(SIZE_HEADER, rows), ...(notes.length ? ["notes:", ...notes] : [])].join("\n");
}

/** End-to-end time on one core over the time with 2 worker threads; null unless both ran. */
export function speedup(size: SizeFigures): number | null {
  const one = endToEnd(size);
  const two = size.twoWorkers;
  if (!one.complete || two?.status !== "ok" || two.seconds === null || two.seconds <= 0) return null;
  return one.seconds / two.seconds;
}

/** Cost per MB of each stage and end to end at every size, and the 10k/1k ratio where both exist. */
export function scalingTable(sizes: SizeFigures[]): string {
  const ordered = [...sizes].sort((a, b) => a.docs - b.docs);
  const stages = [...new Set(ordered.flatMap((s) => s.stages.map((st) => st.stage)))];
  const cost = (size: SizeFigures | undefined, stage: string | null): number | null => {
    if (!size) return null;
    if (stage === null) {
      const e2e = endToEnd(size);
      return e2e.complete ? costPerMb(e2e.seconds, size.bytes) : null;
    }
    const run = size.stages.find((s) => s.stage === stage);
    return run?.status === "ok" ? costPerMb(run.seconds, size.bytes) : null;
  };
  const ratio = (stage: string | null): string => {
    const big = cost(ordered.find((s) => s.docs === 10000), stage);
    const small = cost(ordered.find((s) => s.docs === 1000), stage);
    return big === null || small === null || small === 0 ? "–" : fixed(big / small);
  };
  const rows = [...stages, null].map((stage) => [stage ?? "end to end", ...ordered.map((s) => fixed(cost(s, stage), 3)), ratio(stage)]);
  return formatTable(["stage", ...ordered.map((s) => `${s.docs} docs`), "10k/1k"], rows);
}

/** Renders the whole report: one table per size, scaling, the reference, and the targets. */
export function renderReport(figures: BenchFigures): string {
  const out: string[] = [
    `node ${figures.machine.node} on ${figures.machine.cpu} (${figures.machine.cores} cores); ` +
      (figures.machine.pinnedToOneCore ? "each child pinned to one core (taskset -c 0)" : "children not pinned") +
      `; load average at start ${figures.machine.loadAverage}`,
    "Each stage row is the stage CLI as its own process; its seconds include process startup (the no-op row), nothing is subtracted.",
    "End to end is `pnpm pipeline --input DIR --out DIR`: the four stages in one process (one startup); the 2-worker row is the same unpinned with --workers 2.",
    "MB/s and s/MB divide by the corpus size (MB = 10^6 bytes of articles) for every stage, so stages compare directly.",
    "",
  ];
  for (const size of figures.sizes) out.push(sizeTable(size, figures.startup), "");

  out.push(
    "Scaling: cost per MB (s/MB; flat = linear)",
    scalingTable(figures.sizes),
    `end to end 10k/1k, minus one no-op startup per process (shown, not used for the target): ${fixed(scalingRatio(figures.sizes, 10000, 1000, figures.startup.seconds))}`,
    "",
  );

  const ref = figures.reference;
  const best = largestComplete(figures.sizes);
  const ours = best ? throughput(best.bytes, endToEnd(best).seconds) : null;
  const refMbps = ref ? throughput(ref.bytes, ref.seconds) : null;
  out.push(
    ref
      ? `Reference ${ref.name}: ${fixed(refMbps)} MB/s over ${fixed(megabytes(ref.bytes))} MB of English ` +
          `(${ref.documents} docs, ${ref.sentences} sentences, ${ref.tokens} tokens; model load ${fixed(ref.loadSeconds)}s not counted; peak RSS ${fixed(ref.peakRssMb, 0)} MB)`
      : `Reference: ${figures.referenceNote}`,
    ours === null || best === null
      ? "Our end to end vs reference: n/a (no size ran end to end)"
      : `Our end to end vs reference: ${fixed(ours)} MB/s at ${best.docs} docs = ${refMbps ? `${fixed(ours / refMbps)}×` : "n/a"} wink-nlp`,
    "",
  );
  out.push(figures.dashboard ? dashboardTable(figures.dashboard) : `Dashboard: ${figures.dashboardNote || "not measured"}`, "");
  out.push("Targets", formatTable(["target", "result", "figures"], figures.targets.map((t) => [t.target, t.status, t.detail])));
  return `${out.join("\n")}\n`;
}
