// Plain JavaScript on purpose: Node 20 does not pass tsx's loader hooks on to worker threads, so this
// entry loads the TypeScript modules through tsx's API.
import { parentPort, workerData } from "node:worker_threads";

const load = async (specifier) =>
  specifier.endsWith(".ts") ? (await import("tsx/esm/api")).tsImport(specifier, import.meta.url) : import(specifier);

try {
  const task = await (await load(workerData.module)).createTask(workerData.init);
  parentPort.on("message", ({ id, input }) => {
    try {
      parentPort.postMessage({ id, ok: true, output: task(input) });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
}
