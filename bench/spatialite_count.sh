#!/usr/bin/env bash
# spatialite_count.sh AREAS POINTS.csv DB OUT.csv: the SpatiaLite route for "count points per
# area", timed as one command by bench/run.sh. Imports the points (easting,northing in EPSG:27700)
# and the areas (reprojected to EPSG:27700) into a fresh SpatiaLite database with R*Tree spatial
# indexes, then counts the points inside each area with one SQL query that uses the points'
# index through the SpatialIndex virtual table. Writes code,name,count (CSV, one row per area).
set -euo pipefail
areas=$1 points=$2 db=$3 out=$4
rm -f "$db"
ogr2ogr -f SQLite -dsco SPATIALITE=YES "$db" "$points" -nln pts \
    -oo X_POSSIBLE_NAMES=easting -oo Y_POSSIBLE_NAMES=northing -oo KEEP_GEOM_COLUMNS=NO \
    -a_srs EPSG:27700 -lco SPATIAL_INDEX=YES -lco GEOMETRY_NAME=geom
ogr2ogr -update "$db" "$areas" -nln areas -t_srs EPSG:27700 -nlt MULTIPOLYGON \
    -lco SPATIAL_INDEX=YES -lco GEOMETRY_NAME=geom
spatialite -csv -header "$db" "
SELECT a.code AS code, a.name AS name, COUNT(p.ROWID) AS count
FROM areas a
LEFT JOIN pts p
  ON p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'pts' AND search_frame = a.geom)
 AND ST_Within(p.geom, a.geom)
GROUP BY a.code, a.name
ORDER BY a.code;" > "$out"
