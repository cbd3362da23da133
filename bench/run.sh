#!/usr/bin/env bash
# One command for every benchmark: builds what they need (Release), runs bench/run.mjs, writes bench/RESULTS.md.
#   bench/run.sh [--quick] [--peer DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CLAIMCALC_BUILD:-build}"
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target claimcalc native_bench wasm >/dev/null
exec node bench/run.mjs --build "$build" "$@"
