import { z } from "zod";
import { WinkResult } from "./wink-result";

export const STAGE_NAMES = ["ingest", "normalize", "statements", "metrics"] as const;

const Seconds = z.number().nonnegative();

export const StageFigure = z.object({
  stage: z.string(),
  status: z.enum(["ok", "failed", "skipped"]),
  seconds: Seconds.nullable(),
  peakRssMb: z.number().nonnegative().nullable(),
  /** Why a stage failed or was skipped (its last error lines), empty when it ran. */
  note: z.string(),
});
export type StageFigure = z.infer<typeof StageFigure>;

/** A whole-pipeline run: the one-process pipeline (one core or 2 worker threads), or an incremental rerun stage by stage. */
export const PipelineRun = z.object({
  status: z.enum(["ok", "failed"]),
  /** Wall time of the one process, or the sum of the stage processes' times (each with its startup). */
  seconds: Seconds.nullable(),
  peakRssMb: z.number().nonnegative().nullable(),
  /** Documents normalize and statements computed rather than took from their cache (incremental rerun). */
  recomputed: z.object({ normalize: z.number().int().nonnegative().nullable(), statements: z.number().int().nonnegative().nullable() }).nullable(),
  note: z.string(),
});
export type PipelineRun = z.infer<typeof PipelineRun>;

export const SizeFigures = z.object({
  docs: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Lines of statements.jsonl after the run; null when the file was not written. */
  statements: z.number().int().nonnegative().nullable(),
  stages: z.array(StageFigure),
  /** `pnpm pipeline` (all four stages in one process) pinned to one core: what a user gets; null when not run. */
  pipeline: PipelineRun.nullable().default(null),
  /** The one-process pipeline unpinned with `--workers 2`; null when not run. */
  twoWorkers: PipelineRun.nullable().default(null),
  /** The pipeline rerun on a copy of the corpus and outputs with one generated article added; null when not run. */
  incremental: PipelineRun.nullable().default(null),
});
export type SizeFigures = z.infer<typeof SizeFigures>;

/** One dashboard page requested again and again: time to the last byte of the response on localhost. */
export const RouteFigure = z.object({
  name: z.string(),
  path: z.string(),
  httpStatus: z.number().int(),
  requests: z.number().int().positive(),
  medianMs: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
  kilobytes: z.number().nonnegative(),
  /** Distinct statements of the run the response carries (see `shippedStatements`). */
  statementsShipped: z.number().int().nonnegative(),
});
export type RouteFigure = z.infer<typeof RouteFigure>;

/** `pnpm dashboard` serving the largest corpus's outputs. */
export const DashboardFigures = z.object({
  docs: z.number().int().nonnegative(),
  statements: z.number().int().nonnegative(),
  /** The first page served after start (the overview), for which the server reads the artifacts. */
  firstRequestMs: z.number().nonnegative(),
  /** Peak resident memory of the largest process of the server (Linux /proc), null elsewhere. */
  serverPeakRssMb: z.number().nonnegative().nullable(),
  routes: z.array(RouteFigure),
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;

export const TargetResult = z.object({
  target: z.string(),
  status: z.enum(["PASS", "FAIL", "N/A"]),
  detail: z.string(),
});
export type TargetResult = z.infer<typeof TargetResult>;

export const BenchFigures = z.object({
  measuredAt: z.string(),
  machine: z.object({ node: z.string(), cpu: z.string(), cores: z.number().int(), pinnedToOneCore: z.boolean(), loadAverage: z.number().nonnegative() }),
  startup: z.object({ seconds: Seconds, peakRssMb: z.number().nonnegative().nullable() }),
  sizes: z.array(SizeFigures),
  reference: WinkResult.extend({ name: z.string(), peakRssMb: z.number().nonnegative().nullable() }).nullable(),
  /** Why there is no reference figure, when there is none. */
  referenceNote: z.string(),
  dashboard: DashboardFigures.nullable().default(null),
  /** Why there are no dashboard figures, when there are none. */
  dashboardNote: z.string().default(""),
  targets: z.array(TargetResult),
});
export type BenchFigures = z.infer<typeof BenchFigures>;
