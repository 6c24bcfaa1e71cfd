#!/usr/bin/env bash
# bench/store_compare.sh — the write path of every store in one run, with the references it is judged against,
# measured in the same run on the same machine (docs/deployment.md, "Where the time goes"):
#   - the disk's floor: 4 KiB append + fdatasync per second where the databases live (bench/fsync_rate.mjs);
#   - SQLite, one instance: bookings/s and p99 with 64 clients (bench/booking_load.mjs: book and cancel), over
#     GET /api/v1/health measured the same way (the ceiling of HTTP on this machine);
#   - pgbench's built-in simple-update script (-N, 64 clients) on the same PostgreSQL cluster;
#   - PostgreSQL with one instance, over pgbench; with two instances behind nginx, over one instance, and where
#     the machine's cores went in that run (when two do not give 1.3 × one, the line says what caps them);
#   - the race: 64 clients at once on one slot of 10 places, time until all have an answer (bench/race_burst.mjs),
#     on each store.
# Every store commits durably (SQLite synchronous=FULL; PostgreSQL fsync and synchronous_commit on). The server
# prints its write counters when it stops (commits, batch sizes, retries, connection waits, round trips).
#
#   bench/store_compare.sh [--duration SECONDS] [--clients N]
# GONGYOU_SERVER picks the binary (e.g. an older build, to compare before and after in the same conditions).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/pg_local.sh
source tools/nginx_local.sh
source tools/cleanup_traps.sh
export GONGYOU_NGINX_RATE=off  # the load comes from one address on purpose

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
PGBENCH=$PG_BIN/pgbench
[[ -x $PGBENCH ]] || { echo "no $PGBENCH: tools/bootstrap.sh installs postgresql" >&2; exit 1; }
ADMIN=benchadmin ADMIN_PASSWORD=Bench-admin-pass-1

WORK=$(mktemp -d)
chmod 755 "$WORK"  # the postgres user must reach the cluster directory inside
PIDS=()
stop_servers() {
  stop_pids "${PIDS[@]}"
  PIDS=()
}
load_pid=""
cleanup() {
  [[ -z $load_pid ]] || stop_pids "$load_pid"
  nginx_local_stop "$WORK/nginx"
  stop_servers
  pg_local_stop "$WORK/pg"
  rm -rf "$WORK"
}
run_cleanup_on_exit cleanup

# start_server DB [EXTRA...] — starts an instance and sets URL to its base URL; its stderr goes to a file of its
# own. (Not called in $(...): the instance's pid must reach PIDS in this shell, or it would outlive the bench.)
start_server() {
  local n=${#PIDS[@]}
  "$SERVER" --exit-with-parent --requests-per-address 0 --port 0 --db "$1" --test-clock 2026-12-01T08:00:00+08:00 --fast-password-hash "${@:2}" \
    > "$WORK/server$n.out" 2> "$WORK/server$n.err" &
  PIDS+=($!)
  for _ in $(seq 300); do grep -q '^listening' "$WORK/server$n.out" && break; sleep 0.1; done
  URL=$(sed -n 's/^listening on //p' "$WORK/server$n.out")
  [[ -n $URL ]] || { cat "$WORK/server$n.err" >&2; exit 1; }
}

# make_admin DB — the race's staff account (it makes the event slot).
make_admin() {
  echo "$ADMIN_PASSWORD" | "$SERVER" --db "$1" --create-admin "$ADMIN" --fast-password-hash \
    --test-clock 2026-12-01T08:00:00+08:00 > /dev/null 2>&1
}

# stop_and_count — stops the instances and prints their write counters.
stop_and_count() {
  local pids=("${PIDS[@]}") n
  stop_servers
  for ((n = 0; n < ${#pids[@]}; ++n)); do
    [[ -f $WORK/server$n.err ]] && sed -n 's/^store: /  write counters: /p' "$WORK/server$n.err"
    { grep '^error' "$WORK/server$n.err" || true; } | sed 's/[0-9]\{3,\}/N/g' | sort | uniq -c | sort -rn | head -3 | sed 's/^/  server errors: /'
    rm -f "$WORK/server$n.err" "$WORK/server$n.out"
  done
}

# result FILE KEY — a number from the RESULT line a bench script printed into FILE.
result() { sed -n 's/^RESULT //p' "$1" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s)['$2']))"; }

# ratio A B — A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }'; }
# verdict OK — "met" or "NOT met".
verdict() { if (($1)); then echo "met"; else echo "NOT met"; fi; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }' && echo 1 || echo 0; }

# cpu_ticks PID... — user + system clock ticks used so far by these processes (all their threads).
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
machine_all_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; ++i) t += $i; print t }' /proc/stat; }
postgres_pids() { local main; main=$(head -1 "$WORK/pg/data/postmaster.pid"); echo "$main" $(pgrep -P "$main"); }
nginx_pids() { local main; main=$(cat "$WORK/nginx/nginx.pid"); echo "$main" $(pgrep -P "$main"); }

