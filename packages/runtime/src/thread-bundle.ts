import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { repoRoot } from "./paths";

/**
 * The task modules of a set of worker threads, bundled into one CommonJS script with everything they
 * import. Why: a worker thread on Node 20 can load TypeScript only through tsx's require hook, whose
 * CommonJS output reads every imported function through an export getter at each call (about 1.5 s of
 * CPU over two threads on the 10k bench); in a bundle they are plain local calls, the stages' shared
 * modules (schemas, writers) are compiled once per thread, and the threads need no TypeScript loader.
 */
export interface ThreadBundle {
  code: string;
  /** The export of `code` that holds each module's namespace, by the module's URL (href). */
  exports: Record<string, string>;
}

// `import.meta.url` of each module as a literal: CommonJS output has no import.meta. (Not where it is
// quoted or a property name.)
const IMPORT_META_URL = /(?<![\w.'"`])import\.meta\.url\b/g;

const importMetaUrl: Plugin = {
  name: "import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes("/node_modules/")) return undefined;
      const source = await readFile(args.path, "utf8");
      return {
        contents: source.replace(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.[cm]?ts$/.test(args.path) ? "ts" : "js",
      };
    });
  },
};

/** A bundle takes ~0.15 s; a bundler that hangs must not hang the run (tsx takes over). */
const BUNDLE_TIMEOUT_MS = 20_000;

const timeout = (ms: number) => new Promise<null>((resolve) => setTimeout(resolve, ms, null).unref());

/** A bundle kept on disk with the size and time of every file in it, so a run can reuse it while none changed. */
interface SavedBundle extends ThreadBundle {
  inputs: [file: string, size: number, mtimeMs: number][];
}

/** The generated entry (it is no file): one export per module. */
const ENTRY_NAME = "thread-bundle-entry.js";

// Next to the dependencies it is built from; outside a checkout (no pnpm-workspace.yaml above), in the temp folder.
function defaultCacheDir(): string {
  try {
    return join(repoRoot(), "node_modules", ".cache", "viewpoints-thread-bundles");
  } catch {
    return join(tmpdir(), "viewpoints-thread-bundles");
  }
}

async function stamp(file: string): Promise<[string, number, number]> {
  const s = await stat(file);
  return [file, s.size, s.mtimeMs];
}

// The saved bundle, if every file it was built from is as it was then.
async function savedBundle(file: string): Promise<ThreadBundle | null> {
  try {
    const saved = JSON.parse(await readFile(file, "utf8")) as SavedBundle;
    const now = await Promise.all(saved.inputs.map(([input]) => stamp(input)));
    const same = now.every(([, size, mtime], k) => size === saved.inputs[k]![1] && mtime === saved.inputs[k]![2]);
    return same ? { code: saved.code, exports: saved.exports } : null;
  } catch {
    return null;
  }
}

// Written whole under a temporary name, then renamed: a run reading it never sees half a bundle.
async function saveBundle(file: string, bundle: SavedBundle): Promise<void> {
  try {
    await mkdir(join(file, ".."), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(bundle));
    await rename(temp, file);
  } catch {
    // A cache that cannot be written only costs the next run a rebuild.
  }
}

/**
 * Bundles the task modules (file URLs) for worker threads, or reuses the bundle saved in `cacheDir`
 * while none of its files changed (building takes ~0.2 s at every start of the threads); null when
 * they cannot be bundled (no esbuild, or a module that does not build): the threads then load them
 * through tsx, which reports what is wrong with a module the way it always has.
 */
export async function bundleTaskModules(modules: readonly string[], cacheDir: string = defaultCacheDir()): Promise<ThreadBundle | null> {
  if (modules.length === 0) return null;
  const cacheFile = join(cacheDir, `${createHash("sha256").update(JSON.stringify(modules)).digest("hex").slice(0, 16)}.json`);
  const saved = await savedBundle(cacheFile);
  if (saved) return saved;
  const exports: Record<string, string> = {};
  const lines = modules.map((module, k) => {
    exports[module] = `m${k}`;
    return `export * as m${k} from ${JSON.stringify(fileURLToPath(module))};`;
  });
  try {
    const esbuild = await import("esbuild");
    const started = Date.now();
    const build = esbuild.build({
      stdin: { contents: lines.join("\n"), loader: "js", resolveDir: process.cwd(), sourcefile: ENTRY_NAME },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "silent",
      plugins: [importMetaUrl],
      // The bundler itself stays out (the runtime package imports it, for the main thread).
      external: ["esbuild"],
      metafile: true,
    });
    const result = await Promise.race([build, timeout(BUNDLE_TIMEOUT_MS)]);
    const code = result?.outputFiles[0]?.text;
    if (code === undefined) return null;
    const files = Object.keys(result!.metafile.inputs).filter((input) => input !== ENTRY_NAME);
    const inputs = await Promise.all(files.map((input) => stamp(resolve(process.cwd(), input))));
    // A file changed while it was being built would look unchanged next time: such a bundle is not kept.
    if (inputs.every(([, , mtime]) => mtime < started)) await saveBundle(cacheFile, { code, exports, inputs });
    return { code, exports };
  } catch {
    return null;
  }
}
