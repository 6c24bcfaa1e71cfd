#!/usr/bin/env bash
# bench/load_budget.sh — the page's first-load bytes and time to first frame in headless Chromium
# (bench/load_budget.mjs). Needs the built server and web root (`make build`). Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== load budget (headless Chromium, SwiftShader) =="
GONGYOU_SERVER=build/native/server/gongyou-server node bench/load_budget.mjs "${1:-5}"
