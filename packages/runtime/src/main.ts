import { CliError } from "./errors";

/**
 * Runs a command's main function: user errors print one clear message and set the exit code;
 * anything else is a bug and keeps its stack trace.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof CliError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = error.exitCode;
        return;
      }
      // Artifact and config problems name their file already; they are the user's to fix.
      if (error instanceof Error && (error.name === "ArtifactError" || error.name === "MissingArtifactError")) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/** Formats a stage's closing summary line. */
export function summaryLine(stage: string, figures: Record<string, number>, startedAt: number): string {
  const parts = Object.entries(figures).map(([k, v]) => `${v} ${k}`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  return `${stage}: ${parts.join(", ")} in ${seconds}s`;
}
