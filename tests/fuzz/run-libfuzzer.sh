#!/usr/bin/env bash
# Builds the estimate fuzz target with clang's libFuzzer (no exceptions, ASan + UBSan) and runs it for N seconds
# on the case files as the seed corpus. A crash leaves crash-* in build-fuzz/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCLAIMCALC_NO_EXCEPTIONS=ON -DCLAIMCALC_TESTS=OFF \
      -DCLAIMCALC_WASM=OFF -DCLAIMCALC_LIBFUZZER=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_estimate >/dev/null
corpus=build-fuzz/corpus
mkdir -p "$corpus"
for f in tests/cases/*/*.json; do python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(json.dumps(c.get("request") or dict(c["input"], op=c["op"])))' "$f" > "$corpus/$(basename "$f")"; done
cd build-fuzz && ./fuzz_estimate -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 corpus 2>&1 | tail -5
