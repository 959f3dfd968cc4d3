import type { Reporter } from "./reporter";
import type { TaskInput } from "./tasks";

/**
 * How a stage of a pipeline that runs its stages at once is wired to its neighbours. Without it a
 * stage reads its input file and writes only its own outputs, as when run alone.
 */
export interface StageLink {
  /** Input lines to read instead of the input file: what the upstream stage writes, as it writes it. */
  source?: AsyncIterable<TaskInput>;
  /**
   * Told every record line (with its "\n") this stage writes to its main output, in order: lines
   * rendered by `serializeJsonlRecord`, which the next stage therefore reads as already checked.
   */
  tap?: (lines: string) => Promise<void>;
  /** Where the stage's messages go instead of a new console reporter. */
  reporter?: Reporter;
}

/** What a downstream stage reads once its upstream stage failed: it must not commit. */
export class UpstreamFailedError extends Error {
  constructor() {
    super("an earlier stage failed; outputs left unchanged");
    this.name = "UpstreamFailedError";
  }
}

/**
 * A bounded queue of JSONL lines from one stage to the next, read as `{text, line}` like
 * `readJsonlLines` reads the file they are also written to, and marked `checked`: the writing stage
 * validated each one as it rendered it, so the reader need not validate it again. The writer waits while it is full, so
 * memory stays flat; the reader's end comes only with `close()`, which the pipeline calls once the
 * writing stage committed, so the reader cannot commit before it. A reader that stops early
 * (or `detach()`) lets the writer go on alone.
 */
export class LineChannel implements AsyncIterable<TaskInput> {
  private readonly items: TaskInput[] = [];
  private line = 0;
  private ended = false;
  private failure: Error | null = null;
  private detached = false;
  private waitingReader: (() => void) | null = null;
  private waitingWriters: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  /** Queues each line of `lines` (text ending in "\n"); waits while the queue is full. */
  async push(lines: string): Promise<void> {
    let start = 0;
    for (let nl = lines.indexOf("\n"); nl >= 0; nl = lines.indexOf("\n", start)) {
      const text = lines.slice(start, nl);
      start = nl + 1;
      this.line += 1;
      // Blank lines count as lines but are not read, as in readJsonlLines.
      if (this.detached || text.trim() === "") continue;
      while (this.items.length >= this.capacity && !this.detached) await new Promise<void>((resolve) => this.waitingWriters.push(resolve));
      if (!this.detached) this.items.push({ text, line: this.line, checked: true });
      this.wakeReader();
    }
  }

  /** The writer committed: the reader ends after the queued lines. */
  close(): void {
    this.ended = true;
    this.wakeReader();
  }

  /** The writer failed: the reader throws `error` instead of reading on. */
  fail(error: Error): void {
    this.failure = error;
    this.ended = true;
    this.items.length = 0;
    this.wakeReader();
    this.detach();
  }

  /** The reader is gone: queued and later lines are dropped and the writer never waits. */
  detach(): void {
    this.detached = true;
    this.items.length = 0;
    for (const resolve of this.waitingWriters.splice(0)) resolve();
  }

  [Symbol.asyncIterator](): AsyncIterator<TaskInput> {
    return {
      next: async () => {
        for (;;) {
          if (this.failure) throw this.failure;
          const item = this.items.shift();
          if (item !== undefined) {
            this.waitingWriters.shift()?.();
            return { done: false, value: item };
          }
          if (this.ended || this.detached) return { done: true, value: undefined };
          await new Promise<void>((resolve) => (this.waitingReader = resolve));
        }
      },
      return: async () => {
        this.detach();
        return { done: true, value: undefined };
      },
    };
  }

  private wakeReader(): void {
    const wake = this.waitingReader;
    this.waitingReader = null;
    wake?.();
  }
}
