/**
 * Runs every suite (type check, unit tests, browser tests) and ends with the line
 * "N passed, N failed" summed over all of them, which CI reads.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const results = join(root, ".test-results");

interface Suite {
  name: string;
  /** Runs only when this path exists (e.g. the dashboard's browser tests once the app is there). */
  when?: string;
  cmd: string[];
  /** A vitest JSON report to count tests from; without one the suite counts as one check. */
  report?: string;
}

const SUITES: Suite[] = [
  { name: "typecheck", cmd: ["pnpm", "exec", "turbo", "run", "typecheck", "--output-logs=errors-only"] },
  {
    name: "unit",
    cmd: ["pnpm", "exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${join(results, "unit.json")}`],
    report: join(results, "unit.json"),
  },
  {
    name: "browser",
    when: "apps/dashboard/e2e",
    cmd: ["pnpm", "--filter", "@viewpoints/dashboard", "e2e", `--outputFile.json=${join(results, "browser.json")}`],
    report: join(results, "browser.json"),
  },
];

function count(report: string): { passed: number; failed: number } | null {
  if (!existsSync(report)) return null;
  const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string }[] };
  // A file that fails to load has no tests to count; it still counts as a failure.
  const brokenFiles = json.testResults.filter((f) => f.status === "failed").length;
  return { passed: json.numPassedTests, failed: Math.max(json.numFailedTests, json.numFailedTests === 0 ? brokenFiles : 0) };
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
for (const suite of SUITES) {
  if (suite.when && !existsSync(join(root, suite.when))) continue;
  process.stdout.write(`\n=== ${suite.name}: ${suite.cmd.join(" ")}\n`);
  const run = spawnSync(suite.cmd[0]!, suite.cmd.slice(1), { cwd: root, stdio: "inherit", env: { ...process.env, CI: process.env.CI ?? "true" } });
  const counted = suite.report ? count(suite.report) : null;
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    if (run.status !== 0 && counted.failed === 0) failed += 1;
  } else if (run.status === 0) passed += 1;
  else failed += 1;
  process.stdout.write(`=== ${suite.name}: ${run.status === 0 ? "ok" : `exit ${run.status ?? run.signal}`}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
