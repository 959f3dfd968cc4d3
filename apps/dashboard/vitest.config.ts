import { defineConfig } from "vitest/config";

// Unit tests of the server-side modules; the browser tests in e2e/ have their own config.
export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts"],
  },
});
