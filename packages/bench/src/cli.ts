import { existsSync } from "node:fs";
import { cp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { artifactPath, readJsonFile, writeJsonAtomic } from "@viewpoints/artifacts";
import {
  CliError,
  consoleReporter,
  helpText,
  parseCommandArgs,
  pathOption,
  repoRoot,
  resolveUserPath,
  runMain,
  summaryLine,
  type CommandSpec,
  type Reporter,
} from "@viewpoints/runtime";
import { DEFAULT_CORPUS_OPTIONS, makeDocument, prepareCorpusSource, type CorpusOptions, type CorpusSource } from "./corpus";
import { ensureCorpus, readSourceArticles, type CorpusOnDisk } from "./corpus-files";
import { BenchFigures, STAGE_NAMES, type PipelineRun, type SizeFigures, type StageFigure } from "./figures";
import { canPin, countLines, recomputedFromLog, runNodeChild, type ChildOptions } from "./measure";
import { combineRuns, evaluateTargets, median, renderReport } from "./report";
import { measureDashboard } from "./dashboard";
import { WinkResult } from "./wink-result";

const SPEC: CommandSpec = {
  name: "bench",
  summary:
    "Generates synthetic corpora from the seed articles, runs each stage CLI on them as its own process and then `pnpm pipeline` (one process), and reports " +
    "throughput, peak memory and scaling against the targets, with wink-nlp on the same English text as a reference.",
  options: {
    sizes: { type: "string", value: "N,N", description: "corpus sizes in documents", default: "100,1000,10000" },
    stages: { type: "string", value: "A,B", description: "stages to run, in order (a later stage alone reuses earlier outputs)", default: STAGE_NAMES.join(",") },
    source: { type: "string", value: "DIR", description: "articles the corpora are built from", default: "data/articles" },
    dir: { type: "string", value: "DIR", description: "where corpora, stage outputs and logs go", default: "data/bench" },
    seed: { type: "string", value: "N", description: "seed of the corpus generator", default: "1" },
    repo: { type: "string", value: "DIR", description: "checkout whose stage CLIs are run (default: this one)" },
    regenerate: { type: "boolean", description: "make the corpora again even if they exist" },
    json: { type: "string", value: "FILE", description: "also save the figures as JSON" },
    runs: { type: "string", value: "N", description: "run each size N times; report median time and maximum memory", default: "1" },
    timeout: { type: "string", value: "SECONDS", description: "stop a stage that runs longer than this", default: "1800" },
    unpinned: { type: "boolean", description: "let children use every core (default: pinned to one with taskset)" },
    "skip-reference": { type: "boolean", description: "do not run the wink-nlp reference" },
    "skip-workers": { type: "boolean", description: "do not run the one-process pipeline again unpinned with --workers 2" },
    "skip-incremental": { type: "boolean", description: "do not rerun on a copy of each corpus with one article added" },
    "skip-dashboard": { type: "boolean", description: "do not serve the largest corpus's outputs with `pnpm dashboard` and time its pages" },
  },
  notes: [
    "Corpora go to DIR/<size>/articles (made once; ~6 KB per document), stage outputs to DIR/<size>/out, logs to DIR/<size>/logs.",
    "The dashboard is built (a turbo cache hit when unchanged) and served on the largest size's outputs; its log is DIR/<size>/logs/dashboard.log.",
    "Example: pnpm bench --sizes 100,1000 --json data/bench/figures.json",
  ],
};

/** Timed requests per dashboard page (after one warm-up). */
const DASHBOARD_REQUESTS = 20;
/** Building the dashboard on a fresh clone and starting it must fit in this. */
const DASHBOARD_START_SECONDS = 600;

/** Serves the largest corpus whose four stages all ran, and times its pages; null with the reason otherwise. */
async function runDashboard(corpora: CorpusOnDisk[], results: SizeFigures[], repo: string, reporter: Reporter): Promise<{ dashboard: BenchFigures["dashboard"]; note: string }> {
  const complete = corpora
    .map((corpus, i) => ({ corpus, figures: results[i] }))
    .filter(({ figures }) => STAGE_NAMES.every((name) => figures?.stages.find((s) => s.stage === name)?.status === "ok"))
    .sort((a, b) => b.corpus.manifest.count - a.corpus.manifest.count)[0];
  if (!complete) return { dashboard: null, note: "no size ran all four stages" };
  const label = `${complete.corpus.manifest.count} docs: dashboard`;
  const logFile = join(complete.corpus.dir, "logs", "dashboard.log");
  try {
    const dashboard = await measureDashboard(
      { repo, out: join(complete.corpus.dir, "out"), docs: complete.corpus.manifest.count, logFile, requests: DASHBOARD_REQUESTS, startTimeoutSeconds: DASHBOARD_START_SECONDS },
      (step) => reporter.progress(0, undefined, `${label}, ${step}`),
    );
    return { dashboard, note: "" };
  } catch (error) {
    return { dashboard: null, note: `dashboard failed: ${(error as Error).message} (log: ${logFile})` };
  } finally {
    reporter.done();
  }
}

/** English text the reference reads: the English documents of the largest corpus, up to this many bytes. */
const REFERENCE_CAP_BYTES = 10_000_000;
const REFERENCE_LANGUAGE = "en";
const REFERENCE_NAME = "wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1 (pipe: sbd; readDoc, sentences, tokens)";

function positiveInts(raw: string, option: string): number[] {
  const values = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const numbers = values.map(Number);
  if (values.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new CliError(`--${option} must be positive whole numbers separated by commas, got "${raw}"`, 2);
  }
  return numbers;
}

async function measureStartup(child: Omit<ChildOptions, "logFile">, logs: string): Promise<BenchFigures["startup"]> {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    runs.push(await runNodeChild(join(import.meta.dirname, "noop.ts"), [], { ...child, logFile: join(logs, "noop.log") }));
  }
  const failed = runs.find((r) => !r.ok);
  if (failed) throw new CliError(`cannot start node --import tsx: ${failed.errorTail}`);
  const rss = runs.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return { seconds: median(runs.map((r) => r.seconds)), peakRssMb: rss.length ? median(rss) : null };
}

