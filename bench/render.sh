#!/usr/bin/env bash
# bench/render.sh: rendering benchmarks for sespm-map (see bench/README.md, "Rendering").
#  1. frame times of the desktop window (xvfb-run, `--bench-frames`): England's 7,681 wards and
#     the default South East districts map, and the time slider playing (--bench-play) over the
#     South East and England, FRAME_RUNS runs each, medians of mean_ms and fps, the slowest frame;
#  2. whole-process render to PNG, wards classified by area (5 quantile classes), 1600x1000:
#     `sespm-map render` against QGIS 3.22 headless (bench/qgis_render.py), one
#     `hyperfine --warmup 1 --runs 5` call, ratio = qgis / ours (> 1: ours is faster).
# Run from anywhere: bash bench/render.sh (it cds to the repository root).
# Environment: DATA (default ../shared/data beside the repo), RUNS (5), WARMUP (1), FRAMES (120),
# FRAME_RUNS (3), WIDTH (1600), HEIGHT (1000).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=$(cd "${DATA:-$ROOT/../shared/data}" && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
FRAMES=${FRAMES:-120}
FRAME_RUNS=${FRAME_RUNS:-3}
WIDTH=${WIDTH:-1600}
HEIGHT=${HEIGHT:-1000}
WARDS=$DATA/boundaries/wards_england.geojson
SESPM=$ROOT/build/sespm-map
PY=/usr/bin/python3   # Debian's: python3-qgis is installed for it, not for a pyenv python3

say() { printf '\n== %s\n' "$*"; }
die() { echo "bench/render.sh: $*" >&2; exit 1; }

# ---- tools -----------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
dpkg -s qgis >/dev/null 2>&1 || missing+=(qgis)
{ [[ -x $PY ]] && "$PY" -c 'import qgis.core' >/dev/null 2>&1; } || missing+=(python3-qgis)
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        say "installing ${missing[*]} (apt-get, no recommends; qgis is a large download)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
            || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
    else
        die "missing ${missing[*]} (as root: apt-get install -y --no-install-recommends ${missing[*]})"
    fi
fi
"$PY" -c 'import qgis.core' 2>/dev/null || die "$PY cannot import qgis.core (python3-qgis)"
if [[ ! -x $SESPM ]]; then
    say "building sespm-map (Release)"
    SKIP_SETUP=1 bash scripts/build >/dev/null
fi
[[ -f $WARDS ]] || die "$WARDS not found (set DATA)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sespm-render.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# QGIS writes a profile (qgis.db, symbology-style.db, auth db), a settings file and a network
# cache under $HOME on its first start: give it a home of its own inside $TMP, so that the
# user's home is left alone and every run of this script starts QGIS from the same state.
mkdir -p "$TMP/qgis-home" "$TMP/xdg-runtime"
chmod 700 "$TMP/xdg-runtime"
qgis_env() {
    local home=$1
    printf 'env HOME=%s XDG_CONFIG_HOME=%s/.config XDG_DATA_HOME=%s/.local/share XDG_CACHE_HOME=%s/.cache XDG_RUNTIME_DIR=%s QT_QPA_PLATFORM=offscreen' \
        "$home" "$home" "$home" "$home" "$TMP/xdg-runtime"
}

