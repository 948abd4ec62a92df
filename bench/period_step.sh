#!/usr/bin/env bash
# bench/period_step.sh: the CPU cost of one period step (recompute the layer's measures for a
# new period from the figures kept in memory, and restyle them with the pooled classes) for the
# South East's 64 districts and England's 309, over every quarter of the dispersal series.
# Target: under 5 ms a step. Builds the bench_period_step target in ./build first.
# Usage: bash bench/period_step.sh [DATA_DIR]   (default: $SESPM_DATA, then ../shared/data)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[[ -d build ]] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target bench_period_step >/dev/null
echo "period step benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
./build/bench_period_step ${1:-}
