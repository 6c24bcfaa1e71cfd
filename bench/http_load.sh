#!/usr/bin/env bash
# bench/http_load.sh — HTTP load on gongyou-server with wrk: 64 keep-alive connections against
# /api/v1/health, /api/v1/sites/nearest and a 100 KB precompressed static file; prints req/s and
# latency p50/p99 per endpoint. Not part of `make test`.
#
#   bench/http_load.sh [--duration SECONDS] [--connections N] [--compare]
#
# --compare runs everything a second time with the thread pool capped at 8, the size of cpp-httplib's
# default pool on this machine (max(8, cores-1)), to show the stall the elastic pool avoids.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cleanup_traps.sh

DURATION=10 CONNECTIONS=64 COMPARE=0
while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --compare) COMPARE=1; shift ;;
    *) echo "usage: $0 [--duration SECONDS] [--connections N] [--compare]" >&2; exit 2 ;;
  esac
done

SERVER=${GONGYOU_SERVER:-build/native/server/gongyou-server}
[[ -x $SERVER ]] || { echo "no $SERVER: build first (cmake --build build/native)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (tools/bootstrap.sh installs it)" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -z $SERVER_PID ]] || stop_pids "$SERVER_PID"
  rm -rf "$WORK"
}
run_cleanup_on_exit cleanup

# A web root with one hashed, precompressed asset of a realistic size.
mkdir -p "$WORK/web"
echo '<!doctype html><title>bench</title>' > "$WORK/web/index.html"
head -c 75000 /dev/urandom | base64 > "$WORK/web/app.0123abcd.js"
brotli -k "$WORK/web/app.0123abcd.js"

# Starts the server with extra flags; sets SERVER_PID and BASE.
start_server() {
  "$SERVER" --exit-with-parent --requests-per-address 0 --port 0 --db "$WORK/bench.db" --demo --web-root "$WORK/web" "$@" > "$WORK/out" 2> "$WORK/err" &
  SERVER_PID=$!
  for _ in $(seq 100); do
    BASE=$(sed -n 's/^listening on //p' "$WORK/out")
    [[ -n $BASE ]] && return
    sleep 0.05
  done
  echo "server did not start:" >&2; cat "$WORK/err" >&2; exit 1
}

stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || { echo "server exited with $?" >&2; exit 1; }
  SERVER_PID=""
}

# Runs wrk on one URL and prints: name, req/s, p50, p99, errors.
measure() {
  local name=$1 url=$2; shift 2
  local out
  out=$(wrk --latency -t"$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s "$@" "$url")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors:|Non-2xx/ {sub(/^ +/, ""); printf "%s; ", $0}' <<<"$out")
  printf '  %-34s %10s req/s   p50 %9s   p99 %9s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

run_suite() {
  local label=$1; shift
  start_server "$@"
  echo "$label ($CONNECTIONS keep-alive connections, ${DURATION}s each, $(nproc) cores shared with wrk)"
  measure "GET /api/v1/health" "$BASE/api/v1/health"
  measure "GET /api/v1/sites/nearest k=10" "$BASE/api/v1/sites/nearest?lat=25.03&lon=118.8&k=10"
  measure "GET /app.0123abcd.js (br, 76 KB)" "$BASE/app.0123abcd.js" -H "Accept-Encoding: br"
  stop_server
}

run_suite "elastic thread pool (default, up to 512 threads)"
if ((COMPARE)); then
  echo
  run_suite "thread pool capped at 8 (cpp-httplib's default size here)" --max-threads 8
fi
