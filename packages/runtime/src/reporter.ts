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
