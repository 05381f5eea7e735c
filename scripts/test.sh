#!/usr/bin/env bash
# One command: install everything (pnpm, dependencies, Debian Chromium + CJK fonts) and run every test:
# typecheck, lint, unit and integration tests (vitest) and the browser journeys (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
bash scripts/ensure-browser.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
pnpm typecheck
pnpm lint
pnpm test
# Performance smoke (tiny scale, 2 s runs): checks the bench still runs and both servers agree; never fails on a number.
pnpm bench:smoke
