import { availableParallelism } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { JSON_CODEC, ResultCache, type CacheCodec, type CacheSpec } from "./cache";
import { CliError } from "./errors";
import type { LineTask, TaskInput, TaskModule, TaskResult } from "./tasks";
import { bundleTaskModules } from "./thread-bundle";

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);
/** Where the threads take cache keys from (worker-entry.mjs names the same module). */
const CACHE_MODULE = new URL("./cache.ts", import.meta.url).href;
/** Tasks in flight per thread: enough to keep every thread busy, few enough to keep memory flat. */
const QUEUE_PER_THREAD = 4;
/**
 * Jobs handed to one thread before its first is done: the thread starts the next as soon as it has
 * posted a result, instead of idling until this thread (busy writing) gets round to dispatching. Four
 * rather than two since each stage of a pipeline has a thread of its own (2-worker 10k pipeline
 * 9.1-9.5 s instead of 9.5-10.4 s over alternating runs).
 */
const JOBS_PER_THREAD = 4;
/**
 * Young-generation size of a worker thread. V8's default per thread (48 MB) made two threads overshoot
 * the 300 MB budget; at 8 MB each thread spent ~10% of its time in GC (16 MB: 2-worker 10k run about
 * 5% faster over alternating runs, peak 254-262 MB instead of 235-240 MB).
 */
const WORKER_YOUNG_GENERATION_MB = 16;
/**
 * Old-generation limit of a worker thread. Without one V8 lets each thread's heap grow lazily, and two
 * threads plus the main one peaked at 326–406 MB on 10k documents; with it, 275–298 MB at the same
 * speed. A 5.6 MB article still ran with the threads capped at 128 MB.
 */
const WORKER_OLD_GENERATION_MB = 192;

export interface TaskPoolOptions<Init, V = unknown> {
  /** Threads to run on; 1 runs every task in this thread. */
  workers: number;
  /** URL (href) of a module exporting `createTask(init)`; each thread loads it once. */
  module: string;
  init: Init;
  /** Per-document result cache, read and written in this thread: a hit never reaches a worker. */
  cache?: CacheSpec | undefined;
  /** How results are stored in the cache (default: JSON). */
  codec?: CacheCodec<V>;
  /** Builds the task for this thread instead of importing `module` (tests inject one this way). */
  local?: () => LineTask<unknown> | Promise<LineTask<unknown>>;
  /** Told why worker threads were asked for but tasks run in this thread instead. */
  onFallback?: (reason: string) => void;
}

/** Runs per-document tasks with results from the cache, on worker threads or in this thread. */
export interface TaskPool<V> {
  /** How many inputs may be in flight at once (for `mapInOrder`). */
  readonly capacity: number;
  /** Threads that ran tasks (0 while every result came from the cache). */
  readonly threads: number;
  run(input: TaskInput): Promise<TaskResult<V>>;
  /** Keeps this run's results as the cache (call once the run's outputs are committed). */
  commitCache(): void;
  /** Stops the threads; a cache not committed is left as it was before the run. */
  close(): Promise<void>;
}

interface Executor {
  readonly threads: number;
  /** `hashInput`: a worker thread also returns the input's cache key (this thread's executor does not). */
  run(input: TaskInput, hashInput: boolean): Promise<TaskResult<unknown>>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  key: string;
  input: TaskInput;
  hashInput: boolean;
  resolve(result: TaskResult<unknown>): void;
  reject(error: Error): void;
}

