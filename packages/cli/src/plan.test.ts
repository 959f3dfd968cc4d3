import { describe, expect, it } from "vitest";
import { planRun } from "./plan";

describe("planRun", () => {
  it("goes through turbo when no folders are given, so unchanged stages are cache hits", () => {
    expect(planRun("normalize", [], "/repo/data")).toEqual({ mode: "turbo", task: "normalize", force: false });
    expect(planRun("pipeline", ["--force"], "/repo/data")).toEqual({ mode: "turbo", task: "metrics", force: true });
  });

  it("runs every stage directly on custom folders, feeding each stage the previous one's output", () => {
    const plan = planRun("pipeline", ["--input", "in", "--out", "out", "--strict"], "/repo/data");
    expect(plan).toEqual({
      mode: "direct",
      steps: [
        { stage: "ingest", args: ["--input", "in", "--out", "out", "--strict"] },
        { stage: "normalize", args: ["--input", "out", "--out", "out", "--strict"] },
        { stage: "statements", args: ["--input", "out", "--out", "out", "--strict"] },
        { stage: "metrics", args: ["--input", "out", "--out", "out", "--strict"] },
      ],
    });
  });

  it("gives --workers and --no-cache only to the stages with worker threads", () => {
    const plan = planRun("pipeline", ["--input", "in", "--workers", "2", "--out", "out", "--no-cache", "--strict"], "/repo/data");
    expect(plan.mode === "direct" && plan.steps.map((s) => s.args.slice(4))).toEqual([
      ["--strict"],
      ["--strict", "--workers", "2", "--no-cache"],
      ["--strict", "--workers", "2", "--no-cache"],
      ["--strict"],
    ]);
  });

  it("defaults the pipeline's missing folder to data/", () => {
    const plan = planRun("pipeline", ["--out", "/tmp/o"], "/repo/data");
    expect(plan.mode === "direct" && plan.steps[0]?.args).toEqual(["--input", "/repo/data/articles", "--out", "/tmp/o"]);
  });

  it("passes a single stage's own options through untouched", () => {
    expect(planRun("ingest", ["--help"], "/d")).toEqual({ mode: "direct", steps: [{ stage: "ingest", args: ["--help"] }] });
  });
});
