import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "@viewpoints/runtime";
import { useTempDirs } from "@viewpoints/runtime/testing";
import { describe, expect, it } from "vitest";
import { recomputedFromLog, runNodeChild } from "./measure";

const tempDir = useTempDirs();

describe("runNodeChild", () => {
  it("reports a failing child's exit code, its last error line and its peak memory", async () => {
    const dir = await tempDir("bench-child-");
    const script = join(dir, "fail.ts");
    await writeFile(script, 'const kept: number[] = Array.from({ length: 1e6 }, (_, i) => i);\nconsole.error(`bad input ${kept.length}`);\nprocess.exitCode = 3;\n');
    const run = await runNodeChild(script, [], { cwd: repoRoot(), logFile: join(dir, "fail.log"), timeoutSeconds: 60, pinToOneCore: false });
    expect(run).toMatchObject({ ok: false, exitCode: 3, timedOut: false, errorTail: "bad input 1000000" });
    expect(run.peakRssMb).toBeGreaterThan(20);
  });
});

describe("recomputedFromLog", () => {
  it("reads how many documents a stage computed from its closing line", async () => {
    const dir = await tempDir("bench-log-");
    const log = join(dir, "statements.log");
    await writeFile(log, "warning: something\nstatements: 10001 documents read, 10000 from cache, 1 threads, 80000 statements written, 0 records skipped in 3.10s\n");
    expect(recomputedFromLog(log)).toBe(1);
    expect(recomputedFromLog(join(dir, "missing.log"))).toBeNull();
  });
});
