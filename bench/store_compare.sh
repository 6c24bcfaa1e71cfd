#!/usr/bin/env bash
# bench/store_compare.sh — booking throughput and latency (bench/booking_load.mjs: clients book and cancel)
# in one run on: SQLite (one instance), PostgreSQL with one instance, and PostgreSQL with two instances
# behind nginx. Every store commits durably (SQLite synchronous=FULL; PostgreSQL fsync and synchronous_commit
# on). Everything shares this machine's cores with the load generator: compare the rows, not the absolutes.
#
#   bench/store_compare.sh [--duration SECONDS] [--clients N]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/pg_local.sh
source tools/nginx_local.sh

DURATION=5 CLIENTS=64
while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    *) echo "usage: $0 [--duration SECONDS] [--clients N]" >&2; exit 2 ;;
  esac
done
SERVER=${GONGYOU_SERVER:-build/native/server/gongyou-server}
[[ -x $SERVER ]] || { echo "no $SERVER: build first (cmake --build build/native)" >&2; exit 1; }

WORK=$(mktemp -d)
chmod 755 "$WORK"  # the postgres user must reach the cluster directory inside
PIDS=()
stop_servers() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
cleanup() {
  nginx_local_stop "$WORK/nginx"
  stop_servers
  pg_local_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_server DB [EXTRA...] — starts an instance and prints its base URL.
start_server() {
  local out="$WORK/server${#PIDS[@]}.out"
  "$SERVER" --port 0 --db "$1" --test-clock 2026-12-01T08:00:00+08:00 --fast-password-hash "${@:2}" > "$out" 2>> "$WORK/servers.err" &
  PIDS+=($!)
  for _ in $(seq 300); do grep -q '^listening' "$out" && break; sleep 0.1; done
  sed -n 's/^listening on //p' "$out" | grep . || { cat "$WORK/servers.err" >&2; exit 1; }
}

run_load() {
  echo "== $1"
  node bench/booking_load.mjs "${@:2}" --duration "$DURATION" --clients "$CLIENTS" | sed 's/^/  /'
}

base=$(start_server "$WORK/bench.db" --demo)
run_load "SQLite, one instance" "$base"
stop_servers

url=$(pg_local_start "$WORK/pg" "$(free_port)")
base=$(start_server "$url" --demo)
run_load "PostgreSQL, one instance" "$base"
stop_servers

first=$(start_server "$url")
second=$(start_server "$url")
port=$(free_port)
nginx_local_start "$WORK/nginx" "$port" "${first##*:}" "${second##*:}"
run_load "PostgreSQL, two instances behind nginx" "http://127.0.0.1:$port" --clock-on "$first,$second"
echo "  ($(nproc) cores shared by PostgreSQL, the servers, nginx and the load generator)"
if grep -q '^error' "$WORK/servers.err"; then
  echo "server errors (counted by message):"
  grep '^error' "$WORK/servers.err" | sed 's/[0-9]\{3,\}/N/g' | sort | uniq -c | sort -rn | head -5
fi
