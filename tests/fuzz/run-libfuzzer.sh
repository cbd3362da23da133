#!/usr/bin/env bash
# Builds every fuzz target with clang's libFuzzer (the wasm's no-exception flags, ASan + UBSan) and runs each for
# SECONDS on a copy of its checked-in seed corpus, with its dictionary. A crash leaves crash-* in build-fuzz/ and
# fails the run. Usage: run-libfuzzer.sh [SECONDS per target] [TARGET...]   (CI: 30 s x 6 targets)
# Long runs outside CI, niced, adding to the checked-in corpus: tests/fuzz/long-run.sh asan|fast RUNS [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(estimate request_codec call batch policy plain)
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCLAIMCALC_NO_EXCEPTIONS=ON -DCLAIMCALC_TESTS=OFF \
      -DCLAIMCALC_WASM=OFF -DCLAIMCALC_LIBFUZZER=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null
for target in "${targets[@]}"; do
  dict=tests/fuzz/request.dict
  [ "$target" = policy ] && dict=tests/fuzz/policy.dict
  work="build-fuzz/corpus-$target"
  mkdir -p "$work"
  cp -n tests/fuzz/corpus/"$target"/* "$work"/ 2>/dev/null || true
  limit=()
  [ "$seconds" != 0 ] && limit=(-max_total_time="$seconds")
  echo "== fuzz_$target"
  (cd build-fuzz && ./fuzz_"$target" "${limit[@]}" ${FUZZ_ARGS:-} -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      -dict=../"$dict" -print_final_stats=1 "corpus-$target" 2>&1 | grep -E "^(stat::|#[0-9]+ +DONE|==|SUMMARY)|ERROR" | head -20)
done
