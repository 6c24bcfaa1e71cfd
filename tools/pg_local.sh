# tools/pg_local.sh — sourced by tools/run_cluster.sh and bench/*.sh: a local PostgreSQL cluster in a directory
# of ours (initdb + pg_ctl, TCP on 127.0.0.1, trust authentication: for this machine only, never a server).
# PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user (Debian's package
# makes it). Defaults are kept durable (fsync, synchronous_commit on), so measurements compare fairly with
# SQLite's synchronous=FULL.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
source "$(dirname "${BASH_SOURCE[0]}")/cleanup_traps.sh"

# pg_as_owner PROGRAM ARGS... — runs a server program as the cluster's owner.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; else "$PG_BIN/$1" "${@:2}"; fi
}

# pg_local_start DIR PORT — (DIR and its parents must be reachable by the postgres user) makes the cluster in DIR/data when it is new, starts it on PORT, makes the
# database "gongyou" when missing, and prints its URL.
pg_local_start() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  if [[ ! -f $dir/data/PG_VERSION ]]; then
    pg_as_owner initdb -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null || return 1
  fi
  pg_as_owner pg_ctl -D "$dir/data" -l "$dir/postgres.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null || return 1
  # SIGINT is PostgreSQL's fast shutdown: the cluster stops if the script is killed before its cleanup could run.
  kill_when_script_dies "$(head -1 "$dir/data/postmaster.pid")" INT
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'gongyou'" \
    | grep -q 1 || "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres gongyou
  echo "postgresql://postgres@127.0.0.1:$port/gongyou"
}

# pg_local_stop DIR — stops the cluster in DIR (fast: clients are disconnected); nothing when it is not running.
pg_local_stop() {
  [[ -f $1/data/postmaster.pid ]] && pg_as_owner pg_ctl -D "$1/data" -m fast -w stop >/dev/null || true
}

# free_port — a TCP port that was free a moment ago.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
