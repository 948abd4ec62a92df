#!/usr/bin/env bash
# tests/fuzz/run.sh: builds the libFuzzer targets (clang, with AddressSanitizer and
# UndefinedBehaviorSanitizer) for the parsers SESPM Map owns: CSV and figures, layer files, points
# input (CSV, GDAL-read, and .xlsx/.ods workbooks), layer files with duplicate/unknown keys, command-line arguments, the escaping of
# printed names; seeds each from the catalogue of bad inputs, the hand-made workbooks and the real layer
# files; runs each for FUZZ_SECONDS (default 60); prints the executions and fails on any crash.
# Not part of the default test run. Crashing inputs are kept in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
if ! command -v clang++ >/dev/null || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long){return 0;}' \
        | clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
    $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi
OUT=build-fuzz
mkdir -p "$OUT/crashes"
FLAGS=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc -I/usr/include/gdal)
CORE=(src/core/*.cpp)   # the whole pure core: small, and every target may need any of it
IO_POINTS="src/geodata/points.cpp src/geodata/proj.cpp src/geodata/gdal_util.cpp src/geodata/gdal_input.cpp src/geodata/spreadsheet.cpp"
declare -A SOURCES=(
    [csv]="${CORE[*]}"
    [layer_spec]="${CORE[*]}"
    [layer_keys]="${CORE[*]}"
    [points]="${CORE[*]} $IO_POINTS"
    [gdal_points]="${CORE[*]} $IO_POINTS"
    [spreadsheet]="${CORE[*]} $IO_POINTS"
    [printable]="${CORE[*]}"
    [args]="src/cli/args.cpp src/core/*.cpp"
)
declare -A LIBS=([csv]="" [layer_spec]="" [layer_keys]="" [points]="-lgdal -lproj" [gdal_points]="-lgdal -lproj"
                 [spreadsheet]="-lgdal -lproj" [printable]="" [args]="")
total=0
for t in ${FUZZ_TARGETS:-csv layer_spec layer_keys points gdal_points spreadsheet printable args}; do
    echo "== fuzz_$t: build"
    # shellcheck disable=SC2086
    clang++ "${FLAGS[@]}" tests/fuzz/fuzz_$t.cpp ${SOURCES[$t]} ${LIBS[$t]} -o "$OUT/fuzz_$t"
    corpus="$OUT/corpus_$t"
    mkdir -p "$corpus"
    case $t in
        csv|points) cp tests/bad_inputs/*.csv "$corpus"/ ; for f in ../shared/data/stats/*.csv; do head -c 4000 "$f" > "$corpus/seed_$(basename "$f")"; done ;;
        layer_spec) cp tests/bad_inputs/*.json layers/*.json "$corpus"/ ;;
        layer_keys) printf '\001\002\003\004\005\006' > "$corpus/seed1"; printf '\011\000\001\015\002\002' > "$corpus/seed2" ;;
        gdal_points) cp tests/bad_inputs/*.geojson "$corpus"/ ; printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[-1.1,50.8]}}]}' > "$corpus/seed1" ;;
        spreadsheet) cp tests/spreadsheets/*.xlsx tests/spreadsheets/*.ods "$corpus"/ ;;
        printable) printf 'Plan\033[31mRED\033]0;x\007\342\200\256gnp.exe' > "$corpus/seed1"; printf 'Ashford \303\251t\303\251' > "$corpus/seed2" ;;
        args) printf 'export\0--layer\0dispersal\0--classes\05\0-o\0x.geojson' > "$corpus/seed1"; printf -- '--km=3.5\0--ratio\0E1=150\0--legend' > "$corpus/seed2" ;;
    esac
    echo "== fuzz_$t: run ${SECONDS_EACH}s"
    if ! "$OUT/fuzz_$t" "$corpus" -max_total_time="$SECONDS_EACH" -print_final_stats=1 -artifact_prefix="$OUT/crashes/${t}-" \
            > "$OUT/fuzz_$t.log" 2>&1; then
        tail -40 "$OUT/fuzz_$t.log"
        echo "tests/fuzz/run.sh: fuzz_$t found a crash (input kept in $OUT/crashes/)" >&2
        exit 1
    fi
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/fuzz_$t.log" | tail -1)
    echo "   executions: $n"
    total=$((total + n))
done
echo "all fuzz targets ran clean; total executions: $total"
