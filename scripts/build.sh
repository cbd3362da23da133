#!/usr/bin/env bash
# Configures and builds the native CLI, tests and (when emcc is present) the wasm into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
