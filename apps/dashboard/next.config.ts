import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: Turbopack and output tracing must see the workspace packages beside this app.
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const config: NextConfig = {
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@viewpoints/artifacts", "@viewpoints/metrics", "@viewpoints/runtime"],
  poweredByHeader: false,
};

export default config;
