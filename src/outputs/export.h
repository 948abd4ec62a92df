// export.h: writing a classified table of areas through GDAL: GeoJSON (RFC 7946: lon/lat,
// 6 decimals, right-hand winding, simplestyle `fill` colours, the attribution as a top-level
// member), CSV (attributes, no geometry) and GeoPackage. The format follows the extension. GDAL
// writes the file in memory; core/output_file puts it on disk under a temporary name, every write
// checked, and renames it, so a failed export (a full disk) leaves neither a partial file nor a
// damaged earlier one, and a read-only file is never replaced.
#pragma once
#include <string>
#include <vector>

#include "geodata/areas.h"
#include "rules/cell.h"

class GDALDataset;

namespace sespm {

struct ExportData {
    const AreaSet* set = nullptr;
    std::vector<size_t> selection;             // areas, one per row
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<int> class_index;              // -1 = no figure
    std::vector<std::string> fill;             // "#rrggbb" per row
    std::string layer_id, title, period, measure, classification, attribution;
    // Time: the ISO date shown, the estimate the rates used, the series breaks of the period
    // and how the classes were made over time (all empty for a layer that is not a series).
    std::string as_at, denominator, classes_over;
    std::vector<std::string> period_notes;
    // The classes in order (GeoJSON: the top-level `legend` member).
    struct LegendRow { double min = 0, max = 0; std::string label, fill; };
    std::vector<LegendRow> legend;
    // export --all-periods: per row, a JSON array of {period, count, rate} (GeoJSON: the
    // `series` property, written as JSON; other formats: text). Empty = no series.
    std::vector<std::string> series;
    std::string no_figure;   // what a missing figure means for this source (GeoJSON "no_figure")
};

enum class ExportFormat { GeoJson, Csv, GeoPackage, PostGis };  // PostGis: outputs/pg_publish
// By extension (.geojson/.json, .csv, .gpkg); throws UsageError otherwise.
ExportFormat export_format_for(const std::string& path);

// The folder an output file will be written in (its parent, or "."), checked before any work:
// UsageError when `path` is itself a directory; DataError when the folder does not exist or is
// not writable. Used by every command that writes a file.
std::string output_folder(const std::string& path);
// output_folder, and an extension export_areas can write (UsageError otherwise).
void check_output_path(const std::string& path);

// Throws UsageError for an output path that is a directory; DataError when writing fails.
void export_areas(const ExportData& d, const std::string& path);

// The file export_areas writes, in memory (`path` names it in messages). GeoJSON is streamed by
// outputs/geojson_writer.h unless `gdal_writer`; every other format, and GeoJSON then, is GDAL's.
std::string export_bytes(const ExportData& d, const std::string& path, ExportFormat fmt, bool gdal_writer);

// The layer as table `schema.table` in an open GDAL PostgreSQL dataset (EPSG:4326 geometry `geom`,
// the same properties as the GeoJSON, names as they are); messages name `shown`. For
// outputs/pg_publish, which swaps it in.
void write_postgis_table(GDALDataset& ds, const ExportData& d, const std::string& schema, const std::string& table, const std::string& shown);

} // namespace sespm
