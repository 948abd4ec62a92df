#!/usr/bin/env bash
# tests/pg/cluster.sh: a throwaway PostgreSQL 15 + PostGIS cluster for the tests and benches,
# in a fresh temporary folder, listening on a unix socket in that folder only
# (listen_addresses=''), so nothing here can reach or disturb any other server.
#
#   tests/pg/cluster.sh [--] CMD ARGS...   start it, run CMD with SESPM_PG set to the connection
#                                           string of an empty database `sespm` (the superuser is
#                                           in SESPM_PG_SUPERUSER), then stop and remove it
#   tests/pg/cluster.sh                    start it, print the connection string, wait for Ctrl-C
#
# When run as root, initdb/pg_ctl run as the `postgres` user (the folder is made theirs). If the
# PostgreSQL binaries are missing this fails loudly (exit 1): scripts/setup installs them.
set -euo pipefail
[ "${1:-}" = "--" ] && shift

BIN=""
for d in /usr/lib/postgresql/15/bin "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)"; do
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then BIN="$d"; break; fi
done
if [ -z "$BIN" ]; then
  echo "tests/pg/cluster.sh: error: PostgreSQL 15 (initdb, pg_ctl) is not installed; the PostgreSQL tests" \
       "cannot run. Install postgresql-15 postgresql-15-postgis-3 (bash scripts/setup)" >&2
  exit 1
fi
if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "tests/pg/cluster.sh: error: PostGIS for PostgreSQL 15 is not installed (postgresql-15-postgis-3; bash scripts/setup)" >&2
  exit 1
fi

AS=()
SUPERUSER="$(id -un)"
DIR="$(mktemp -d /tmp/sespm-pg.XXXXXX)"
if [ "$(id -u)" = "0" ]; then
  AS=(runuser -u postgres --)
  SUPERUSER=postgres
  chown postgres: "$DIR"
fi
chmod 700 "$DIR"
PORT=5432   # only names the socket file inside $DIR; no TCP port is opened

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U "$SUPERUSER" --no-sync -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; echo "tests/pg/cluster.sh: error: initdb failed in $DIR" >&2; exit 1; }
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
  -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -c port=$PORT -c fsync=on -c max_connections=200" start >/dev/null \
  || { cat "$DIR/server.log" >&2; echo "tests/pg/cluster.sh: error: the server did not start in $DIR" >&2; exit 1; }
"${AS[@]}" "$BIN/createdb" -h "$DIR" -p "$PORT" -U "$SUPERUSER" sespm

# nothing from the caller's environment may point libpq at another server
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE PGSERVICEFILE PGPASSWORD PGPASSFILE PGSSLMODE PGOPTIONS
export PATH="$BIN:$PATH"   # psql, pgbench and pg_ctl of this PostgreSQL 15
export SESPM_PG="host=$DIR port=$PORT dbname=sespm"
export SESPM_PG_SUPERUSER="$SUPERUSER"
export SESPM_PG_DIR="$DIR"
export SESPM_PG_CTL="${AS[*]} $BIN/pg_ctl -D $DIR/data"
echo "tests/pg/cluster.sh: PostgreSQL at '$SESPM_PG' (superuser $SUPERUSER)" >&2
if [ "$#" -gt 0 ]; then
  "$@"
else
  echo "$SESPM_PG user=$SUPERUSER"
  while true; do sleep 3600; done
fi
