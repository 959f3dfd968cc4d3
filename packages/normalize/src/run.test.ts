import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { NormalizeReport } from "@viewpoints/artifacts";
import { silentReporter } from "@viewpoints/runtime";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "@viewpoints/runtime/testing";
import type { NormalizeContext } from "./context";
import { runNormalize } from "./run";
import { testContext, testDocument } from "./test-context";

const tempDir = useTempDirs();

// A context whose registry fails on one word, standing in for any bug that throws on one document.
function failingContext(): NormalizeContext {
  const context = testContext([]);
  const registry = new Map(context.registry);
  registry.get = (key: string) => {
    if (key === "kaboom") throw new Error("registry exploded");
    return undefined;
  };
  return { ...context, registry };
}

async function corpus(): Promise<string> {
  const dir = await tempDir("vp-normalize-run-");
  const docs = [
    testDocument("Det här är en vanlig mening om läget.", { id: "fine", file: "fine.txt" }),
    testDocument("Här står Kaboom i texten.", { id: "broken", file: "broken.txt" }),
  ];
  await writeFile(join(dir, "documents.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return dir;
}

describe("runNormalize", () => {
  it("reports a document that fails by file and reason, and writes the others", async () => {
    const dir = await corpus();
    const result = await runNormalize({ inputDir: dir, outDir: dir, strict: false, context: failingContext(), reporter: silentReporter });
    expect(result).toEqual({ read: 2, written: 1, skipped: 1, cached: 0, threads: 1 });
    const report = NormalizeReport.parse(JSON.parse(await readFile(join(dir, "normalize-report.json"), "utf8")));
    expect(report.problems).toEqual([{ file: "broken.txt", line: null, message: "could not normalize document broken: registry exploded", severity: "error" }]);
    expect((await readFile(join(dir, "normalized.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l).id)).toEqual(["fine"]);
  });

  it("fails the run with --strict and leaves no output behind", async () => {
    const dir = await corpus();
    await expect(runNormalize({ inputDir: dir, outDir: dir, strict: true, context: failingContext(), reporter: silentReporter })).rejects.toThrow(
      "broken.txt: could not normalize document broken: registry exploded",
    );
    await expect(readFile(join(dir, "normalized.jsonl"), "utf8")).rejects.toThrow(/ENOENT/);
  });
});