/** Runs the stage CLIs in order on `articles` into `out`, stopping at the first that fails. */
async function runStages(
  stages: readonly string[],
  dirs: { articles: string; out: string; logs: string },
  child: Omit<ChildOptions, "logFile">,
  extraArgs: (stage: string) => string[],
  onStage: (stage: string, done: number) => void,
): Promise<StageFigure[]> {
  const figures: StageFigure[] = [];
  let broken: string | null = null;
  for (const stage of stages) {
    const cli = join(child.cwd, "packages", stage, "src", "cli.ts");
    if (broken !== null) {
      figures.push({ stage, status: "skipped", seconds: null, peakRssMb: null, note: `skipped: ${broken} did not finish` });
      continue;
    }
    if (!existsSync(cli)) {
      figures.push({ stage, status: "failed", seconds: null, peakRssMb: null, note: `no ${cli}` });
      broken = stage;
      continue;
    }
    onStage(stage, figures.length);
    const input = stage === STAGE_NAMES[0] ? dirs.articles : dirs.out;
    const log = join(dirs.logs, `${stage}.log`);
    const run = await runNodeChild(cli, ["--input", input, "--out", dirs.out, ...extraArgs(stage)], { ...child, logFile: log });
    const note = run.ok ? "" : `${run.timedOut ? "timed out" : `exit ${run.exitCode ?? "?"}`}: ${run.errorTail} (log: ${log})`;
    figures.push({ stage, status: run.ok ? "ok" : "failed", seconds: run.seconds, peakRssMb: run.peakRssMb, note });
    if (!run.ok) broken = stage;
  }
  return figures;
}

/** Folds the stage runs of a whole pipeline into one row. */
function pipelineRun(stages: StageFigure[], recomputed: PipelineRun["recomputed"]): PipelineRun {
  const failed = stages.find((s) => s.status !== "ok");
  const rss = stages.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
  return {
    status: failed ? "failed" : "ok",
    seconds: failed ? null : stages.reduce((sum, s) => sum + (s.seconds ?? 0), 0),
    peakRssMb: rss.length ? Math.max(...rss) : null,
    recomputed,
    note: failed ? `${failed.stage}: ${failed.note}` : "",
  };
}

/** Runs `pnpm pipeline`'s one-process path (packages/cli/src/stage.ts) on `articles` into a fresh `out`. */
async function runPipelineProcess(dirs: { articles: string; out: string; logs: string }, child: Omit<ChildOptions, "logFile">, extraArgs: string[]): Promise<PipelineRun> {
  await rm(dirs.out, { recursive: true, force: true });
  const log = join(dirs.logs, "pipeline.log");
  const script = join(child.cwd, "packages", "cli", "src", "stage.ts");
  const run = await runNodeChild(script, ["pipeline", "--input", dirs.articles, "--out", dirs.out, ...extraArgs], { ...child, logFile: log });
  const note = run.ok ? "" : `${run.timedOut ? "timed out" : `exit ${run.exitCode ?? "?"}`}: ${run.errorTail} (log: ${log})`;
  return { status: run.ok ? "ok" : "failed", seconds: run.ok ? run.seconds : null, peakRssMb: run.peakRssMb, recomputed: null, note };
}

