import type { ThreadBundle } from "./thread-bundle";

/** See thread-bundle-eval.mjs. */
export function evaluateBundle(bundle: ThreadBundle, require: NodeJS.Require): Map<string, any>;
