#!/usr/bin/env bash
# The main job on a fresh machine: install, run the pipeline on data/articles, then serve the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
pnpm pipeline
if [ -f apps/dashboard/package.json ]; then
  pnpm dashboard
fi
