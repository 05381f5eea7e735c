#!/usr/bin/env bash
# One command: install everything and start the product on the embedded SQLite default with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
exec pnpm start
