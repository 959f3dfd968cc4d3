#!/usr/bin/env bash
# Installs the pinned pnpm and the workspace dependencies. Safe to run again; needs no terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

export CI="${CI:-true}" NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "viewpoints needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# The version pinned in package.json's packageManager field, e.g. pnpm@10.34.9.
want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
have=$(pnpm --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "installing pnpm $want (found: ${have:-none})"
  npm install --global --no-fund --no-audit "pnpm@$want" >/dev/null
fi

pnpm install --frozen-lockfile --prefer-offline