run_load() {  # run_load NAME OUTFILE ARGS... — the booking load, its lines indented
  echo "== $1"
  node bench/booking_load.mjs "${@:3}" --duration "$DURATION" --clients "$CLIENTS" --result-line > "$2"
  grep -v '^RESULT' "$2" | sed 's/^/  /'
}
run_race() {  # run_race OUTFILE ARGS...
  node bench/race_burst.mjs "${@:2}" --admin "$ADMIN:$ADMIN_PASSWORD" --clients "$CLIENTS" --result-line > "$1"
  grep -v '^RESULT' "$1" | sed 's/^/  /'
}

echo "store comparison: $CLIENTS clients, ${DURATION}s per phase, $(nproc) cores shared by the databases, the servers,"
echo "nginx and the load generator; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/fsync_rate.mjs "$WORK" 2 --result-line > "$WORK/fsync"
FSYNCS=$(result "$WORK/fsync" fsyncs)
grep -v '^RESULT' "$WORK/fsync" | sed 's/^/  /'

# ---- SQLite ----------------------------------------------------------------------------------------------------
make_admin "$WORK/bench.db"
start_server "$WORK/bench.db" --demo
base=$URL
run_load "SQLite, one instance" "$WORK/sqlite" "$base"
run_race "$WORK/sqlite-race" "$base"
stop_and_count
health=$(result "$WORK/sqlite" health) bookings=$(result "$WORK/sqlite" bookings) p99=$(result "$WORK/sqlite" bookP99)
echo "  target: bookings ≥ 50 % of the /health ceiling: $(percent "$bookings" "$health") % — $(verdict "$(at_least "$(percent "$bookings" "$health")" 50)")"
echo "  target: p99 ≤ 50 ms: $(printf '%.1f' "$p99") ms — $(verdict "$(at_least 50 "$p99")")"
echo "  write requests (book + cancel) / fsyncs of the disk: $(ratio "$(result "$WORK/sqlite" writes)" "$FSYNCS")"

