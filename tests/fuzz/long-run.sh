#!/usr/bin/env bash
# Long fuzz runs, outside CI, on idle CPU only (nice -n 19): each target runs libFuzzer for RUNS executions, with
# ASan + UBSan (asan: build-fuzz-asan/) or without sanitizers (fast: build-fuzz-fast/, ~3x the executions), both
# with the wasm's no-exception flags. Every run starts from the checked-in corpus plus the inputs earlier runs kept
# (build-fuzz-<kind>/work-<target>), so runs add up; afterwards the inputs that add coverage are merged into
# tests/fuzz/corpus/<target> (libFuzzer -merge=1: a minimal set; the files are at most 8 KiB). A crash leaves
# crash-* in build-fuzz-<kind>/ and stops the script. Each run's executions and coverage go to
# build-fuzz-<kind>/long-run.log, one line each.
#   Usage: tests/fuzz/long-run.sh asan|fast RUNS|SECONDSs [TARGET...]   e.g. tests/fuzz/long-run.sh fast 2000000 call
set -euo pipefail
cd "$(dirname "$0")/../.."
kind="${1:?asan or fast}"
runs="${2:?executions per target}"
shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(estimate request_codec call batch policy)
build="build-fuzz-$kind"
sanitize=ON
[ "$kind" = fast ] && sanitize=OFF
CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMCALC_NO_EXCEPTIONS=ON \
      -DCLAIMCALC_TESTS=OFF -DCLAIMCALC_WASM=OFF -DCLAIMCALC_LIBFUZZER=ON -DCLAIMCALC_LIBFUZZER_SANITIZE="$sanitize" \
      >/dev/null
nice -n 19 cmake --build "$build" -j2 $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null
# RUNS executions, or a time such as 900s; the targets run side by side (each on idle CPU only).
limit=(-runs="$runs")
[[ "$runs" == *s ]] && limit=(-max_total_time="${runs%s}")
for target in "${targets[@]}"; do
  dict=tests/fuzz/request.dict
  [ "$target" = policy ] && dict=tests/fuzz/policy.dict
  mkdir -p "$build/work-$target"
  (cd "$build" && nice -n 19 ./fuzz_"$target" "${limit[@]}" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      -dict=../"$dict" -print_final_stats=1 "work-$target" ../tests/fuzz/corpus/"$target" >"run-$target.log" 2>&1) &
done
failed=0
wait || failed=1
for target in "${targets[@]}"; do
  log="$build/run-$target.log"
  if grep -qE "^==[0-9]+==ERROR|deadly signal|^SUMMARY: " "$log" || ! grep -qE "^stat::number_of_executed_units" "$log"; then
    echo "fuzz_$target: FAILED, see $log"; grep -E "ERROR|SUMMARY|crash-" "$log" | head; failed=1; continue
  fi
  execs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}')
  last=$(grep -E "^#[0-9]+[[:space:]]" "$log" | tail -1 || true)
  echo "$(date -u +%FT%TZ) fuzz_$target $kind executions=$execs last: $last" | tee -a "$build/long-run.log"
  (cd "$build" && nice -n 19 ./fuzz_"$target" -merge=1 -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      ../tests/fuzz/corpus/"$target" "work-$target" >"merge-$target.log" 2>&1)
done
du -sh tests/fuzz/corpus/* | tr '\n' ' '
echo
exit "$failed"
