#!/usr/bin/env bash
# bench/report.sh: the board report against QGIS 3.22 making print layouts of the same figures:
# `sespm-map report` (the whole default pack) against bench/qgis_layout.py exporting one A4 page
# (title, map, legend, scale bar, north arrow, attribution) and a 4-page atlas by sub-region,
# whole process against whole process in one hyperfine run (medians; ratio = qgis / ours).
# QGIS reads the districts and sub-regions as `sespm-map export` wrote them (made once, before).
# Environment: DATA (default ../shared/data beside the repo), RUNS (5), WARMUP (1).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=$(cd "${DATA:-$ROOT/../shared/data}" && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SESPM=$ROOT/build/sespm-map
PY=/usr/bin/python3   # Debian's: python3-qgis is installed for it
command -v hyperfine >/dev/null || { echo "bench/report.sh: apt-get install -y hyperfine" >&2; exit 1; }
$PY -c 'import qgis.core' 2>/dev/null || { echo "bench/report.sh: QGIS missing (scripts/setup --bench)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$SESPM" export --layer dispersal --within E12000008 -o "$TMP/se.geojson" --data "$DATA" 2>/dev/null
"$SESPM" export --layer dispersal --geography subregion --within E12000008 -o "$TMP/sub.geojson" --data "$DATA" 2>/dev/null
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$TMP"
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$TMP/r.json" \
    "$SESPM report -o $TMP/board.pdf --data $DATA" \
    "$PY bench/qgis_layout.py $TMP/se.geojson $TMP/q1.pdf" \
    "$PY bench/qgis_layout.py $TMP/se.geojson $TMP/q4.pdf $TMP/sub.geojson" >/dev/null 2>&1
pages=$(pdfinfo "$TMP/board.pdf" | sed -n 's/^Pages: *//p')
$PY - "$TMP/r.json" "$pages" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours, q1, q4 = (x["median"] for x in r)
print(f"| case | ours (s) | QGIS (s) | ratio QGIS/ours |")
print(f"| --- | --- | --- | --- |")
print(f"| our pack ({sys.argv[2]} pages) vs QGIS 1-page layout | {ours:.3f} | {q1:.3f} | {q1/ours:.2f} |")
print(f"| our pack ({sys.argv[2]} pages) vs QGIS 4-page atlas | {ours:.3f} | {q4:.3f} | {q4/ours:.2f} |")
print(f"target: the pack in less time than QGIS's 4 map pages: {'met' if ours < q4 else 'NOT met'}")
PY