# ---- PostgreSQL: pgbench on the same cluster --------------------------------------------------------------------
url=$(pg_local_start "$WORK/pg" "$(free_port)")
pg_port=${url##*:}; pg_port=${pg_port%%/*}
"$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres pgbench
# How long each WAL fsync takes (pg_stat_wal.wal_sync_time), read during the two-instance run.
"$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -Atqc "ALTER SYSTEM SET track_wal_io_timing = on" gongyou
"$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -Atqc "SELECT pg_reload_conf()" gongyou > /dev/null
"$PGBENCH" -h 127.0.0.1 -p "$pg_port" -U postgres -i -q -s 10 pgbench > /dev/null 2>&1
echo "== pgbench -N (simple update), $CLIENTS clients, same cluster"
"$PGBENCH" -h 127.0.0.1 -p "$pg_port" -U postgres -N -c "$CLIENTS" -j 2 -T "$DURATION" pgbench > "$WORK/pgbench" 2>&1
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench")
grep -E '^(tps|latency average)' "$WORK/pgbench" | sed 's/^/  /'
psql_value() { "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -Atqc "$1" gongyou; }

# ---- PostgreSQL, one instance -----------------------------------------------------------------------------------
make_admin "$url"
start_server "$url" --demo
base=$URL
run_load "PostgreSQL, one instance" "$WORK/pg1" "$base"
run_race "$WORK/pg1-race" "$base"
stop_and_count
one=$(result "$WORK/pg1" bookings)
echo "  target: bookings ≥ 50 % of pgbench's tps: $(percent "$one" "$PGBENCH_TPS") % — $(verdict "$(at_least "$(percent "$one" "$PGBENCH_TPS")" 50)")"
echo "  write transactions (book + cancel) / pgbench's tps: $(percent "$(result "$WORK/pg1" writes)" "$PGBENCH_TPS") %"

# ---- PostgreSQL, two instances behind nginx ----------------------------------------------------------------------
start_server "$url"
first=$URL
start_server "$url"
second=$URL
port=$(free_port)
nginx_local_start "$WORK/nginx" "$port" "${first##*:}" "${second##*:}"
node bench/booking_load.mjs "http://127.0.0.1:$port" --clock-on "$first,$second" --duration "$DURATION" \
  --clients "$CLIENTS" --result-line --phase-file "$WORK/phase" > "$WORK/pg2" &
load_pid=$!
# Where the cores go while the bookings run: from a second after their phase starts, for half of it.
for _ in $(seq 600); do [[ -s $WORK/phase ]] && break; sleep 0.1; done
sleep 1
all0=$(machine_all_ticks) busy0=$(machine_busy_ticks) srv0=$(cpu_ticks "${PIDS[@]}") pg0=$(cpu_ticks $(postgres_pids))
ngx0=$(cpu_ticks $(nginx_pids)) t0=$(date +%s.%N)
syncs0=$(psql_value "SELECT wal_sync FROM pg_stat_wal") sync_ms0=$(psql_value "SELECT wal_sync_time FROM pg_stat_wal")
commits0=$(psql_value "SELECT xact_commit FROM pg_stat_database WHERE datname = 'gongyou'")
sleep "$((DURATION / 2 > 1 ? DURATION / 2 : 1))"
all1=$(machine_all_ticks) busy1=$(machine_busy_ticks) srv1=$(cpu_ticks "${PIDS[@]}") pg1=$(cpu_ticks $(postgres_pids))
ngx1=$(cpu_ticks $(nginx_pids)) t1=$(date +%s.%N)
syncs1=$(psql_value "SELECT wal_sync FROM pg_stat_wal") sync_ms1=$(psql_value "SELECT wal_sync_time FROM pg_stat_wal")
commits1=$(psql_value "SELECT xact_commit FROM pg_stat_database WHERE datname = 'gongyou'")
wait "$load_pid"
load_pid=""
echo "== PostgreSQL, two instances behind nginx"
grep -v '^RESULT' "$WORK/pg2" | sed 's/^/  /'
run_race "$WORK/pg2-race" "http://127.0.0.1:$port" --clock-on "$first,$second" --first-day 7
nginx_local_stop "$WORK/nginx"
stop_and_count
two=$(result "$WORK/pg2" bookings)
cores=$(nproc)
# share TICKS — those ticks as cores: a share of all the machine's ticks in the window (every core counted).
share() { awk -v t="$1" -v all=$((all1 - all0)) -v cores="$cores" 'BEGIN { printf "%.2f", (all > 0 ? cores * t / all : 0) }'; }
machine=$(share $((busy1 - busy0)))
seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
wal_rate=$(awk -v n=$((syncs1 - syncs0)) -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
commit_rate=$(awk -v n=$((commits1 - commits0)) -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
sync_ms=$(awk -v t0="$sync_ms0" -v t1="$sync_ms1" -v n=$((syncs1 - syncs0)) 'BEGIN { printf "%.2f", (n > 0 ? (t1 - t0) / n : 0) }')
echo "  two / one instance: $(ratio "$two" "$one") (target ≥ 1.3 — $(verdict "$(at_least "$(ratio "$two" "$one")" 1.3)"))"
echo "  cores busy during the bookings: $machine of $cores — PostgreSQL $(share $((pg1 - pg0))), servers" \
     "$(share $((srv1 - srv0))), nginx $(share $((ngx1 - ngx0))), the load generator and everything else on the" \
     "machine $(awk -v m="$machine" -v a="$(share $((pg1 - pg0)))" -v b="$(share $((srv1 - srv0)))" -v c="$(share $((ngx1 - ngx0)))" 'BEGIN { printf "%.2f", m - a - b - c }')"
echo "  disk: PostgreSQL synced its WAL $wal_rate times/s for $commit_rate commits/s, $sync_ms ms per sync" \
     "(the disk's floor at the start: $(printf '%.0f' "$FSYNCS") fsyncs/s, $(awk -v f="$FSYNCS" 'BEGIN { printf "%.2f", 1000 / f }') ms each)"
if (($(at_least "$(ratio "$two" "$one")" 1.3) == 0)); then
  if (($(at_least "$machine" "$(awk -v c="$cores" 'BEGIN { print c * 0.9 }')"))); then
    echo "  capped by: cores — the machine's $cores cores were ≥ 90 % busy; a second instance only shares them"
  elif (($(at_least "$(awk -v r="$wal_rate" -v m="$sync_ms" 'BEGIN { print r * m / 1000 }')" 0.8))); then
    echo "  capped by: disk — PostgreSQL spent ≥ 80 % of the time in WAL fsyncs ($sync_ms ms each: the disk, shared" \
         "with the machine's other users, was slower than its floor at the start)"
  else
    echo "  capped by: neither cores nor disk saturated (see the write counters: waits, round trips)"
  fi
fi
echo "== summary (this run)"
printf '  %-44s %8s bookings/s  p99 %7s ms  race %7s ms\n' \
  "SQLite, one instance" "$(printf '%.0f' "$bookings")" "$(printf '%.1f' "$p99")" "$(printf '%.0f' "$(result "$WORK/sqlite-race" medianMs)")" \
  "PostgreSQL, one instance" "$(printf '%.0f' "$one")" "$(printf '%.1f' "$(result "$WORK/pg1" bookP99)")" "$(printf '%.0f' "$(result "$WORK/pg1-race" medianMs)")" \
  "PostgreSQL, two instances behind nginx" "$(printf '%.0f' "$two")" "$(printf '%.1f' "$(result "$WORK/pg2" bookP99)")" "$(printf '%.0f' "$(result "$WORK/pg2-race" medianMs)")"
echo "  references: /health $(printf '%.0f' "$health") req/s (SQLite run), pgbench -N $(printf '%.0f' "$PGBENCH_TPS") tps, disk $(printf '%.0f' "$FSYNCS") fsyncs/s"
