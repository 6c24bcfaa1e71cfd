#!/usr/bin/env bash
# bench/frame_bench.sh — frame time p95 while panning and zooming the map in headless Chromium (bench/frame_bench.mjs):
# first over the county's 316 sites (this machine's and browser's baseline), then with 150,000 stations, against
# issue 6's target of 8 ms. Not part of `make test`; needs `make build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "node is not installed (tools/bootstrap.sh installs it)" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "Debian's chromium is not installed (tools/bootstrap.sh installs it)" >&2; exit 1; }
GONGYOU_BENCH_DATA=--demo node bench/frame_bench.mjs
node bench/frame_bench.mjs
