import { defineConfig } from "vitest/config";

// One vitest run over every workspace package; each folder is its own project (the dashboard's unit tests too).
// Browser tests (apps/dashboard/e2e) run separately in scripts/run-tests.ts, after a build.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/dashboard"],
  },
});