async function runSize(
  corpus: CorpusOnDisk,
  stages: string[],
  child: Omit<ChildOptions, "logFile">,
  reporter: Reporter,
  extras: { twoWorkers: boolean; incremental: CorpusSource | null; options: CorpusOptions },
): Promise<SizeFigures> {
  const out = join(corpus.dir, "out");
  const logs = join(corpus.dir, "logs");
  const label = `${corpus.manifest.count} docs`;
  // A run from ingest starts clean, so no stage finds an earlier run's artifacts; a later stage alone reuses them.
  if (stages[0] === STAGE_NAMES[0]) await rm(out, { recursive: true, force: true });
  const figures = await runStages(stages, { articles: corpus.articlesDir, out, logs }, child, () => [], (stage, done) =>
    reporter.progress(done, stages.length, `${label}: ${stage}`),
  );
  reporter.done();
  const complete = stages.length === STAGE_NAMES.length && figures.every((f) => f.status === "ok");

  let pipeline: PipelineRun | null = null;
  let twoWorkers: PipelineRun | null = null;
  if (complete) {
    reporter.progress(0, undefined, `${label}: pnpm pipeline`);
    pipeline = await runPipelineProcess({ articles: corpus.articlesDir, out: join(corpus.dir, "out-pipeline"), logs }, child, []);
    reporter.done();
  }
  if (complete && extras.twoWorkers) {
    reporter.progress(0, undefined, `${label}: pnpm pipeline, 2 workers`);
    const dirs = { articles: corpus.articlesDir, out: join(corpus.dir, "out-2-workers"), logs: join(logs, "2-workers") };
    twoWorkers = await runPipelineProcess(dirs, { ...child, pinToOneCore: false }, ["--workers", "2"]);
    reporter.done();
  }

  let incremental: PipelineRun | null = null;
  if (complete && extras.incremental) {
    // A copy of the corpus and of its outputs (caches included), plus one new article.
    const base = join(corpus.dir, "incremental");
    const dirs = { articles: join(base, "articles"), out: join(base, "out"), logs: join(base, "logs") };
    await rm(base, { recursive: true, force: true });
    await cp(corpus.articlesDir, dirs.articles, { recursive: true });
    await cp(out, dirs.out, { recursive: true });
    const added = makeDocument(extras.incremental, corpus.manifest.count, extras.options);
    await writeFile(join(dirs.articles, `${String(added.index).padStart(6, "0")}.txt`), added.text);
    const runs = await runStages(stages, dirs, child, () => [], (stage) => reporter.progress(0, undefined, `${label}, incremental: ${stage}`));
    incremental = pipelineRun(runs, {
      normalize: recomputedFromLog(join(dirs.logs, "normalize.log")),
      statements: recomputedFromLog(join(dirs.logs, "statements.log")),
    });
    reporter.done();
  }
  return { docs: corpus.manifest.count, bytes: corpus.manifest.bytes, statements: countLines(artifactPath(out, "statements")), stages: figures, pipeline, twoWorkers, incremental };
}

async function runReference(
  corpus: CorpusOnDisk,
  child: Omit<ChildOptions, "logFile">,
  runs: number,
): Promise<{ reference: BenchFigures["reference"]; note: string }> {
  const files: string[] = [];
  let bytes = 0;
  for (const doc of corpus.manifest.documents) {
    if (doc.language !== REFERENCE_LANGUAGE || bytes + doc.bytes > REFERENCE_CAP_BYTES) continue;
    files.push(join(corpus.articlesDir, doc.file));
    bytes += doc.bytes;
  }
  if (files.length === 0) return { reference: null, note: `the ${corpus.manifest.count}-doc corpus has no English documents` };
  const list = join(corpus.dir, "reference-files.txt");
  const result = join(corpus.dir, "reference-result.json");
  await writeFile(list, `${files.join("\n")}\n`);
  const results: NonNullable<BenchFigures["reference"]>[] = [];
  for (let i = 0; i < runs; i += 1) {
    await rm(result, { force: true });
    const run = await runNodeChild(join(import.meta.dirname, "wink-reference.ts"), ["--list", list, "--result", result], {
      ...child,
      logFile: join(corpus.dir, "logs", "wink-reference.log"),
    });
    if (!run.ok) return { reference: null, note: `wink-nlp reference failed: ${run.errorTail}` };
    results.push({ name: REFERENCE_NAME, ...(await readJsonFile(result, WinkResult)), peakRssMb: run.peakRssMb });
  }
  // The run with the median processing time stands for all of them.
  const ordered = results.sort((a, b) => a.seconds - b.seconds);
  return { reference: ordered[Math.floor(ordered.length / 2)] ?? null, note: "" };
}

