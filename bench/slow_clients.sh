#!/usr/bin/env bash
# bench/slow_clients.sh — issue 20.3's figures: /health and booking p99 for a normal client while 1,000 slow-header
# connections are held open (bench/slow_clients.mjs), against gongyou-server alone (as `make run` serves) and behind
# nginx (as `make run-cluster` does, tools/nginx_local.sh with its timeouts and limits). Not part of `make test`
# (tests/api/slow_clients.test.mjs holds 300 there).
#
#   bench/slow_clients.sh [--connections N] [--duration SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/pg_local.sh   # free_port
source tools/nginx_local.sh
source tools/cleanup_traps.sh

SERVER=${GONGYOU_SERVER:-build/native/server/gongyou-server}
[[ -x $SERVER ]] || { echo "no $SERVER: build first (make native)" >&2; exit 1; }
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  nginx_local_stop "$WORK/nginx"
  [[ -z $SERVER_PID ]] || stop_pids "$SERVER_PID"
  rm -rf "$WORK"
}
run_cleanup_on_exit cleanup

"$SERVER" --exit-with-parent --port 0 --db "$WORK/bench.db" --demo --test-clock 2026-12-01T08:00:00+08:00 \
  --fast-password-hash --trusted-proxy 127.0.0.1 > "$WORK/out" 2> "$WORK/err" &
SERVER_PID=$!
for _ in $(seq 300); do grep -q '^listening' "$WORK/out" && break; sleep 0.1; done
BASE=$(sed -n 's/^listening on //p' "$WORK/out")
[[ -n $BASE ]] || { cat "$WORK/err" >&2; exit 1; }

echo "== gongyou-server alone ($BASE)"
node bench/slow_clients.mjs "$BASE" "$@"
port=$(free_port)
nginx_local_start "$WORK/nginx" "$port" "${BASE##*:}"
echo "== behind nginx (http://127.0.0.1:$port)"
node bench/slow_clients.mjs "http://127.0.0.1:$port" "$@"
