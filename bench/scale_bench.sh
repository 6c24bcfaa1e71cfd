#!/usr/bin/env bash
# bench/scale_bench.sh — issue 6's benchmarks on the same 150,000 stations, in one run: k-nearest queries against
# geokdbush, viewport clustering against supercluster, coverage counting against @turf/turf. Prints, per benchmark,
# our figure, the reference's and the ratio: first native C++ (-O2) against the references in Node, then — when the
# wasm build holds it — the same C++ compiled to wasm and run by Node, the comparison that holds in a browser.
# Not part of `make test`.
#
#   bench/scale_bench.sh
#
# The points come from gongyou-scale-gen --points into a temporary folder (never committed). The npm references are
# taken from node_modules when `npm ci` has installed them there, otherwise installed with `npm ci` from this
# checkout's package-lock.json into a cache folder (GONGYOU_BENCH_NPM, default /tmp/gongyou-bench-npm).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cleanup_traps.sh

NATIVE=${GONGYOU_NATIVE_BUILD:-build/native}
WASM=${GONGYOU_WASM_BUILD:-build/wasm}
GEN=$NATIVE/tools/scale_data/gongyou-scale-gen
BENCH=$NATIVE/bench/gongyou-scale-bench
for f in "$GEN" "$BENCH"; do
  [[ -x $f ]] || { echo "no $f: build first (cmake --build $NATIVE)" >&2; exit 1; }
done
command -v node >/dev/null || { echo "node is not installed (tools/bootstrap.sh installs it)" >&2; exit 1; }

WORK=$(mktemp -d)
remove_work() { rm -rf "$WORK"; }
run_cleanup_on_exit remove_work

# The reference libraries, pinned by package-lock.json.
modules=""
if [[ -d node_modules/geokdbush && -d node_modules/supercluster && -d node_modules/@turf/turf && -d node_modules/kdbush ]]; then
  modules=$(cd node_modules && pwd)
else
  cache=${GONGYOU_BENCH_NPM:-/tmp/gongyou-bench-npm}
  if ! cmp -s package-lock.json "$cache/package-lock.json" || [[ ! -d $cache/node_modules/geokdbush ]]; then
    echo "installing the reference npm packages into $cache (npm ci)" >&2
    mkdir -p "$cache"
    cp package.json package-lock.json "$cache/"
    (cd "$cache" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  fi
  modules=$cache/node_modules
fi

"$GEN" --points --out "$WORK/points.json"
NODE_PATH=$modules node bench/scale_bench.mjs "$WORK/points.json" "$WORK/workload.json" "$WORK/reference.json"
"$BENCH" "$WORK/points.json" "$WORK/workload.json" "$WORK/reference.json" "native C++ -O2 against Node JS"

WASM_BENCH=$WASM/bench/gongyou-scale-bench.js
if [[ -f $WASM_BENCH ]]; then
  echo
  node --no-experimental-fetch "$WASM_BENCH" "$WORK/points.json" "$WORK/workload.json" "$WORK/reference.json" \
    "C++ as wasm (-Oz -flto, as the app is built) in Node against Node JS (the browser's comparison)"
else
  echo "(no $WASM_BENCH: build the wasm preset to compare wasm against JS)"
fi
echo "  frame time p95 while panning 150,000 sites in headless Chromium: bench/frame_bench.sh (also in make bench)."
echo "  k-nearest is served by the native server (GET /sites/nearest); clustering and coverage run in the page (wasm)."
echo "  Processor time on both sides; $(nproc) cores shared with whatever else runs, so figures still vary by ~20 %."
