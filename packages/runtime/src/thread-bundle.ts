import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";

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

/**
 * Bundles the task modules (file URLs) for worker threads; null when they cannot be bundled (no
 * esbuild, or a module that does not build): the threads then load them through tsx, which reports
 * what is wrong with a module the way it always has.
 */
export async function bundleTaskModules(modules: readonly string[]): Promise<ThreadBundle | null> {
  if (modules.length === 0) return null;
  const exports: Record<string, string> = {};
  const lines = modules.map((module, k) => {
    exports[module] = `m${k}`;
    return `export * as m${k} from ${JSON.stringify(fileURLToPath(module))};`;
  });
  try {
    const esbuild = await import("esbuild");
    const build = esbuild.build({
      stdin: { contents: lines.join("\n"), loader: "js", resolveDir: process.cwd(), sourcefile: "thread-bundle-entry.js" },
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
    return code === undefined ? null : { code, exports };
  } catch {
    return null;
  }
}
