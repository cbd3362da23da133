#!/usr/bin/env bash
# Long fuzz runs, outside CI, on idle CPU only (nice -n 19): each target runs libFuzzer for RUNS executions, with
# ASan + UBSan (asan: build-fuzz-asan/) or without sanitizers (fast: build-fuzz-fast/, ~3x the executions), both
# with the wasm's no-exception flags. Every run starts from the CI seeds (tests/fuzz/corpus/<target>), the kept
# corpus of earlier long runs (tests/fuzz/corpus-long/<target>.tar.xz) and this machine's work folder, so runs add
# up; afterwards libFuzzer -merge=1 adds this run's inputs that add coverage to the kept ones and the archive is
# rewritten (an archive, not loose files: thousands of inputs of a few KiB each, and the CI's seeds stay the short
# list the smoke test reads).
# Each run's executions and coverage are appended to tests/fuzz/long-runs.tsv (the ledger the notes sum), one line
# per target. A crash leaves crash-* in build-fuzz-<kind>/ and stops the script.
#   Usage: tests/fuzz/long-run.sh asan|fast RUNS|SECONDSs [TARGET...]   e.g. tests/fuzz/long-run.sh fast 2000000 call
set -euo pipefail
cd "$(dirname "$0")/../.."
kind="${1:?asan or fast}"
runs="${2:?executions per target}"
shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(estimate request_codec call batch policy plain)
build="build-fuzz-$kind"
sanitize=ON
[ "$kind" = fast ] && sanitize=OFF
CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMCALC_NO_EXCEPTIONS=ON \
      -DCLAIMCALC_TESTS=OFF -DCLAIMCALC_WASM=OFF -DCLAIMCALC_LIBFUZZER=ON -DCLAIMCALC_LIBFUZZER_SANITIZE="$sanitize" \
      >/dev/null
nice -n 19 cmake --build "$build" -j2 $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null
commit=$(git rev-parse --short HEAD)
# RUNS executions, or a time such as 900s; the targets run side by side (each on idle CPU only).
limit=(-runs="$runs")
[[ "$runs" == *s ]] && limit=(-max_total_time="${runs%s}")
fuzz_args=(-max_len=8192 -timeout=10 -rss_limit_mb=2048)
for target in "${targets[@]}"; do
  dict=tests/fuzz/request.dict
  [ "$target" = policy ] && dict=tests/fuzz/policy.dict
  mkdir -p "$build/work-$target"
  rm -rf "$build/kept-$target" && mkdir -p "$build/kept-$target"
  archive=tests/fuzz/corpus-long/$target.tar.xz
  [ -f "$archive" ] && tar -xJf "$archive" -C "$build/kept-$target"
  (cd "$build" && nice -n 19 ./fuzz_"$target" "${limit[@]}" "${fuzz_args[@]}" -dict=../"$dict" -print_final_stats=1 \
      "work-$target" "kept-$target" ../tests/fuzz/corpus/"$target" >"run-$target.log" 2>&1) &
done
failed=0
wait || failed=1
mkdir -p tests/fuzz/corpus-long
for target in "${targets[@]}"; do
  log="$build/run-$target.log"
  if grep -qE "^==[0-9]+==ERROR|deadly signal|^SUMMARY: " "$log" || ! grep -qE "^stat::number_of_executed_units" "$log"; then
    echo "fuzz_$target: FAILED, see $log"; grep -E "ERROR|SUMMARY|crash-" "$log" | head; failed=1; continue
  fi
  execs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}')
  last=$(grep -E "^#[0-9]+[[:space:]]" "$log" | tail -1 || true)
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$kind" "$execs" "${cov:-?}" "${ft:-?}" \
      "$commit" >>tests/fuzz/long-runs.tsv
  echo "fuzz_$target $kind executions=$execs cov=$cov ft=$ft"
  # Into the kept inputs, never a fresh folder: a run with sanitizers sees other coverage than one without, and a
  # fresh merge would drop what the other kind found. Only this run's new inputs that add coverage join them.
  (cd "$build" && nice -n 19 ./fuzz_"$target" -merge=1 "${fuzz_args[@]}" "kept-$target" "work-$target" \
      >"merge-$target.log" 2>&1)
  # Sorted names, fixed owner and time: the same corpus gives the same archive.
  (cd "$build/kept-$target" && find . -type f -printf '%P\n' | LC_ALL=C sort |
      tar --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - -T - | xz -9e >"../../tests/fuzz/corpus-long/$target.tar.xz")
done
ls -l tests/fuzz/corpus-long
exit "$failed"
