#!/usr/bin/env bash
# Builds claimcalc and shows it working: an explained estimate for the example Guangzhou level-3 inpatient bill,
# then, once the web page exists (build/dist/web), serves it on http://localhost:8080 with the built-in policies.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
echo "== build/claimcalc explain examples/guangzhou-level3-inpatient.json"
./build/claimcalc explain examples/guangzhou-level3-inpatient.json --lang zh
if cmake --build build --target web >/dev/null 2>&1 && [ -f build/dist/web/index.html ]; then
  port="${PORT:-8080}"
  echo "== serving build/dist/web on http://localhost:${port}/ (Ctrl-C to stop)"
  cd build/dist/web && exec python3 -m http.server "$port" --bind 127.0.0.1
else
  echo "== the web page is not built in this version; use build/claimcalc (see README)"
fi
