/**
 * Preloaded into every measured child (`node --import tsx --import rss-probe.ts …`): at exit it writes
 * the process's peak resident memory, in kilobytes, to the file named by BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const target = process.env.BENCH_RSS_FILE;
if (target) {
  // Grandchildren must not overwrite the figure of the process being measured.
  delete process.env.BENCH_RSS_FILE;
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
