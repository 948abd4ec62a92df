#!/usr/bin/env bash
# bench/run.sh: times sespm-map, whole process against whole process, against the tools a GIS
# analyst would otherwise use (ogr2ogr with its SQLite dialect, the spatialite CLI, mapshaper) on
# the real data in ../shared/data, and prints peer_time / our_time for each case (> 1: we are
# faster). See bench/README.md. Run from anywhere: bash bench/run.sh
# Environment: DATA (default ../shared/data beside the repo), RUNS (5), WARMUP (1),
# POINTS (100000), BENCH_NO_BUILD=1 to use ./build/sespm-map as it is without rebuilding.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=$(cd "${DATA:-$ROOT/../shared/data}" && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
POINTS=${POINTS:-100000}
WARDS=$DATA/boundaries/wards_england.geojson
LAD=$DATA/boundaries/lad.geojson
SESPM=$ROOT/build/sespm-map
MAPSHAPER=$ROOT/bench/node/node_modules/.bin/mapshaper

say() { printf '\n== %s\n' "$*"; }

# ---- tools -----------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
command -v spatialite >/dev/null || missing+=(spatialite-bin)
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        say "installing ${missing[*]}"
        apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
    else
        echo "bench/run.sh: missing ${missing[*]} (apt-get install -y ${missing[*]})" >&2
        exit 1
    fi
fi
if [[ ! -x $MAPSHAPER ]]; then
    say "installing mapshaper into bench/node"
    (cd bench/node && { npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null; })
fi
if [[ ${BENCH_NO_BUILD:-0} != 1 || ! -x $SESPM ]]; then
    say "building sespm-map (Release)"
    SKIP_SETUP=1 bash scripts/build >/dev/null
