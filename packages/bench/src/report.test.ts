import { describe, expect, it } from "vitest";
import type { BenchFigures, DashboardFigures, RouteFigure, SizeFigures, StageFigure } from "./figures";
import { combineRuns, costPerMb, dashboardTable, dashboardTarget, endToEnd, evaluateTargets, formatTable, scalingRatio, scalingTable, sizeTable, throughput } from "./report";

const ok = (stage: string, seconds: number, peakRssMb = 100): StageFigure => ({ stage, status: "ok", seconds, peakRssMb, note: "" });

function size(docs: number, bytes: number, seconds: number[], peakRssMb = 100): SizeFigures {
  const names = ["ingest", "normalize", "statements", "metrics"];
  return { docs, bytes, statements: docs * 3, stages: seconds.map((s, i) => ok(names[i] ?? "x", s, peakRssMb)), pipeline: null, twoWorkers: null, incremental: null };
}

function figures(sizes: SizeFigures[], referenceMbps: number | null): Omit<BenchFigures, "targets"> {
  return {
    measuredAt: "2026-01-01T00:00:00Z",
    machine: { node: "v20", cpu: "cpu", cores: 2, pinnedToOneCore: true, loadAverage: 0.1 },
    startup: { seconds: 0.25, peakRssMb: 80 },
    sizes,
    reference:
      referenceMbps === null
        ? null
        : { name: "wink", documents: 1, bytes: 10_000_000, sentences: 1, tokens: 1, loadSeconds: 0.2, seconds: 10 / referenceMbps, peakRssMb: 150 },
    referenceNote: referenceMbps === null ? "skipped" : "",
    dashboard: null,
    dashboardNote: "skipped (--skip-dashboard)",
  };
}

const status = (results: ReturnType<typeof evaluateTargets>, prefix: string) => results.find((r) => r.target.startsWith(prefix))?.status;

describe("throughput and cost per MB", () => {
  it("divides megabytes (10^6 bytes) by seconds and back", () => {
    expect(throughput(30_000_000, 2)).toBe(15);
    expect(costPerMb(2, 30_000_000)).toBeCloseTo(1 / 15);
    expect(throughput(1_000_000, 0)).toBeNull();
    expect(costPerMb(null, 1_000_000)).toBeNull();
  });

  it("sums stage times end to end and marks a run with a failed stage incomplete", () => {
    expect(endToEnd(size(10, 1e6, [1, 2, 3, 4])).seconds).toBe(10);
    const broken = size(10, 1e6, [1, 2]);
    broken.stages.push({ stage: "statements", status: "failed", seconds: 0.3, peakRssMb: 90, note: "exit 1" });
    expect(endToEnd(broken)).toMatchObject({ complete: false, brokenAt: "statements", seconds: 3 });
    expect(endToEnd(size(10, 1e6, [1, 2]))).toMatchObject({ complete: false, brokenAt: "statements" });
  });

  it("takes the one-process pipeline's run as end to end when there is one, and shows the stage sum beside it", () => {
    const run = size(10, 1e6, [1, 2, 3, 4]);
    run.pipeline = { status: "ok", seconds: 7, peakRssMb: 150, recomputed: null, note: "" };
    expect(endToEnd(run)).toMatchObject({ complete: true, seconds: 7, peakRssMb: 150 });
    const table = sizeTable(run, { seconds: 0.3, peakRssMb: 50 });
    expect(table).toMatch(/stages one by one \(sum\)\s+ok\s+1\.00\s+10\.00/);
    expect(table).toMatch(/end to end \(pnpm pipeline\)\s+ok\s+1\.00\s+7\.00/);
    run.pipeline = { status: "failed", seconds: null, peakRssMb: null, recomputed: null, note: "exit 1" };
    expect(endToEnd(run)).toMatchObject({ complete: false, brokenAt: "pipeline" });
  });

  it("gives the 10k/1k cost-per-MB ratio, or null when either size is incomplete", () => {
    const sizes = [size(1000, 6e6, [1, 1, 1, 1]), size(10000, 60e6, [10, 10, 12, 12])];
    expect(scalingRatio(sizes, 10000, 1000)).toBeCloseTo(1.1);
    expect(scalingRatio([sizes[0]!], 10000, 1000)).toBeNull();
    // Minus 0.5 s per stage run: (44 - 2) / 60 over (4 - 2) / 6.
    expect(scalingRatio(sizes, 10000, 1000, 0.5)).toBeCloseTo(2.1);
  });
});

