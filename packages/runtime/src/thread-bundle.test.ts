import { createRequire } from "node:module";
import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
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
    const bundle = await bundleTaskModules([a, b], await tempDir());
    expect(bundle).not.toBeNull();
    const modules = evaluateBundle(bundle!, createRequire(import.meta.url));
    expect(modules.get(a).createTask("hej")).toEqual({ text: "HEJ", shared: pathToFileURL(join(dir, "shared.ts")).href, own: "a.ts" });
    expect(modules.get(b).createTask("hej")).toBe("HEJ!");
  });

  it("gives null for a module that does not build, so the threads load it the old way and report its error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.ts"), `export function createTask( {\n`);
    expect(await bundleTaskModules([pathToFileURL(join(dir, "broken.ts")).href], dir)).toBeNull();
    expect(await bundleTaskModules([pathToFileURL(join(dir, "missing.ts")).href], dir)).toBeNull();
  });

  it("reuses the bundle it saved while none of its files changed, and builds anew once one did", async () => {
    const dir = await tempDir();
    const cache = await tempDir();
    const dep = join(dir, "dep.ts");
    await writeFile(dep, `export const word = "first";\n`);
    await writeFile(join(dir, "task.ts"), `import { word } from "./dep";\nexport const createTask = () => word;\n`);
    // Written well before the build: a file changed during a build keeps its bundle from being saved.
    const past = new Date(Date.now() - 60_000);
    for (const file of [dep, join(dir, "task.ts")]) await utimes(file, past, past);
    const task = pathToFileURL(join(dir, "task.ts")).href;
    const run = async () => evaluateBundle((await bundleTaskModules([task], cache))!, createRequire(import.meta.url)).get(task).createTask();
    expect(await run()).toBe("first");
    // Marks the saved bundle: a run that returns the mark took it from disk instead of building.
    const [saved] = await readdir(cache);
    const file = join(cache, saved!);
    await writeFile(file, (await readFile(file, "utf8")).replace('\\"first\\"', '\\"saved\\"'));
    expect(await run()).toBe("saved");
    // A file of the bundle (not the module named) changes: same size, so only its time tells.
    await writeFile(dep, `export const word = "fresh";\n`);
    await utimes(dep, new Date(), new Date(Date.now() + 5000));
    expect(await run()).toBe("fresh");
  });
});
