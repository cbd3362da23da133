#!/usr/bin/env bash
# clang-tidy (the checked-in .clang-tidy, warnings as errors) on the engine's sources, cheaply: a file is checked
# again only when it, an engine header or .clang-tidy changed since it last passed (a stamp per file in the build
# tree), so a fresh build checks every file once and a rebuild checks what changed.
#   tests/tidy/run.sh SOURCE_DIR BUILD_DIR CLANG_TIDY [JOBS]
set -euo pipefail
src=$1 build=$2 tidy=$3 jobs=${4:-2}
stamps=$build/tidy-stamps
mkdir -p "$stamps"
cd "$src"
shared=$(cat .clang-tidy engine/*/*.hpp | sha256sum | cut -c1-64)
todo=()
for f in engine/*/*.cpp; do
  key="$shared $(sha256sum <"$f" | cut -c1-64)"
  stamp=$stamps/${f//\//_}
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] || todo+=("$f")
done
total=$(ls engine/*/*.cpp | wc -l)
echo "tidy: ${#todo[@]} of $total engine files to check"
((${#todo[@]})) || exit 0
start=$SECONDS
# Each file in its own clang-tidy; a pass writes the file's stamp, a failure prints the warnings and leaves none.
export tidy build stamps shared
status=0
printf '%s\n' "${todo[@]}" | xargs -P "$jobs" -I{} bash -c '
  f={}; out=$("$tidy" -p "$build" --quiet "$f" 2>&1) || { printf "%s\n" "$out" | grep -v "warnings generated" >&2; exit 1; }
  echo "$shared $(sha256sum <"$f" | cut -c1-64)" >"$stamps/${f//\//_}"' || status=1
echo "tidy: ${#todo[@]} files in $((SECONDS - start)) s"
exit $status