describe("evaluateTargets", () => {
  it("passes a fast, flat, lean pipeline that beats the reference", () => {
    const large = size(10000, 60e6, [1, 1, 1, 1]);
    large.twoWorkers = { status: "ok", seconds: 2, peakRssMb: 200, recomputed: null, note: "" };
    const results = evaluateTargets(figures([size(1000, 6e6, [0.1, 0.1, 0.1, 0.1]), large], 4.6));
    const skipped = evaluateTargets(figures([size(10000, 60e6, [1, 1, 1, 1])], 4.6)).find((r) => r.target.startsWith("2 worker threads"));
    expect(skipped).toMatchObject({ status: "N/A", detail: "not run (--skip-workers)" });
    // The dashboard was skipped in these figures: no verdict either way.
    expect(results.map((r) => r.status)).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS", "N/A"]);
  });

  it("fails memory when only the 2-worker run goes over the limit", () => {
    const large = size(10000, 60e6, [1, 1, 1, 1]);
    large.twoWorkers = { status: "ok", seconds: 2, peakRssMb: 331, recomputed: null, note: "" };
    const results = evaluateTargets(figures([size(1000, 6e6, [0.1, 0.1, 0.1, 0.1]), large], 4.6));
    expect(status(results, "peak memory")).toBe("FAIL");
    expect(results.find((r) => r.target.startsWith("peak memory"))?.detail).toContain("331 MB (end to end, 2 workers, 10000 docs)");
  });

  it("fails throughput, memory and scaling when the figures miss them", () => {
    const results = evaluateTargets(figures([size(1000, 6e6, [0.2, 0.2, 0.2, 0.2]), size(10000, 60e6, [3, 3, 3, 3], 320)], 20));
    expect(status(results, "end to end")).toBe("FAIL");
    expect(status(results, "peak memory")).toBe("FAIL");
    expect(status(results, "cost per MB")).toBe("FAIL");
    expect(status(results, "ahead of wink")).toBe("FAIL");
  });

  it("reports N/A rather than a verdict when no size ran end to end", () => {
    const broken = size(100, 6e5, []);
    broken.stages.push({ stage: "ingest", status: "failed", seconds: 0.3, peakRssMb: 80, note: "exit 1" });
    broken.stages.push({ stage: "normalize", status: "skipped", seconds: null, peakRssMb: null, note: "" });
    const results = evaluateTargets(figures([broken], 4.6));
    expect(results.map((r) => r.status)).toEqual(["N/A", "N/A", "N/A", "N/A", "N/A", "N/A"]);
    expect(results[0]?.detail).toContain("ingest");
  });
});

describe("tables", () => {
  it("right-aligns figure columns and left-aligns text columns", () => {
    const table = formatTable(["name", "s"], [["ingest", "1.50"], ["metrics", "12.25"]]).split("\n");
    expect(table[2]).toBe("ingest    1.50");
    expect(table[3]).toBe("metrics  12.25");
  });

  it("prints stage rows with MB/s and s/MB, and the unimplemented rows as n/a", () => {
    const table = sizeTable(size(1000, 6e6, [0.5, 0.5, 1, 1]), { seconds: 0.25, peakRssMb: 80 });
    const e2e = table.split("\n").find((l) => l.startsWith("end to end "));
    expect(e2e).toMatch(/ 3\.00 +2\.00 +333 +1000 +100 +0\.500$/);
    expect(table).toMatch(/end to end, 2 workers +n\/a \(not run\)/);
    expect(table).toMatch(/incremental rerun: add 1 doc to 1000 +n\/a \(not run\)/);
  });

  it("prints the 2-worker run as a speedup over one core and the incremental rerun with what it recomputed", () => {
    const withSizes = (sizes: SizeFigures[]) => figures(sizes, null);
    const one = size(1000, 6e6, [0.5, 0.5, 1, 1]);
    one.twoWorkers = { status: "ok", seconds: 2, peakRssMb: 250, recomputed: null, note: "" };
    one.incremental = { status: "ok", seconds: 1.5, peakRssMb: 120, recomputed: { normalize: 1, statements: 1 }, note: "" };
    const table = sizeTable(one, { seconds: 0.25, peakRssMb: 80 });
    expect(table).toMatch(/end to end, 2 workers +ok, 1\.50× one core +6\.00 +2\.00 +3\.00 /);
    expect(table).toMatch(/incremental rerun: add 1 doc to 1000 +ok, recomputed 1\+1 +6\.00 +1\.50 /);
    const results = evaluateTargets(withSizes([one]));
    expect(results.find((r) => r.target.startsWith("2 worker threads"))).toMatchObject({ status: "FAIL", detail: "1.50× at 1000 docs" });
  });
});

