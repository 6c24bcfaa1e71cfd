#!/usr/bin/env bash
# bench/quiz_bench.sh — issue 16's benchmark (item 3): a quiz's leaderboard (masked names, score, time) with 2,000
# players, anonymous and signed in, and the quiz list, next to GET /api/v1/health measured the same way
# (bench/quiz_bench.mjs). Not part of `make test`.
#
#   bench/quiz_bench.sh [--players N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cleanup_traps.sh

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

ADMIN_PASSWORD=Bench-Admin-2026
CLOCK=(--test-clock 2026-12-01T08:00:00+08:00)
printf '%s\n' "$ADMIN_PASSWORD" | "$SERVER" --db "$WORK/bench.db" "${CLOCK[@]}" --create-admin benchadmin >/dev/null 2>&1
"$SERVER" --exit-with-parent --requests-per-address 0 --port 0 --db "$WORK/bench.db" --demo \
  "${CLOCK[@]}" --fast-password-hash > "$WORK/out" 2> "$WORK/err" &
SERVER_PID=$!
for _ in $(seq 1200); do
  BASE=$(sed -n 's/^listening on //p' "$WORK/out")
  [[ -n $BASE ]] && break
  sleep 0.05
done
[[ -n ${BASE:-} ]] || { echo "server did not start:" >&2; cat "$WORK/err" >&2; exit 1; }
grep -h 'demo quiz questions' "$WORK/err" | sed 's/^/  /' || true

TOKEN=$(node -e '
  const [base, password] = process.argv.slice(1);
  fetch(base + "/api/v1/auth/login", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "benchadmin", password }) }).then((r) => r.json()).then((j) => console.log(j.token));
' "$BASE" "$ADMIN_PASSWORD")
node bench/quiz_bench.mjs "$BASE" "$TOKEN" "$@"
echo "  $(nproc) cores shared with the client; SQLite store (PostgreSQL: GONGYOU_DB is not wired into this bench yet)."
