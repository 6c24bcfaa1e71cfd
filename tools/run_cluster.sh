#!/usr/bin/env bash
# tools/run_cluster.sh — `make run-cluster`: PostgreSQL, INSTANCES gongyou-server processes on it and nginx in
# front at http://localhost:PORT, all on this machine, until Ctrl+C (then everything is stopped).
# The database lives in build/cluster/pg and is kept between runs; nginx's config is generated into
# build/cluster/nginx.conf. docs/deployment.md describes the same layout on real servers.
#
#   tools/run_cluster.sh [--instances N] [--port PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/pg_local.sh
source tools/nginx_local.sh
source tools/cleanup_traps.sh

INSTANCES=2 PORT=${PORT:-8080}
while (($#)); do
  case $1 in
    --instances) INSTANCES=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "usage: $0 [--instances N] [--port PORT]" >&2; exit 2 ;;
  esac
done
SERVER=${GONGYOU_SERVER:-build/native/server/gongyou-server}
[[ -x $SERVER ]] || { echo "no $SERVER: build first (make native)" >&2; exit 1; }

DIR=$(pwd)/build/cluster
mkdir -p "$DIR/logs"
PIDS=()
cleanup() {
  nginx_local_stop "$DIR"
  stop_pids "${PIDS[@]}"
  pg_local_stop "$DIR/pg"
  echo "cluster stopped"
}
run_cleanup_on_exit cleanup

PG_PORT=$(free_port)
URL=$(pg_local_start "$DIR/pg" "$PG_PORT")
echo "PostgreSQL: $URL (data in build/cluster/pg)"

WEB_ARGS=()
[[ -d build/web ]] && WEB_ARGS=(--web-root "$(pwd)/build/web")
UPSTREAM_PORTS=""
for i in $(seq 1 "$INSTANCES"); do
  port=$(free_port)
  # Only the first instance loads the demo data (into an empty database); the others find it there.
  demo=(); ((i == 1)) && demo=(--demo)
  "$SERVER" --exit-with-parent --port "$port" --db "$URL" --trusted-proxy 127.0.0.1 --member-key-file "$DIR/gongyou.member-key" "${demo[@]}" "${WEB_ARGS[@]}" > "$DIR/logs/server$i.out" 2> "$DIR/logs/server$i.err" &
  PIDS+=($!)
  for _ in $(seq 300); do grep -q '^listening' "$DIR/logs/server$i.out" && break; sleep 0.1; done
  grep -q '^listening' "$DIR/logs/server$i.out" || { cat "$DIR/logs/server$i.err" >&2; exit 1; }
  echo "instance $i: http://127.0.0.1:$port (logs in build/cluster/logs)"
  UPSTREAM_PORTS+=" $port"
done

nginx_local_start "$DIR" "$PORT" $UPSTREAM_PORTS
echo "Gongyou cluster: http://localhost:$PORT  (nginx → $INSTANCES instances → PostgreSQL; Ctrl+C stops)"
if [[ -n ${GONGYOU_CLUSTER_READY:-} ]]; then echo ready > "$GONGYOU_CLUSTER_READY"; fi
wait "${PIDS[@]}"
