#!/usr/bin/env bash
# tools/run_fuzz.sh — `make fuzz`: runs every libFuzzer harness of build/fuzz (tests/fuzz) for FUZZ_SECONDS each
# (default 60), one after the other, each from its committed seed corpus (tests/fuzz/corpus/NAME, read only) into a
# working corpus under build/fuzz/corpus/NAME that grows between runs. Prints, per harness, the executions per
# second and the corpus size; a crash leaves its input in build/fuzz/crashes/NAME/ and makes the run fail (turn it
# into a named regression test, then fix it).
#
#   tools/run_fuzz.sh [NAME...]      FUZZ_SECONDS=600 tools/run_fuzz.sh fuzz_route
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cleanup_traps.sh

SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=build/fuzz/tests/fuzz
names=("$@")
((${#names[@]})) || names=($(sed -n '/set(GY_FUZZ_HARNESSES/,/)/p' tests/fuzz/CMakeLists.txt | tr -d '()' | tr ' ' '\n' | grep '^fuzz_'))
FUZZ_PID=""
stop_fuzzer() { [[ -z $FUZZ_PID ]] || stop_pids "$FUZZ_PID"; }
run_cleanup_on_exit stop_fuzzer

failed=0
printf '%-26s %10s %10s %8s  %s\n' harness execs execs/s corpus result
for name in "${names[@]}"; do
  [[ -x $BUILD/$name ]] || { echo "no $BUILD/$name: build it first (make fuzz builds it)" >&2; exit 1; }
  work=build/fuzz/corpus/$name crashes=build/fuzz/crashes/$name log=build/fuzz/logs/$name.log
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  # -rss_limit_mb: the parsers must not balloon; -timeout: nor hang on one input; -max_len keeps inputs request-sized.
  "$BUILD/$name" "$work" "tests/fuzz/corpus/$name" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
    -rss_limit_mb=2048 -timeout=10 -max_len=65536 -artifact_prefix="$crashes/" > "$log" 2>&1 &
  FUZZ_PID=$!
  status=0; wait "$FUZZ_PID" || status=$?
  FUZZ_PID=""
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if ((status != 0)); then result="CRASH (see $log, input in $crashes/)"; failed=1; fi
  printf '%-26s %10s %10s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "$(ls "$work" | wc -l)" "$result"
done
exit "$failed"
