// Plain JavaScript on purpose: Node 20 does not pass tsx's loader hooks on to worker threads, so this
// entry registers tsx itself. One thread serves the task modules of several stages, in turn or at once
// (loaded by key, dropped when a stage is done), so a pipeline in one process pays a thread's startup once.
import { parentPort } from "node:worker_threads";

const message = (error) => (error instanceof Error ? error.message : String(error));

try {
  // Registered once for the thread, so a module imported early (preload) is not evaluated again on load.
  (await import("tsx/esm/api")).register();
  const tasks = new Map();
  parentPort.on("message", async (msg) => {
    if (msg.id !== undefined) {
      try {
        parentPort.postMessage({ id: msg.id, ok: true, output: tasks.get(msg.key)(msg.input) });
      } catch (error) {
        parentPort.postMessage({ id: msg.id, ok: false, message: message(error) });
      }
    } else if (msg.load !== undefined) {
      try {
        tasks.set(msg.load.key, await (await import(msg.load.module)).createTask(msg.load.init));
        parentPort.postMessage({ loaded: msg.load.key, ok: true });
      } catch (error) {
        parentPort.postMessage({ loaded: msg.load.key, ok: false, message: message(error) });
      }
    } else if (msg.unload !== undefined) {
      tasks.delete(msg.unload);
    } else if (msg.preload !== undefined) {
      // A module that fails here fails again on load, where the error is reported.
      import(msg.preload).catch(() => {});
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, message: message(error) });
}
