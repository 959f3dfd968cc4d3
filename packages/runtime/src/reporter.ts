/** Where a command's messages go; passed in so cores and tests stay quiet. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Progress of a long run; drawn only on an interactive terminal. */
  progress(done: number, total: number | undefined, label: string): void;
  /** Ends a progress line, if one was drawn. */
  done(): void;
}

export const silentReporter: Reporter = {
  info: () => {},
  warn: () => {},
  progress: () => {},
  done: () => {},
};

/** A reporter on stderr that draws progress only when stderr is a terminal and CI is unset. */
export function consoleReporter(
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Reporter {
  const interactive = Boolean(stream.isTTY) && !env.CI;
  let drawn = false;
  let lastDraw = 0;
  const clear = () => {
    if (drawn) {
      stream.write("\r\x1b[K");
      drawn = false;
    }
  };
  return {
    info(message) {
      clear();
      stream.write(`${message}\n`);
    },
    warn(message) {
      clear();
      stream.write(`warning: ${message}\n`);
    },
    progress(done, total, label) {
      if (!interactive) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done !== total) return;
      lastDraw = now;
      const of = total === undefined ? "" : `/${total}`;
      stream.write(`\r\x1b[K${label} ${done}${of}`);
      drawn = true;
    },
    done: clear,
  };
}

/** A reporter whose messages wait for `release()` and are dropped by `discard()`. */
export interface HeldReporter extends Reporter {
  /** Prints the messages kept so far; later ones go straight through. */
  release(): void;
  /** Drops the messages kept so far and every later one. */
  discard(): void;
}

/**
 * Holds a stage's messages while the stages before it still run in the same process, so the output
 * reads as if the stages ran one after another; progress is not drawn while held.
 */
export function heldReporter(target: Reporter): HeldReporter {
  let state: "held" | "released" | "discarded" = "held";
  let kept: [kind: "info" | "warn", message: string][] = [];
  const pass = (kind: "info" | "warn", message: string) => {
    if (state === "held") kept.push([kind, message]);
    else if (state === "released") target[kind](message);
  };
  return {
    info: (message) => pass("info", message),
    warn: (message) => pass("warn", message),
    progress: (done, total, label) => {
      if (state === "released") target.progress(done, total, label);
    },
    done: () => {
      if (state === "released") target.done();
    },
    release() {
      if (state !== "held") return;
      state = "released";
      for (const [kind, message] of kept) target[kind](message);
      kept = [];
    },
    discard() {
      state = "discarded";
      kept = [];
    },
  };
}
