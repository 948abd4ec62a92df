#!/usr/bin/env bash
# check_layers.sh: the house rule of docs/architecture.md, checked on the source: each folder
# under src/ includes only its own headers and those of the folders it may call. Prints every
# include that breaks the rule (file, line, the folder it reaches) and exits 1; exits 0 when
# there is none. Run by ctest as test_layers.
set -euo pipefail
src="$(cd "$(dirname "$0")/../src" && pwd)"
declare -A may=(
  [core]="core"
  [rules]="core rules"
  [geodata]="core rules geodata"
  [caches]="core rules geodata caches"
  [stores]="core rules stores"
  [outputs]="core rules geodata stores outputs"
  [map]="core rules geodata caches stores outputs map"
  [trends]="core rules geodata caches stores outputs map trends"
  [render]="core rules geodata caches map render"
  [print]="core rules geodata map trends render print"
  [report]="core rules geodata map trends outputs render print report"
  [widgets]="core rules widgets"
  [ui]="core rules geodata caches stores outputs map trends render print report widgets ui"
  [cli]="core rules geodata caches stores outputs map trends render print report cli"
  [app]="core rules map cli ui app"
)
bad=0
for dir in "$src"/*/; do
  folder=$(basename "$dir")
  if [ -z "${may[$folder]+x}" ]; then
    echo "src/$folder: a folder docs/architecture.md does not place (add it to tests/check_layers.sh)"; bad=1; continue
  fi
  while IFS=: read -r file line text; do
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$text")
    if ! grep -qw -- "$target" <<<"${may[$folder]}"; then
      echo "${file#"$src"/}:$line: src/$folder may not include $target/ ($text)"; bad=1
    fi
  done < <(grep -rnE '^#include "[a-z_]+/' "$dir" || true)
done
exit $bad
