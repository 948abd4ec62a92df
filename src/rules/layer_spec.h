// layer_spec.h: the declarative overlay files in layers/ (one JSON file per overlay). Reading
// validates every key, so a typo in a hand-edited layer file is an error that names the file
// and the key, never a silently ignored setting. Adding an overlay of an existing kind
// ("rate", "value" or "points") needs a new file, not new code.
//   rate:   a count per area over a denominator (people in dispersal per 10,000 residents);
//           groups sum counts and denominators.
//   value:  a figure published as it is (a ratio, a rank, a percentage, pay in pounds), with no
//           count beside it; groups are population-weighted means when the file gives a
//           "weight", else have no figure (a rank cannot be combined).
//   points: places (ESOL providers) counted per area.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sespm {

enum class LayerKind { Rate, Value, Points };
enum class Geography { District, County, Lep, Subregion, Region };

std::optional<Geography> parse_geography(std::string_view s);
std::string_view geography_name(Geography g);

struct FigureSource {
    std::string file;        // relative to the data directory
    std::string key = "code";
    std::string value = "value";
    std::string period_column;  // temporal: the column holding each row's period (ISO date)
    std::string as_at;          // a fixed period (ISO date) for every row (e.g. a census day);
                                // for a denominator estimate, the estimate's date
    std::string until;          // denominator estimates: used for periods up to this date
                                // (default: while it is the nearest estimate)
    std::string crosswalk;      // a lookup file (code, legacy_codes) recoding old codes, summed
    std::string label;          // denominators: which figure a rate used, shown with it
    std::string pathway;        // count files: the part of the count this file holds (a period's count
                                // is the sum of every pathway's figure; an area missing from one has none)
};

// A series break or caveat that applies to the periods from..to (inclusive, ISO dates).
struct PeriodNote {
    std::string from, to, note;
};

// A limit that was different up to a date (the NTS threshold was 0.07% before August 2022):
// limit = floor(denominator * places / per).
struct LimitRule {
    std::string until;       // "" = the current rule
    double per = 0, places = 1;
    std::string label;
};

struct LayerSpec {
    std::string path;        // the layer file, for messages
    std::string id, title, description, period, attribution;
    LayerKind kind = LayerKind::Rate;
    Geography native = Geography::District;  // the geography the figures are published for

    // kind == Rate or Value (a value layer's "value" file is read as counts[0], its value is the
    // rate slot of each row: rate_column, rate_unit, rate_decimals; count_column is empty;
    // its optional "weight" is the denominator, used only to combine groups)
    FigureSource count;                      // numerator, e.g. dispersed asylum seekers (counts[0])
    std::vector<FigureSource> counts;        // every count file (several for a census series)
    std::optional<FigureSource> denominator; // file empty => a column of the count file
    std::vector<FigureSource> estimates;     // denominators by date, oldest first (may be empty)
    std::vector<PeriodNote> breaks;          // series breaks per affected period
    // Parts of the count read from the same rows (e.g. an Afghan total's transitional / settled
    // in council housing / settled in private rented housing), summed like the count.
    struct CountPart { std::string value, column; };
    std::vector<CountPart> parts;
    std::string count_column = "count";      // output column names
    std::string denominator_column = "population";
    std::string rate_column = "rate";
    double rate_per = 10000;                 // rate = count / denominator * rate_per
    std::string rate_unit = "per 10,000 residents";
    int rate_decimals = 2;                   // decimals the rate (or value) is shown and classed with
    int denominator_decimals = 0;            // a value layer's weight may be a fraction ("weight.decimals")
    // cluster limit: limit = floor(denominator / limit_per); empty limit_column => no limit
    std::string limit_column;
    double limit_per = 0;
    double limit_places = 1;                 // limit = floor(denominator * places / per)
    std::string limit_label;                 // e.g. "0.1% of children"
    std::vector<LimitRule> limit_history;    // earlier rules (until a date), oldest first
    std::string limit_rule_column;           // names the rule that applies ("" = no column)
    std::string headroom_column = "headroom";
    std::string share_column = "share_of_limit_pct";
    std::string status_column = "status";
    double near_share_pct = 90;
    // "pressure": as a factor of the fair-share rule (rules/fair_share.h), whether a higher rate
    // means more pressure on the area (true) or less (false); none: the layer cannot be a factor.
    std::optional<bool> higher_is_pressure;
    // "pressure_if_missing": what an area with no figure counts as for that pressure: false =
    // the others' mean pressure ("mean", the default: nothing is known), true = a figure of 0
    // ("zero": the source publishes no zero rows, so no row most likely means nobody).
    bool missing_is_zero = false;
    std::vector<std::string> user_columns;   // entered by planners (e.g. pledges); empty by default
    std::map<std::string, std::string> column_titles;  // "titles": output column -> title people read
    std::string missing_means;               // "missing": what an absent figure means for this source
    std::string section;                     // "section": the heading the window lists it under ("" = the main list)

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

    // A time series: its count files carry a period column or a fixed date.
    bool has_figures() const { return kind != LayerKind::Points; }   // rate or value: figures per area
    bool temporal() const { return has_figures() && (!count.period_column.empty() || !count.as_at.empty()); }
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
