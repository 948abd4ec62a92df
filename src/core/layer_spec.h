// layer_spec.h: the declarative overlay files in layers/ (one JSON file per overlay). Reading
// validates every key, so a typo in a hand-edited layer file is an error that names the file
// and the key, never a silently ignored setting. Adding an overlay of an existing kind
// ("rate" or "points") needs a new file, not new code.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sespm {

enum class LayerKind { Rate, Points };
enum class Geography { District, County, Lep, Subregion, Region };

std::optional<Geography> parse_geography(std::string_view s);
std::string_view geography_name(Geography g);

struct FigureSource {
    std::string file;        // relative to the data directory
    std::string key = "code";
    std::string value = "value";
};

struct LayerSpec {
    std::string path;        // the layer file, for messages
    std::string id, title, description, period, attribution;
    LayerKind kind = LayerKind::Rate;
    Geography native = Geography::District;  // the geography the figures are published for

    // kind == Rate
    FigureSource count;                      // numerator, e.g. dispersed asylum seekers
    std::optional<FigureSource> denominator; // file empty => a column of the count file
    std::string count_column = "count";      // output column names
    std::string denominator_column = "population";
    std::string rate_column = "rate";
    double rate_per = 10000;                 // rate = count / denominator * rate_per
    std::string rate_unit = "per 10,000 residents";
    // cluster limit: limit = floor(denominator / limit_per); empty limit_column => no limit
    std::string limit_column;
    double limit_per = 0;
    std::string headroom_column = "headroom";
    std::string share_column = "share_of_limit_pct";
    std::string status_column = "status";
    double near_share_pct = 90;
    std::vector<std::string> user_columns;   // entered by planners (e.g. pledges); empty by default
    std::map<std::string, std::string> column_titles;  // "titles": output column -> title people read
    std::string missing_means;               // "missing": what an absent figure means for this source

    // kind == Points
    std::string points_file;                 // CSV with lat/lon, or easting/northing
    std::string point_label = "name";
    std::string points_count_column = "providers";

    // classification defaults
    std::string class_measure;               // which output column is mapped
    std::string class_legend;                // legend heading, e.g. "Share of the cluster limit (%)"
    std::string class_method = "quantile";
    int classes = 5;
    std::string palette = "orange-red";
    std::vector<double> manual_breaks;
};

// Read one layer file; throws DataError naming the file and the key for unknown keys, missing
// required keys, wrong types, a source path that is absolute or escapes the data dir ("../"),
// an unknown geography / method / palette, a class count outside 2..12, a key given twice,
// two output columns with the same name, a classification.measure that names no numeric column,
// manual breaks missing (method manual), not ascending, or given with another method.
LayerSpec read_layer_spec(const std::string& path);
LayerSpec parse_layer_spec(const std::string& json_text, const std::string& path);

// All *.json files of a directory, sorted by file name; duplicate ids are an error.
std::vector<LayerSpec> read_layer_dir(const std::string& dir);

// Where the layer files are: --layers DIR, $SESPM_LAYERS, ./layers, then the source tree's layers/.
std::string find_layer_dir(const std::optional<std::string>& flag);

} // namespace sespm
