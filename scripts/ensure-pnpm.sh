#!/usr/bin/env bash
# Installs the pinned pnpm when it is missing (a fresh machine has only Node and npm).
set -euo pipefail
want=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  echo "[setup] 安装 pnpm@$want"
  npm install -g "pnpm@$want" >/dev/null
fi
