import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: one Chromium, servers started once in global setup, files run one after another (2 cores).
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