describe("scalingTable", () => {
  it("shows each stage's cost per MB by size and the 10k/1k ratio", () => {
    const table = scalingTable([size(10000, 60e6, [6, 6, 6, 12]), size(1000, 6e6, [0.6, 0.6, 0.6, 0.6])]).split("\n");
    expect(table[0]).toMatch(/^stage +1000 docs +10000 docs +10k\/1k$/);
    expect(table.find((l) => l.startsWith("ingest"))).toMatch(/0\.100 +0\.100 +1\.00$/);
    expect(table.find((l) => l.startsWith("metrics"))).toMatch(/0\.100 +0\.200 +2\.00$/);
    expect(table.find((l) => l.startsWith("end to end"))).toMatch(/0\.400 +0\.500 +1\.25$/);
  });
});

describe("combineRuns", () => {
  it("takes the median time and the largest memory of repeated runs", () => {
    const combined = combineRuns([size(10, 1e6, [1], 90), size(10, 1e6, [3], 120), size(10, 1e6, [2], 100)]);
    expect(combined.stages[0]).toMatchObject({ seconds: 2, peakRssMb: 120, status: "ok" });
  });

  it("keeps a failure from any run", () => {
    const failing = size(10, 1e6, [1]);
    failing.stages[0] = { stage: "ingest", status: "failed", seconds: 0.2, peakRssMb: 80, note: "exit 1" };
    expect(combineRuns([size(10, 1e6, [1]), failing]).stages[0]?.status).toBe("failed");
  });
});

describe("dashboard target", () => {
  const route = (name: string, maxMs: number, statementsShipped: number, httpStatus = 200): RouteFigure => ({
    name,
    path: name === "compare" ? "/compare" : "/statements",
    httpStatus,
    requests: 20,
    medianMs: maxMs / 2,
    maxMs,
    kilobytes: 170,
    statementsShipped,
  });
  const dashboard = (routes: RouteFigure[]): DashboardFigures => ({ docs: 10000, statements: 80000, firstRequestMs: 1100, serverPeakRssMb: 400, routes });

  it("passes when every request is under 300 ms and no response carries more than one page", () => {
    const result = dashboardTarget(dashboard([route("compare", 80, 0), route("explorer", 120, 50)]), "");
    expect(result).toMatchObject({ status: "PASS", detail: "slowest request 120 ms (explorer); at most 50 of 80000 statements in a response, at 10000 docs" });
  });

  it("fails on one slow request, on a page that ships more than a page, and on an error page", () => {
    expect(dashboardTarget(dashboard([route("compare", 80, 0), route("explorer", 310, 50)]), "").status).toBe("FAIL");
    expect(dashboardTarget(dashboard([route("compare", 80, 0), route("explorer", 120, 51)]), "").status).toBe("FAIL");
    expect(dashboardTarget(dashboard([route("compare", 5, 0, 500)]), "")).toMatchObject({ status: "FAIL", detail: "/compare answered 500" });
  });

  it("is N/A with the reason when the dashboard was not measured", () => {
    expect(dashboardTarget(null, "dashboard failed: no build")).toMatchObject({ status: "N/A", detail: "dashboard failed: no build" });
  });

  it("prints a row per page with median, max, size and statements", () => {
    const table = dashboardTable(dashboard([route("compare", 80, 0), route("explorer", 120, 50)])).split("\n");
    expect(table.find((l) => l.startsWith("explorer"))).toMatch(/^explorer +\/statements +200 +60 +120 +170 +50$/);
    expect(table.at(-1)).toBe("first page after start (the overview; reads the artifacts): 1100 ms; server peak RSS 400 MB");
  });
});
