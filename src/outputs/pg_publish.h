// pg_publish.h: publishing an exported layer for the web team as a PostGIS table on the shared
// server (`export --to-table NAME --project LOC`, or -o "postgresql://...?table=NAME"): the
// table `published.NAME` (EPSG:4326 geometry `geom`, the GeoJSON's properties), replaced
// atomically: GDAL's PostgreSQL driver writes a new table beside it, then one transaction
// drops the old one and renames the new one in, so a reader sees the old table or the new one,
// never half of one. An admin's right.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "outputs/export.h"

namespace sespm {

// UsageError unless `table` is a plain lower-case name (letters, digits, _; at most 40).
void check_table_name(const std::string& table);
// "postgresql://host/db?table=NAME&sslmode=..." -> the location without table=, and NAME;
// nullopt when `output` is not a server URI with a table parameter.
std::optional<std::pair<std::string, std::string>> table_in_location(const std::string& output);
// Writes and swaps in published.TABLE; says nothing, throws ProjectError/DataError naming the table.
void publish_table(const ExportData& d, const std::string& location, const std::string& table);

} // namespace sespm
