// Plain JavaScript on purpose: Node 20 does not pass tsx's loader hooks on to worker threads. The task
// modules normally arrive as one bundle of plain JavaScript (see thread-bundle.ts); a module that is not
// in it is loaded through tsx, registered here as a require hook on first need: tsx's import hooks would
// start one more loader thread (a V8 isolate, about 20 MB) per worker. One thread serves the task modules
// of several stages, in turn or at once (loaded by key, dropped when a stage is done), so a pipeline in
// one process pays a thread's startup once.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { evaluateBundle } from "./thread-bundle-eval.mjs";

const message = (error) => (error instanceof Error ? error.message : String(error));

try {
  const require = createRequire(import.meta.url);
  // tsx is registered once, when a module is not in the bundle; a module loaded early (preload) is then taken from require's cache.
  let registered = false;
  const requireTs = (module) => {
    if (!registered) require("tsx/cjs/api").register();
    registered = true;
    return require(fileURLToPath(module));
  };
  /** Each bundled module's exports, by its URL. */
  let bundled = new Map();
  const load = (module) => bundled.get(module) ?? requireTs(module);
  // Loaded on first use: by then the bundle (which holds it) has arrived.
  const CACHE_MODULE = new URL("./cache.ts", import.meta.url).href;
  let cacheKey = null;
  const tasks = new Map();
  parentPort.on("message", async (msg) => {
    if (msg.id !== undefined) {
      try {
        const output = tasks.get(msg.key)(msg.input);
        // The main thread asks for the input's cache key when it did not need it to look the result up.
        if (msg.hashInput && output.ok) output.key = (cacheKey ??= load(CACHE_MODULE).cacheKey)(msg.input.text);
        parentPort.postMessage({ id: msg.id, ok: true, output });
      } catch (error) {
        parentPort.postMessage({ id: msg.id, ok: false, message: message(error) });
      }
    } else if (msg.load !== undefined) {
      try {
        tasks.set(msg.load.key, await load(msg.load.module).createTask(msg.load.init));
        parentPort.postMessage({ loaded: msg.load.key, ok: true });
      } catch (error) {
        // require's list of the modules that asked names only this entry: noise in a one-line warning.
        parentPort.postMessage({ loaded: msg.load.key, ok: false, message: message(error).replace(/\nRequire stack:[\s\S]*$/, "") });
      }
    } else if (msg.unload !== undefined) {
      tasks.delete(msg.unload);
    } else if (msg.bundle !== undefined) {
      // A bundle that fails to run leaves its modules to tsx, which reports what is wrong on load.
      try {
        bundled = evaluateBundle(msg.bundle, require);
      } catch {}
    } else if (msg.preload !== undefined) {
      // A module that fails here fails again on load, where the error is reported.
      try {
        load(msg.preload);
      } catch {}
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, message: message(error) });
}
