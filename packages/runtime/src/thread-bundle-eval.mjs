// Plain JavaScript: worker-entry.mjs imports it before any TypeScript loader is there.
import { runInThisContext } from "node:vm";

/**
 * Runs a bundle from thread-bundle.ts as Node runs a CommonJS file (`require` serves the built-in
 * modules it names) and returns each bundled module's exports by the module's URL.
 */
export function evaluateBundle({ code, exports }, require) {
  const module = { exports: {} };
  runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: "thread-bundle.cjs" })(module.exports, require, module);
  return new Map(Object.entries(exports).map(([url, name]) => [url, module.exports[name]]));
}