fi
for f in "$LAD" "$WARDS" "$DATA/stats/asylum_s95_dispersal_2024q3.csv" "$DATA/stats/population_mid2024.csv"; do
    [[ -f $f ]] || { echo "bench/run.sh: $f not found (set DATA)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sespm-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
RESULTS=$TMP/results.tsv
: > "$RESULTS"

echo "sespm-map benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  $(git -C "$ROOT" log -1 --format='commit %h %s' 2>/dev/null || echo 'commit ?')$(git -C "$ROOT" diff --quiet HEAD -- src layers CMakeLists.txt 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "  $(ogr2ogr --version); spatialite $(spatialite --version 2>/dev/null | head -1 | cut -d' ' -f1); mapshaper $("$MAPSHAPER" -v); $(hyperfine --version)"
echo "  hyperfine --warmup $WARMUP --runs $RUNS; medians in seconds; ratio = peer / ours (> 1: ours is faster)"

# bench CASE OURS_CMD PEER_LABEL PEER_CMD [PEER_LABEL PEER_CMD]: one hyperfine run timing our
# command and the peer command(s) in the same session; records one result row per peer.
bench() {
    local case=$1 ours=$2; shift 2
    local args=(-n ours "$ours") labels=()
    peer_cmds=()
    while (($#)); do args+=(-n "$1" "$2"); labels+=("$1"); peer_cmds+=("$2"); shift 2; done
    say "$case"
    if ! hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$TMP/$case.json" \
            "${args[@]}" > "$TMP/$case.log" 2>&1; then
        cat "$TMP/$case.log" >&2
        echo "bench/run.sh: $case: a command failed; run it by hand to see why:" >&2
        printf '  %s\n' "${args[@]}" | paste - - - | cut -f2- >&2
        exit 1
    fi
    grep -E '^(Benchmark|  Time|  Range)' "$TMP/$case.log" || true
    local t_ours t_peer m_ours m_peer
    t_ours=$(python3 bench/compare.py median "$TMP/$case.json" ours)
    m_ours=$(peak_rss "$ours")
    local i=0
    for l in "${labels[@]}"; do
        t_peer=$(python3 bench/compare.py median "$TMP/$case.json" "$l")
        m_peer=$(peak_rss "${peer_cmds[$i]}")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$l" "$t_ours" "$t_peer" "$m_ours" "$m_peer" >> "$RESULTS"
        i=$((i + 1))
    done
}

# Peak resident memory (MB) of one more run of a command line (GNU time: the largest process of
# the run, the shell's children included).
peak_rss() {
    /usr/bin/time -f '%M' -o "$TMP/rss.txt" bash -c "$1" > /dev/null 2>&1 || true
    awk '{printf "%.0f", $1 / 1024}' "$TMP/rss.txt"
}

# Layer name of a GeoJSON file as OGR sees it (for ogrinfo -sql).
layer_of() { ogrinfo -ro -q "$1" | sed -n 's/^1: //p' | sed 's/ ([^()]*)$//'; }
# "N features, A km2": count and total area (EPSG:27700) of a polygon file, via SpatiaLite.
area_sum() {
    ogrinfo -ro -q "$1" -dialect SQLite -sql \
        "SELECT COUNT(*) AS n, SUM(ST_Area(ST_Transform(geometry, 27700))) / 1e6 AS km2 FROM \"$(layer_of "$1")\"" \
        | awk -F' = ' '/ n \(/{n=$2} / km2 \(/{a=$2} END{printf "%d features, %.1f km2", n, a}'
}

say "points: $POINTS uniform random points in England's bbox (EPSG:27700, fixed seed)"
python3 bench/gen_points.py "$POINTS" "$TMP/points.csv"
echo "  $TMP/points.csv: $(($(wc -l < "$TMP/points.csv") - 1)) points"

# ---- (a) dispersal layer export, all England districts ------------------------------------------
DISP=$DATA/stats/asylum_s95_dispersal_2024q3.csv
POP=$DATA/stats/population_mid2024.csv
cat > "$TMP/dispersal.sql" <<EOF
WITH j AS (
  SELECT l.code AS code, l.name AS name,
         CAST(p.value AS INTEGER) AS population, CAST(d.value AS INTEGER) AS dispersed,
         l.geometry AS geometry
  FROM lad l
  LEFT JOIN "$DISP".asylum_s95_dispersal_2024q3 d ON d.code = l.code
  LEFT JOIN "$POP".population_mid2024 p ON p.code = l.code)
SELECT code, name, population, dispersed,
       ROUND(CAST(dispersed AS REAL) / population * 10000, 2) AS per_10k,
       population / 200 AS cluster_limit,
       population / 200 - dispersed AS headroom,
       ROUND(CAST(dispersed AS REAL) / (population / 200) * 100, 1) AS share_of_limit_pct,
       geometry
FROM j
EOF
bench dispersal_export \
    "$SESPM export --layer dispersal -o $TMP/ours_dispersal.geojson --data $DATA" \
    ogr2ogr "rm -f $TMP/peer_dispersal.geojson && ogr2ogr -f GeoJSON $TMP/peer_dispersal.geojson $LAD -dialect SQLite -sql @$TMP/dispersal.sql -nln dispersal -lco RFC7946=YES -lco COORDINATE_PRECISION=6"
python3 bench/compare.py dispersal "$TMP/ours_dispersal.geojson" "$TMP/peer_dispersal.geojson"

# ---- (b) count points per England district ---------------------------------------------------
bench district_count_points \
    "$SESPM query count-points --points $TMP/points.csv --data $DATA > $TMP/ours_lad_counts.csv" \
    spatialite "bash bench/spatialite_count.sh $LAD $TMP/points.csv $TMP/lad.sqlite $TMP/peer_lad_counts.csv"
python3 bench/compare.py counts "$TMP/ours_lad_counts.csv" "$TMP/peer_lad_counts.csv"

# ---- (c) England's 7,681 wards ---------------------------------------------------------------
# Twice: "warm", as a user's second and later runs go (the FlatGeobuf copy that sespm-map keeps
# of large boundary files in its cache folder; hyperfine's warmup run writes it), and "cold"
# (SESPM_NO_CACHE=1: GDAL parses the 18 MB GeoJSON every time, as on a first run).
export XDG_CACHE_HOME="$TMP/cache"
for mode in warm cold; do
if [ "$mode" = cold ]; then OURS_ENV="SESPM_NO_CACHE=1 "; else OURS_ENV=""; fi
bench wards_export_area_$mode \
    "$OURS_ENV$SESPM export --open $WARDS --by area -o $TMP/ours_wards.geojson --data $DATA" \
    ogr2ogr "rm -f $TMP/peer_wards.geojson && ogr2ogr -f GeoJSON $TMP/peer_wards.geojson $WARDS -dialect SQLite -sql 'SELECT code, name, ROUND(ST_Area(ST_Transform(geometry, 27700)) / 1e6, 3) AS area_km2, geometry FROM wards_england' -nln wards -lco RFC7946=YES -lco COORDINATE_PRECISION=6"
python3 bench/compare.py areas "$TMP/ours_wards.geojson" "$TMP/peer_wards.geojson"

bench wards_count_points_$mode \
    "$OURS_ENV$SESPM query count-points --open $WARDS --points $TMP/points.csv --data $DATA > $TMP/ours_ward_counts.csv" \
    spatialite "bash bench/spatialite_count.sh $WARDS $TMP/points.csv $TMP/wards.sqlite $TMP/peer_ward_counts.csv"
python3 bench/compare.py counts "$TMP/ours_ward_counts.csv" "$TMP/peer_ward_counts.csv"

bench wards_dissolve_$mode \
    "$OURS_ENV$SESPM query dissolve --open $WARDS --group-by lad_code -o $TMP/ours_dissolve.geojson --data $DATA > $TMP/ours_dissolve.csv" \
    ogr2ogr "rm -f $TMP/peer_dissolve.geojson && ogr2ogr -f GeoJSON $TMP/peer_dissolve.geojson $WARDS -dialect SQLite -sql 'SELECT lad_code, ST_Union(geometry) AS geometry FROM wards_england GROUP BY lad_code' -nln dissolved -lco RFC7946=YES -lco COORDINATE_PRECISION=6" \
    mapshaper "$MAPSHAPER $WARDS -dissolve lad_code -o $TMP/mapshaper_dissolve.geojson precision=0.000001 force"
echo "  ours (CSV):               $(($(wc -l < "$TMP/ours_dissolve.csv") - 1)) groups, $(awk -F, 'NR==1{for(i=1;i<=NF;i++)if($i=="area_km2")c=i} NR>1{s+=$c}END{printf "%.1f", s}' "$TMP/ours_dissolve.csv") km2, $(awk -F, 'NR==1{for(i=1;i<=NF;i++)if($i=="parts")c=i} NR>1{s+=$c}END{print s}' "$TMP/ours_dissolve.csv") parts"
for f in ours:ours_dissolve ogr2ogr:peer_dissolve mapshaper:mapshaper_dissolve; do
    printf '  %-25s %s, %s\n' "${f%%:*} (GeoJSON):" "$(area_sum "$TMP/${f#*:}.geojson")" \
        "$(python3 bench/compare.py parts "$TMP/${f#*:}.geojson")"
done
echo "  input wards:              $(area_sum "$WARDS")"

done

# ---- (d) natural-breaks micro-benchmark --------------------------------------------------------
say "natural breaks (bench/bench_breaks.cpp, g++ -O2)"
g++ -O2 -std=c++20 -Isrc bench/bench_breaks.cpp src/rules/classify.cpp -o "$TMP/bench_breaks"
"$TMP/bench_breaks" | sed 's/^/  /'

# ---- summary ---------------------------------------------------------------------------------
say "summary (median of $RUNS runs; ratio = peer / ours; targets: 3x warm, 2x cold (a first run); peak memory at most 2x the peer's)"
awk -F'\t' 'BEGIN{printf "%-24s %-11s %9s %9s %7s %6s %9s %9s %s\n", "case", "peer", "ours (s)", "peer (s)", "ratio", "target", "ours (MB)", "peer (MB)", "met"}
            {target = ($1 ~ /cold/) ? 2 : 3; ok = ($4 / $3 >= target && $5 <= 2 * $6) ? "yes" : "NO"
             printf "%-24s %-11s %9.3f %9.3f %7.2f %6s %9s %9s %s\n", $1, $2, $3, $4, $4 / $3, target "x", $5, $6, ok}' "$RESULTS"
