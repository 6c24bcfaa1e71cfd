#!/usr/bin/env bash
# bench/booking_load.sh — booking throughput and latency of gongyou-server: 64 keep-alive clients book and
# cancel slots (bench/booking_load.mjs), next to GET /api/v1/health measured the same way as the ceiling.
# Not part of `make test`.
#
#   bench/booking_load.sh [--duration SECONDS] [--clients N]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cleanup_traps.sh

DURATION=10 CLIENTS=64
while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    *) echo "usage: $0 [--duration SECONDS] [--clients N]" >&2; exit 2 ;;
  esac
done

SERVER=${GONGYOU_SERVER:-build/native/server/gongyou-server}
[[ -x $SERVER ]] || { echo "no $SERVER: build first (cmake --build build/native)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not installed (tools/bootstrap.sh installs it)" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -z $SERVER_PID ]] || stop_pids "$SERVER_PID"
  rm -rf "$WORK"
}
run_cleanup_on_exit cleanup

# --test-clock fixes the time (from the start, before any slot is made: the date the bench books on, whatever
# the real date) so that every slot is bookable and cancellable; --fast-password-hash only
# spares the registration of the clients (it plays no part in what is measured).
"$SERVER" --exit-with-parent --requests-per-address 0 --port 0 --db "$WORK/bench.db" --demo --test-clock 2026-12-01T08:00:00+08:00 --fast-password-hash > "$WORK/out" 2> "$WORK/err" &
SERVER_PID=$!
for _ in $(seq 200); do
  BASE=$(sed -n 's/^listening on //p' "$WORK/out")
  [[ -n $BASE ]] && break
  sleep 0.05
done
[[ -n ${BASE:-} ]] || { echo "server did not start:" >&2; cat "$WORK/err" >&2; exit 1; }

node bench/booking_load.mjs "$BASE" --duration "$DURATION" --clients "$CLIENTS"
echo "  database: $(df -T "$WORK" | awk 'NR==2 {print $2}') on $(df "$WORK" | awk 'NR==2 {print $1}'), $(nproc) cores shared by server and client"

kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || { echo "server exited with $?" >&2; exit 1; }
SERVER_PID=""
