import { createRequire } from "node:module";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./testing/temp-dirs";
import { bundleTaskModules } from "./thread-bundle";
import { evaluateBundle } from "./thread-bundle-eval.mjs";

const tempDir = useTempDirs();

describe("bundleTaskModules", () => {
  it("bundles modules with what they import into one script whose exports work, each module keeping its own import.meta.url", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "shared.ts"), `export const where = (): string => import.meta.url;\nexport const shout = (s: string): string => s.toUpperCase();\n`);
    await writeFile(join(dir, "a.ts"), `import { shout, where } from "./shared";\nimport { basename } from "node:path";\nexport function createTask(p: string) { return { text: shout(p), shared: where(), own: basename(new URL(import.meta.url).pathname) }; }\n`);
    await writeFile(join(dir, "b.ts"), `import { shout } from "./shared";\nexport const createTask = (p: string) => shout(p) + "!";\n`);
    const a = pathToFileURL(join(dir, "a.ts")).href;
    const b = pathToFileURL(join(dir, "b.ts")).href;
    const bundle = await bundleTaskModules([a, b]);
    expect(bundle).not.toBeNull();
    const modules = evaluateBundle(bundle!, createRequire(import.meta.url));
    expect(modules.get(a).createTask("hej")).toEqual({ text: "HEJ", shared: pathToFileURL(join(dir, "shared.ts")).href, own: "a.ts" });
    expect(modules.get(b).createTask("hej")).toBe("HEJ!");
  });

  it("gives null for a module that does not build, so the threads load it the old way and report its error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.ts"), `export function createTask( {\n`);
    expect(await bundleTaskModules([pathToFileURL(join(dir, "broken.ts")).href])).toBeNull();
    expect(await bundleTaskModules([pathToFileURL(join(dir, "missing.ts")).href])).toBeNull();
  });
});
