#!/usr/bin/env bash
# Runs every test: the release build (unit, cases, invariants, CLI, compile-fail, fuzz smoke, wasm in Node), then
# the same engine built as the wasm is (-fno-exceptions -DJSON_NOEXCEPTION) with AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
# Each stage prints the minutes since the start, so a slow CI run shows where its time went (budget: 90 minutes).
stage() { echo "== ($((SECONDS / 60))m$((SECONDS % 60))s) $*"; }

stage "no-exception build with ASan + UBSan (build-noexc/)"
cmake -S . -B build-noexc -DCMAKE_BUILD_TYPE=Debug -DCLAIMCALC_NO_EXCEPTIONS=ON -DCLAIMCALC_SANITIZE=ON \
      -DCLAIMCALC_WASM=OFF >/dev/null
cmake --build build-noexc -j"$jobs" >/dev/null
(cd build-noexc && ctest --output-on-failure -j"$jobs")

if command -v clang++ >/dev/null && [ -f /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  stage "libFuzzer, 30 s on each of the 6 targets (no-exception flags, ASan + UBSan)"
  ./tests/fuzz/run-libfuzzer.sh 30
fi

stage "release build (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" >/dev/null
(cd build && ctest --output-on-failure -j"$jobs")
stage "all passed"
