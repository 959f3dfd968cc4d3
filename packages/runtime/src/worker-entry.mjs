// Plain JavaScript on purpose: Node 20 does not pass tsx's loader hooks on to worker threads, so this
// entry registers tsx itself, as a require hook: tsx's import hooks would start one more loader thread
// (a V8 isolate, about 20 MB) per worker. One thread serves the task modules of several stages, in turn or at once
// (loaded by key, dropped when a stage is done), so a pipeline in one process pays a thread's startup once.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";

const message = (error) => (error instanceof Error ? error.message : String(error));

try {
  const require = createRequire(import.meta.url);
  // Registered once for the thread; a module loaded early (preload) is then taken from require's cache.
  require("tsx/cjs/api").register();
  const load = (module) => require(fileURLToPath(module));
  const { cacheKey } = load(new URL("./cache.ts", import.meta.url).href);
  const tasks = new Map();
  parentPort.on("message", async (msg) => {
    if (msg.id !== undefined) {
      try {
        const output = tasks.get(msg.key)(msg.input);
        // The main thread asks for the input's cache key when it did not need it to look the result up.
        if (msg.hashInput && output.ok) output.key = cacheKey(msg.input.text);
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
