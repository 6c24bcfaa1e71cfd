# tools/cleanup_traps.sh — sourced by bench/*.sh and tools/run_cluster.sh: whatever a script starts (servers, a
# PostgreSQL cluster, nginx) is stopped when the script ends, normally, on an error (set -e), on Ctrl+C (SIGINT),
# SIGTERM or SIGHUP. The servers also get --exit-with-parent, so that even a SIGKILLed script leaves none.

# run_cleanup_on_exit FUNCTION — FUNCTION runs once, when the script exits for any of those reasons. A signal makes
# the script exit (with 128 + its number), which runs the EXIT trap: the cleanup never runs twice.
run_cleanup_on_exit() {
  trap "$1" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

# stop_pids PID... — SIGTERM to each, up to 10 s for all to exit, then SIGKILL to those still running; reaps them.
stop_pids() {
  local pid _
  (($#)) || return 0
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 100); do
    local running=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && running=1; done
    ((running)) || break
    sleep 0.1
  done
  for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}

# kill_when_script_dies PID [SIGNAL] — a watchdog, apart from the script, sends SIGNAL (default TERM) to PID once this
# script's process is gone, even after a SIGKILL no trap sees: for daemons that leave our process group (pg_ctl's
# postmaster, nginx). Its output goes nowhere, so that it never holds a pipe of whoever reads ours.
# It runs in a session of its own (setsid), so that a signal to our whole process group does not end it too.
kill_when_script_dies() {
  setsid -f sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill "-$3" "$2" 2>/dev/null' \
    watchdog "$$" "$1" "${2:-TERM}" < /dev/null > /dev/null 2>&1
}