QGIS_VERSION=$("$PY" -c 'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null)
echo "sespm-map rendering benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  $(git -C "$ROOT" log -1 --format='commit %h %s' 2>/dev/null || echo 'commit ?')$(git -C "$ROOT" diff --quiet HEAD -- src shaders layers CMakeLists.txt 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "  QGIS $QGIS_VERSION ($PY $("$PY" -c 'import platform; print(platform.python_version())')); $(hyperfine --version); $(dpkg-query -W -f='xvfb ${Version}' xvfb 2>/dev/null)"

# median of the numbers on stdin, one a line
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p"; }

# ---- 1. frame times in the window (Xvfb, Mesa llvmpipe) -----------------------------------------
# frames NAME [ARGS...]: FRAME_RUNS runs of the window benchmark; prints each line, then medians.
frames() {
    local name=$1; shift
    say "frame times: $name ($FRAME_RUNS runs of --bench-frames $FRAMES, ${WIDTH}x$HEIGHT, xvfb-run)"
    local out=$TMP/frames_$name.txt line
    : > "$out"
    for ((i = 1; i <= FRAME_RUNS; i++)); do
        if ! line=$(xvfb-run -a -s "-screen 0 ${WIDTH}x${HEIGHT}x24" \
                "$SESPM" "$@" --bench-frames "$FRAMES" --data "$DATA" 2> "$TMP/frames_err.txt" | grep '^frames='); then
            cat "$TMP/frames_err.txt" >&2
            die "frame benchmark ($name) failed: xvfb-run -a $SESPM $* --bench-frames $FRAMES --data $DATA"
        fi
        echo "  $line"
        echo "$line" >> "$out"
    done
    local mean fps
    mean=$(field mean_ms < "$out" | median)
    fps=$(field fps < "$out" | median)
    echo "  median: mean_ms=$mean fps=$fps; slowest frame of all runs: $(field max_ms < "$out" | sort -g | tail -1) ms"
    printf '%s\t%s\t%s\t%s\n' "$name" "$(field areas < "$out" | head -1)" "$mean" "$fps" >> "$TMP/frames.tsv"
}
: > "$TMP/frames.tsv"
frames wards --open "$WARDS"
frames districts
# the time slider playing (target: no frame over 33 ms): the South East's 64 districts, England's 309
frames slider_play --bench-play
frames slider_play_england --bench-play --within all

# ---- 1b. the window's start: process start to the first map on the screen (--first-frame) -------
# One Xvfb for all runs (xvfb-run's own start would dominate); targets from the performance
# issue: the South East map under 0.3 s, England's wards under 0.5 s warm and 1.0 s on the first
# run (no boundary cache: SESPM_NO_CACHE=1).
XVFB_DISPLAY=:$((90 + RANDOM % 9))
Xvfb "$XVFB_DISPLAY" -screen 0 "${WIDTH}x${HEIGHT}x24" >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1
say "first frame in the window (hyperfine --warmup $WARMUP --runs $RUNS, Xvfb $XVFB_DISPLAY)"
FIRST="env DISPLAY=$XVFB_DISPLAY XDG_CACHE_HOME=$TMP/cache-ff $SESPM --width $WIDTH --height $HEIGHT --first-frame --data $DATA"
# Warm means the wards' projected copy and full mesh copy are in the cache. A --first-frame run
# on a new file exits on the quick first picture and cancels the full mesh (so keeps no copy):
# one screenshot run, which waits for the full mesh, makes the copies first.
env DISPLAY="$XVFB_DISPLAY" XDG_CACHE_HOME="$TMP/cache-ff" "$SESPM" --width "$WIDTH" --height "$HEIGHT" --open "$WARDS" \
    --screenshot "$TMP/prime.png" --data "$DATA" > /dev/null 2>&1 || die "first frame: the run making the cache copies failed"
if ! hyperfine --style basic -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$TMP/first.json" \
        -n south_east "$FIRST" -n wards_warm "$FIRST --open $WARDS" -n wards_first_run "env SESPM_NO_CACHE=1 $FIRST --open $WARDS" \
        > "$TMP/first.log" 2>&1; then
    cat "$TMP/first.log" >&2
    die "first frame: a command failed"
fi
grep -E '^(Benchmark|  Time)' "$TMP/first.log" || true
for n in south_east wards_warm wards_first_run; do
    printf '%s\t%s\n' "$n" "$(python3 bench/compare.py median "$TMP/first.json" "$n")" >> "$TMP/first.tsv"
done
# On a first run the names and the finer levels follow the first picture: when (the window's
# frame trace, from its start; one run).
env DISPLAY="$XVFB_DISPLAY" SESPM_NO_CACHE=1 SESPM_FRAME_TRACE="$TMP/trace_first.txt" "$SESPM" --width "$WIDTH" --height "$HEIGHT" \
    --open "$WARDS" --screenshot "$TMP/first_full.png" --data "$DATA" > /dev/null 2>&1 || die "first run with the frame trace failed"
echo "  wards first run, from the window's start: first picture at $(grep -m1 'notes=.*map_adopted' "$TMP/trace_first.txt" | field at_ms) ms," \
     "names and full detail at $(grep -m1 'full_mesh_adopted' "$TMP/trace_first.txt" | field at_ms) ms"

# ---- 2. whole-process render to PNG: sespm-map render vs QGIS ---------------------------------
export XDG_CACHE_HOME="$TMP/cache"   # sespm-map's FlatGeobuf copy of the wards goes here
OURS_CMD="$SESPM render --open $WARDS --by area --within all --width $WIDTH --height $HEIGHT --no-labels -o $TMP/ours.png --data $DATA"
QGIS_CMD="$(qgis_env "$TMP/qgis-home") $PY bench/qgis_render.py $WARDS $TMP/qgis.png $WIDTH $HEIGHT"

# Untimed by hyperfine, for the record: one cold run each. QGIS with a fresh home (it creates its
# profile databases); ours with an empty Mesa shader cache. hyperfine's warmup run absorbs both.
say "first runs (cold: QGIS with a fresh profile, ours with an empty Mesa shader cache)"
secs() { local t0 t1; t0=$(date +%s.%N); "$@" > "$TMP/cold.log" 2>&1 || { cat "$TMP/cold.log" >&2; die "failed: $*"; }; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}'; }
# shellcheck disable=SC2086  # OURS_CMD is a command line, split on purpose (no spaces in paths)
echo "  ours: $(secs env MESA_SHADER_CACHE_DIR="$TMP/mesa-cold" $OURS_CMD) s"
mkdir -p "$TMP/qgis-cold"
# shellcheck disable=SC2046
echo "  qgis: $(secs $(qgis_env "$TMP/qgis-cold") "$PY" bench/qgis_render.py "$WARDS" "$TMP/qgis_cold.png" "$WIDTH" "$HEIGHT") s"
echo "  qgis phases (QGIS_TIMING=1, warm profile):"
# shellcheck disable=SC2046
env QGIS_TIMING=1 $(qgis_env "$TMP/qgis-cold" | cut -d' ' -f2-) "$PY" bench/qgis_render.py "$WARDS" "$TMP/qgis_cold.png" "$WIDTH" "$HEIGHT" 2>&1 \
    | sed -n 's/^qgis_render.py: //p' | paste -sd',' | sed 's/,/, /g; s/^/    /'

say "render wards to PNG, ${WIDTH}x$HEIGHT (hyperfine --warmup $WARMUP --runs $RUNS)"
rm -f "$TMP/ours.png" "$TMP/qgis.png"
if ! hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$TMP/render.json" \
        -n ours "$OURS_CMD" -n ours_nocache "SESPM_NO_CACHE=1 $OURS_CMD" -n qgis "$QGIS_CMD" > "$TMP/render.log" 2>&1; then
    cat "$TMP/render.log" >&2
    printf '  %s\n' "$OURS_CMD" "$QGIS_CMD" >&2
    die "render: a command failed; run it by hand to see why"
fi
grep -E '^(Benchmark|  Time|  Range)' "$TMP/render.log" || true
T_OURS=$(python3 bench/compare.py median "$TMP/render.json" ours)
T_QGIS=$(python3 bench/compare.py median "$TMP/render.json" qgis)
T_COLD=$(python3 bench/compare.py median "$TMP/render.json" ours_nocache)

# sanity: both PNGs exist, are W x H and are not trivial (> 10 KB)
for png in ours qgis; do
    f=$TMP/$png.png
    [[ -f $f ]] || die "$png: $f was not written"
    size=$(stat -c %s "$f")
    dims=$("$PY" -c 'import struct, sys; d = open(sys.argv[1], "rb").read(24); assert d[:8] == b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$f") \
        || die "$png: $f is not a PNG"
    ((size > 10240)) || die "$png: $f is only $size bytes"
    [[ $dims == "${WIDTH}x$HEIGHT" ]] || die "$png: $f is $dims, expected ${WIDTH}x$HEIGHT"
    echo "  $png.png: $dims, $size bytes"
done

# ---- summary ---------------------------------------------------------------------------------
say "summary"
echo "frame times (median of $FRAME_RUNS runs, $FRAMES frames each, ${WIDTH}x$HEIGHT, Xvfb + Mesa):"
awk -F'\t' '{printf "  %-10s %5s areas  mean_ms %7s  fps %6s\n", $1, $2, $3, $4}' "$TMP/frames.tsv"
echo "first frame in the window (median of $RUNS runs; targets 0.3 s, 0.5 s warm, 1.0 s first run):"
awk -F'\t' '{printf "  %-16s %.3f s\n", $1, $2}' "$TMP/first.tsv"
echo "render wards to PNG (median of $RUNS runs, whole process):"
awk -v o="$T_OURS" -v q="$T_QGIS" 'BEGIN{printf "  ours (warm cache) %.3f s  qgis %.3f s  ratio = qgis / ours = %.2f\n", o, q, q / o}'
awk -v o="$T_COLD" -v q="$T_QGIS" 'BEGIN{printf "  ours (no cache)   %.3f s  qgis %.3f s  ratio = qgis / ours = %.2f\n", o, q, q / o}'
