// Plain JavaScript on purpose: Node 20 does not pass tsx's loader hooks on to worker threads, so this
// entry loads the TypeScript modules through tsx's API.
import { parentPort, workerData } from "node:worker_threads";

const load = async (specifier) =>
  specifier.endsWith(".ts") ? (await import("tsx/esm/api")).tsImport(specifier, import.meta.url) : import(specifier);

try {
  const task = await (await load(workerData.module)).createTask(workerData.init);
  const cache = workerData.cache ? new (await load(new URL("./cache.ts", import.meta.url).href)).ResultCache(workerData.cache) : null;
  parentPort.on("message", ({ id, input, key }) => {
    try {
      const output = task(input);
      // The thread that computed a result stores it, so the main thread only reads the cache.
      if (cache && key && output.ok) cache.set(key, output.value);
      parentPort.postMessage({ id, ok: true, output });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
}