/** Parses `--workers N`: absent means one per available core. */
export function workerCount(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--workers must be a whole number ≥ 1, got "${String(value)}"`, 2);
  return n;
}

async function localExecutor(options: TaskPoolOptions<unknown>): Promise<Executor> {
  const task = options.local ? await options.local() : await ((await import(options.module)) as TaskModule<unknown, unknown>).createTask(options.init);
  return { threads: 1, run: async (input) => task(input), close: async () => {} };
}

/**
 * A job whose thread ran out of heap (or that found no thread left): worker heaps are capped well
 * below this thread's, so the document can still be run here.
 */
export class ThreadOutOfMemory extends Error {}

interface LoadReply {
  loaded: string;
  ok: boolean;
  message?: string;
}

/**
 * Worker threads that run the jobs of one or more tasks, each loaded into every thread under its
 * key: a stage's pool, or the threads a pipeline shares between stages that run at once.
 */
class ThreadGroup {
  /** The jobs each thread holds, oldest first: it runs them in the order they were posted. */
  private readonly held = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  /** The tasks loaded and not yet unloaded, in load order: where a task's jobs go depends on it (see `dispatch`). */
  private readonly keys: string[] = [];
  private broken: Error | null = null;
  private closed = false;

  constructor(readonly workers: Worker[]) {
    for (const worker of workers) {
      const held: Job[] = [];
      this.held.set(worker, held);
      worker.on("message", (message: { id?: number; ok: boolean; output?: TaskResult<unknown>; message?: string }) => {
        if (held[0] === undefined || held[0].id !== message.id) return;
        const job = held.shift()!;
        if (message.ok) job.resolve(message.output!);
        else job.reject(new Error(`line ${job.input.line}: ${message.message ?? "task failed"}`));
        this.dispatch();
      });
      worker.on("error", (error: Error) => {
        if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") this.lose(worker);
        else this.crash(worker, error);
      });
      worker.on("exit", (code: number) => {
        if (this.held.has(worker)) this.crash(worker, new Error(`worker thread exited with code ${code}`));
      });
    }
  }

  /** Loads a task into every thread under a new key; resolves once each has run `createTask`. */
  async load(options: TaskPoolOptions<unknown>): Promise<string> {
    if (this.broken) throw this.broken;
    const key = `task-${nextTaskKey++}`;
    this.keys.push(key);
    try {
      // A thread lost to a full heap meanwhile (another stage's document) is simply one fewer.
      await Promise.all(this.live().map((w) => loadTask(w, key, options).catch((error: unknown) => {
        if (this.held.has(w)) throw error;
      })));
    } catch (error) {
      // Threads that did load it (shared ones go on serving other stages) drop it again.
      this.unload(key);
      throw error;
    }
    return key;
  }

  run(key: string, input: TaskInput, hashInput: boolean): Promise<TaskResult<unknown>> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.held.size === 0) return Promise.reject(new ThreadOutOfMemory(NO_THREAD_LEFT));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, key, input, hashInput, resolve, reject });
      this.dispatch();
    });
  }

  /** Drops a task: its queued jobs are rejected and the threads forget it. */
  unload(key: string): void {
    const loaded = this.keys.indexOf(key);
    if (loaded >= 0) this.keys.splice(loaded, 1);
    const dropped = new Error("task pool closed");
    for (let i = this.queue.length - 1; i >= 0; i -= 1) if (this.queue[i]!.key === key) this.queue.splice(i, 1)[0]!.reject(dropped);
    if (!this.broken) for (const worker of this.live()) worker.postMessage({ unload: key });
  }

  /** Stops the threads; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const broken = (this.broken ??= new Error("task pool closed"));
    // Jobs still running on other threads settle too, so nobody waits for a thread that is gone.
    for (const job of [...[...this.held.values()].flatMap((held) => held.splice(0)), ...this.queue.splice(0)]) job.reject(broken);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /**
   * Hands queued jobs out, up to JOBS_PER_THREAD per thread, each to the one of its task's home threads
   * holding the fewest. With several tasks at once (the stages of a pipeline) each has threads of its
   * own, even if another task's thread idles: V8 compiles a thread's hot code for itself (seconds of
   * CPU for a stage, over thousands of documents), and a thread that runs one stage compiles only its
   * code. On the 2-worker 10k pipeline that saved ~2.5 s of CPU against any thread taking any job,
   * and ~1.5 s against idle threads taking other stages' jobs (~4% faster).
   */
  private dispatch(): void {
    const workers = this.live();
    for (let i = 0; i < this.queue.length && !this.closed; ) {
      const job = this.queue[i]!;
      const task = this.keys.indexOf(job.key);
      let target: Worker | undefined;
      let fewest = JOBS_PER_THREAD;
      for (const [k, worker] of workers.entries()) {
        const held = this.held.get(worker)!.length;
        if (held < fewest && isHome(k, workers.length, task, this.keys.length)) {
          target = worker;
          fewest = held;
        }
      }
      if (target === undefined) {
        // Its threads are busy: a later job of another task may still go to its own.
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      this.held.get(target)!.push(job);
      target.postMessage({ id: job.id, key: job.key, input: job.input, hashInput: job.hashInput });
    }
  }

  /** The threads still running (one lost to a full heap is gone). */
  live(): Worker[] {
    return [...this.held.keys()];
  }

  // A thread out of heap is dropped: its document is rejected for the caller to run elsewhere, the
  // jobs it held go back to the queue, and once no thread is left every job is rejected the same way.
  private lose(worker: Worker): void {
    const [running, ...waiting] = this.held.get(worker) ?? [];
    this.held.delete(worker);
    this.queue.unshift(...waiting);
    const limit = workerResourceLimits(process.execArgv).maxOldGenerationSizeMb;
    running?.reject(new ThreadOutOfMemory(`a worker thread ran out of memory on input line ${running.input.line} (its heap is capped at ${limit} MB); that document runs on the main thread`));
    if (this.held.size === 0) for (const job of this.queue.splice(0)) job.reject(new ThreadOutOfMemory(NO_THREAD_LEFT));
    this.dispatch();
  }

  // A thread that dies takes the group down: the line it held is named, every other job is rejected.
  private crash(worker: Worker, error: Error): void {
    if (this.broken) return;
    const job = this.held.get(worker)?.[0];
    this.broken = new Error(`worker thread failed${job ? ` on line ${job.input.line}` : ""}: ${error.message}`);
    void this.close();
  }
}

/** Whether thread `thread` of `threads` is a home of task `task` of `tasks` (every thread is, for a task alone). */
export function isHome(thread: number, threads: number, task: number, tasks: number): boolean {
  if (task < 0 || tasks <= 1) return true;
  return threads >= tasks ? thread % tasks === task : thread === task % threads;
}

const NO_THREAD_LEFT = "no worker thread left; running in one thread";
let nextTaskKey = 0;
/** The threads every pool of this process runs on while a pipeline shares them (see `shareThreads`). */
let shared: Promise<ThreadGroup> | null = null;

function startThread(): Promise<Worker> {
  const worker = new Worker(ENTRY, {
    execArgv: workerExecArgv(process.execArgv),
    resourceLimits: workerResourceLimits(process.execArgv),
  });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      void worker.terminate();
      reject(error);
    };
    worker.once("error", fail);
    worker.once("message", (message: { ready: boolean; message?: string }) => {
      worker.off("error", fail);
      if (!message.ready) return fail(new Error(message.message ?? "worker did not start"));
      resolve(worker);
    });
  });
}

// Starts `count` threads, all or none, with the task `modules` bundled while they start (or, when they
// cannot be bundled, preloaded through tsx).
async function startThreads(count: number, modules: readonly string[]): Promise<ThreadGroup> {
  const bundle = bundleTaskModules([CACHE_MODULE, ...modules]);
  const started = await Promise.allSettled(Array.from({ length: count }, () => startThread()));
  const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure === undefined) {
    const code = await bundle;
    for (const worker of workers) {
      if (code) worker.postMessage({ bundle: code });
      else for (const module of modules) worker.postMessage({ preload: module });
    }
    return new ThreadGroup(workers);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  throw failure.reason;
}

/**
 * Starts `count` worker threads now, each importing `modules`, and has every pool with worker threads
 * started from now on run on them: stages that run at once in one process share the cores instead of
 * each starting its own threads, and the threads' startup overlaps the work of this one.
 */
export function shareThreads(count: number, modules: readonly string[] = []): void {
  shared ??= startThreads(count, modules);
  // A failure is reported by the pool that uses the threads; until then it is expected.
  shared.catch(() => {});
}

/** Stops the shared threads: pools started after this start their own. */
export async function stopSharedThreads(): Promise<void> {
  const group = shared;
  shared = null;
  await (await group?.catch(() => null))?.close();
}

// Loads the task into a thread under `key`; resolves once createTask has run there.
function loadTask(worker: Worker, key: string, options: TaskPoolOptions<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReply = (reply: LoadReply) => {
      if (reply.loaded !== key) return;
      worker.off("message", onReply).off("error", reject);
      if (reply.ok) resolve();
      else reject(new Error(reply.message ?? "task did not load"));
    };
    worker.on("message", onReply).once("error", reject);
    worker.postMessage({ load: { key, module: options.module, init: options.init } });
  });
}

/**
 * The main thread's node flags without its preloads: Node 20 applies a TypeScript loader to none of a
 * worker's preloads, so a preloaded .ts file (tsx's own, a probe) would stop the thread from starting;
 * the worker entry loads tsx itself. The heap-size flags are left out too: Node refuses them in a
 * worker's execArgv (the threads would not start), so they become its resourceLimits instead.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i += 1) {
    const arg = execArgv[i]!;
    if (arg === "--import" || arg === "--require" || arg === "-r" || arg === "--loader" || arg === "--experimental-loader") i += 1;
    else if (!/^--(import|require|loader|experimental-loader|max-semi-space-size|max-old-space-size)=/.test(arg)) out.push(arg);
  }
  return out;
}

/** A worker's heap limits: the small young generation, and an old generation capped at the main thread's --max-old-space-size or the default. */
export function workerResourceLimits(execArgv: readonly string[]): ResourceLimits {
  const old = execArgv.map((arg) => /^--max-old-space-size=(\d+)$/.exec(arg)?.[1]).find((mb) => mb !== undefined);
  return { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: old === undefined ? WORKER_OLD_GENERATION_MB : Number(old) };
}

async function threadExecutor(options: TaskPoolOptions<unknown>): Promise<Executor> {
  const sharedGroup = shared ? await shared : null;
  const group = sharedGroup ?? (await startThreads(options.workers, [options.module]));
  const own = sharedGroup === null;
  try {
    const key = await group.load(options);
    const close = own ? () => group.close() : async () => group.unload(key);
    // Documents a thread could not hold run here, where the heap is not capped (said once per reason).
    let local: Promise<Executor> | null = null;
    const said = new Set<string>();
    const runHere = (input: TaskInput, hashInput: boolean, error: unknown) => {
      if (!(error instanceof ThreadOutOfMemory)) throw error;
      if (!said.has(error.message)) options.onFallback?.(error.message);
      said.add(error.message);
      local ??= localExecutor(options);
      return local.then((e) => e.run(input, hashInput));
    };
    return { threads: group.live().length, run: (input, hashInput) => group.run(key, input, hashInput).catch((error: unknown) => runHere(input, hashInput, error)), close };
  } catch (error) {
    if (own) await group.close();
    throw error;
  }
}

async function startExecutor(options: TaskPoolOptions<unknown>): Promise<Executor> {
  if (options.workers <= 1) return localExecutor(options);
  try {
    return await threadExecutor(options);
  } catch (failure) {
    // An error that happens in this thread too (a bad rules file) is thrown from here as it is.
    const local = await localExecutor(options);
    options.onFallback?.(`worker threads did not start (${(failure as Error).message}); running in one thread`);
    return local;
  }
}

/**
 * A pool of `workers` threads that each load the task module once, started on the first result the
 * cache does not have (a rerun that changed nothing starts no thread). If threads cannot start,
 * tasks run in this thread and `onFallback` says why.
 */
export function startTaskPool<Init, V>(options: TaskPoolOptions<Init, V>): TaskPool<V> {
  const opts = options as TaskPoolOptions<unknown>;
  const cache = options.cache ? new ResultCache(options.cache) : null;
  const codec = options.codec ?? (JSON_CODEC as CacheCodec<V>);
  const cached = (key: string): V | undefined => {
    const text = cache?.get(key);
    if (text === undefined) return undefined;
    try {
      return codec.decode(text);
    } catch {
      return undefined;
    }
  };
  let executor: Promise<Executor> | null = null;
  let threads = 0;
  const execute = (input: TaskInput, hashInput = false): Promise<TaskResult<V>> => {
    executor ??= startExecutor(opts).then((e) => {
      threads = e.threads;
      return e;
    });
    return executor.then((e) => e.run(input, hashInput)) as Promise<TaskResult<V>>;
  };
  // With no previous entries nothing can hit: worker threads hash the input alongside the task, off this busy thread.
  const lookUp = cache?.hasEntries === true || options.workers <= 1;
  let committed = false;
  return {
    capacity: Math.max(1, options.workers) * QUEUE_PER_THREAD,
    get threads() {
      return threads;
    },
    async run(input) {
      if (!cache) return execute(input);
      let key = lookUp ? cache.key(input.text) : undefined;
      const hit = key === undefined ? undefined : cached(key);
      if (hit !== undefined) return { ok: true, value: hit, cached: true, key: key! };
      const result = await execute(input, key === undefined);
      if (!result.ok) return result;
      key ??= result.key ?? cache.key(input.text);
      cache.set(key, codec.encode(result.value));
      return { ...result, cached: false, key };
    },
    commitCache() {
      committed = true;
      cache?.commit();
    },
    async close() {
      if (!committed) cache?.abort();
      if (executor) await (await executor.catch(() => null))?.close();
    },
  };
}

/**
 * Maps an async source through `run` with at most `limit` calls in flight, yielding results in input
 * order. The source is read only as results are taken, so a slow consumer holds back the reader.
 */
export async function* mapInOrder<I, O>(source: AsyncIterable<I>, run: (item: I) => Promise<O>, limit: number): AsyncGenerator<O> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Promise<O>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < Math.max(1, limit)) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const promise = run(next.value);
        // Rejections surface in order below; this keeps a later one from being reported as unhandled.
        promise.catch(() => {});
        pending.push(promise);
      }
      const head = pending.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
