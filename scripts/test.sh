#!/usr/bin/env bash
# Every test on a fresh machine: install, fetch Debian's Chromium for the browser tests, run all suites.
# Ends with the line "N passed, N failed" summed over every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

if [ -d apps/dashboard/e2e ] && ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

pnpm test