runMain(async () => {
  const options = parseCommandArgs(SPEC, process.argv.slice(2));
  if (options === null) {
    process.stdout.write(helpText(SPEC));
    return 0;
  }
  const startedAt = performance.now();
  const reporter = consoleReporter();
  const sizes = [...new Set(positiveInts(String(options.sizes), "sizes"))].sort((a, b) => a - b);
  const [seed] = positiveInts(String(options.seed), "seed");
  const [timeout] = positiveInts(String(options.timeout), "timeout");
  const [runs] = positiveInts(String(options.runs), "runs");
  const stages = String(options.stages).split(",").map((s) => s.trim()).filter((s) => s !== "");
  const unknown = stages.filter((s) => !(STAGE_NAMES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new CliError(`unknown stage ${unknown.join(", ")}; use ${STAGE_NAMES.join(", ")}`, 2);
  const root = repoRoot();
  const sourceDir = pathOption(SPEC, options, "source");
  const benchDir = pathOption(SPEC, options, "dir");
  const pin = !options.unpinned && canPin();
  if (!options.unpinned && !pin) reporter.warn("taskset not found: children are not pinned to one core");
  const stageRepo = typeof options.repo === "string" ? resolveUserPath(options.repo) : root;
  if (!existsSync(join(stageRepo, "packages"))) throw new CliError(`--repo ${stageRepo}: no packages/ folder there`, 2);
  const child = { cwd: stageRepo, timeoutSeconds: timeout ?? 1800, pinToOneCore: pin };

  // Other work on the machine slows every figure; the load is printed so readers can judge.
  const loadAverage = Number((loadavg()[0] ?? 0).toFixed(2));
  if (loadAverage > cpus().length / 2) reporter.warn(`load average ${loadAverage} on ${cpus().length} cores: figures will be slower than on an idle machine`);
  const sources = await readSourceArticles(sourceDir, join(root, "data", "languages"));
  const corpora: CorpusOnDisk[] = [];
  for (const size of sizes) {
    const t0 = performance.now();
    const corpus = await ensureCorpus(join(benchDir, String(size)), size, sources, { ...DEFAULT_CORPUS_OPTIONS, seed: seed ?? 1 }, {
      regenerate: Boolean(options.regenerate),
      onProgress: (done) => reporter.progress(done, size, `corpus ${size}`),
    });
    reporter.done();
    const mb = (corpus.manifest.bytes / 1e6).toFixed(1);
    reporter.info(`corpus ${size}: ${corpus.regenerated ? `generated ${mb} MB in ${((performance.now() - t0) / 1000).toFixed(1)}s` : `reusing ${mb} MB`} (${corpus.articlesDir})`);
    corpora.push(corpus);
  }

  const startup = await measureStartup(child, join(benchDir, "logs"));
  reporter.info(`no-op startup: ${startup.seconds.toFixed(2)}s`);
  const corpusOptions = { ...DEFAULT_CORPUS_OPTIONS, seed: seed ?? 1 };
  const extras = {
    twoWorkers: !options["skip-workers"],
    incremental: options["skip-incremental"] ? null : prepareCorpusSource(sources, corpusOptions.seed),
    options: corpusOptions,
  };
  const results: SizeFigures[] = [];
  for (const corpus of corpora) {
    const repeats: SizeFigures[] = [];
    for (let i = 0; i < (runs ?? 1); i += 1) repeats.push(await runSize(corpus, stages, child, reporter, extras));
    const figures = combineRuns(repeats);
    const failed = figures.stages.filter((s) => s.status !== "ok").map((s) => `${s.stage} ${s.status}`);
    reporter.info(`size ${corpus.manifest.count}: ${failed.length === 0 ? "all stages ran" : failed.join(", ")}`);
    results.push(figures);
  }

  const largest = [...corpora].sort((a, b) => b.manifest.count - a.manifest.count)[0];
  const { reference, note } =
    options["skip-reference"] || !largest ? { reference: null, note: "skipped (--skip-reference)" } : await runReference(largest, child, runs ?? 1);

  const { dashboard, note: dashboardNote } = options["skip-dashboard"] ? { dashboard: null, note: "skipped (--skip-dashboard)" } : await runDashboard(corpora, results, stageRepo, reporter);

  const measured = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus()[0]?.model ?? "unknown CPU", cores: cpus().length, pinnedToOneCore: pin, loadAverage },
    startup,
    sizes: results,
    reference,
    referenceNote: note,
    dashboard,
    dashboardNote,
  };
  const figures: BenchFigures = { ...measured, targets: evaluateTargets(measured) };
  process.stdout.write(renderReport(figures));
  if (typeof options.json === "string") await writeJsonAtomic(resolveUserPath(options.json), BenchFigures, figures);

  const stageRuns = results.flatMap((r) => r.stages);
  reporter.info(
    summaryLine(
      "bench",
      { sizes: results.length, "stage runs ok": stageRuns.filter((s) => s.status === "ok").length, failed: stageRuns.filter((s) => s.status === "failed").length, skipped: stageRuns.filter((s) => s.status === "skipped").length },
      startedAt,
    ),
  );
  return 0;
});
