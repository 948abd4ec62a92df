#!/usr/bin/env bash
# bench/pg_edits.sh: the shared server under many planners. 50 concurrent clients x 200 pledge
# edits (bench_pg_edits: read, +1, write with the version read, conflicts re-read and redone) on
# a throwaway PostgreSQL 15 cluster on a unix socket (tests/pg/cluster.sh): zero lost updates
# (the pledges sum to the edits saved), p50/p95 edit latency; then pgbench with a single-row
# UPDATE of the same table (its triggers and row-level security included) at the same client
# count: the database's own floor.
# Usage: bash bench/pg_edits.sh [CLIENTS] [EDITS]      (default 50 200)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[[ -d build ]] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target bench_pg_edits sespm-map >/dev/null
export CLIENTS=${1:-50} EDITS=${2:-200}
export SESPM_DATA="${SESPM_DATA:-$ROOT/../shared/data}"
echo "pg edits benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec bash tests/pg/cluster.sh bash -c '
set -euo pipefail
SU="$SESPM_PG user=$SESPM_PG_SUPERUSER"
./build/sespm-map project init --project "$SU" 2>/dev/null
./build/sespm-map project grant --project "$SU" --user bench --role admin 2>/dev/null
CODES=$(./build/sespm-map table --layer dispersal --within E12000008 2>/dev/null | tail -n +2 | cut -d, -f1 | paste -sd, -)
ARRAY="array[$(echo "$CODES" | sed "s/[^,]*/'"'"'&'"'"'/g")]"
psql -X -q "$SU" -c "INSERT INTO sespm.pledges (code, places) SELECT unnest($ARRAY), 0"   # every row there for both
echo "== sespm-map store: $CLIENTS clients x $EDITS edits"
./build/bench_pg_edits "$SESPM_PG user=bench" "$CLIENTS" "$EDITS" "$CODES"
echo "== pgbench: one UPDATE a transaction on the same table, $CLIENTS clients x $EDITS"
N=$(echo "$CODES" | tr , "\n" | wc -l)
cat > "$SESPM_PG_DIR/update.sql" <<SQL
\set n random(1, $N)
UPDATE sespm.pledges SET places = places + 1, version = version + 1 WHERE code = ($ARRAY)[:n];
SQL
cd "$SESPM_PG_DIR"
pgbench -n -h "$SESPM_PG_DIR" -p 5432 -U bench -c "$CLIENTS" -j 2 -t "$EDITS" -f update.sql -l --log-prefix=pgb sespm 2>&1 | grep -E "latency average|tps"
cat pgb.* | awk "{print \$3/1000}" | sort -n | awk "{v[NR]=\$1} END {printf \"pgbench latency ms: p50 %.2f  p95 %.2f  p99 %.2f\n\", v[int(NR*0.5)], v[int(NR*0.95)], v[int(NR*0.99)]}"
'
