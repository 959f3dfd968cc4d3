/** One input line handed to a per-document task, with its 1-based line number for error messages. */
export interface TaskInput {
  text: string;
  line: number;
  /** The line was validated and rendered by a stage of this process and handed on in memory (see `LineChannel`). */
  checked?: boolean;
}

/** Why a document was skipped: the file (and line) to name and what is wrong. */
export interface TaskFailure {
  ok: false;
  file: string;
  line: number | null;
  message: string;
}

/** What a per-document task returns: its value (and whether it came from the cache), or why it was skipped. */
export type TaskResult<V> = { ok: true; value: V; cached?: boolean; key?: string } | TaskFailure;

/** Per-document work: pure apart from its rules, so it can run on any thread and be cached by input. */
export type LineTask<V> = (input: TaskInput) => TaskResult<V>;

/** A module whose `createTask(init)` builds the task once per thread (loading rules and registries). */
export interface TaskModule<Init, V> {
  createTask(init: Init): LineTask<V> | Promise<LineTask<V>>;
}

/** The counts a per-document stage run ends with, for its summary line. */
export interface StageRunResult {
  read: number;
  written: number;
  skipped: number;
  /** Documents whose result came from the cache. */
  cached: number;
  /** Threads that computed results (0 when all came from the cache). */
  threads: number;
}
