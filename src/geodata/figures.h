// figures.h: reading a rate layer's published figures from the CSVs its layer file names, once,
// kept by period (a time series: one FigureData per period, with the denominator it used, the
// limit rule and the series-break notes of that period). When figures join their areas is
// map/figure_join's to say.
#pragma once
#include <string>
#include <vector>

#include "rules/layer_spec.h"
#include "rules/measures.h"

namespace sespm {


// The figures of one period of a layer.
struct PeriodFigures {
    std::string period;                       // ISO date; "" for a layer that is not a time series
    FigureData data;                          // keyed by join_code (trimmed, upper case)
    std::string denominator_label;            // which estimate (or column) the rates used
    std::vector<std::string> notes;           // series breaks that affect this period
};

struct LoadedFigures {
    std::vector<PeriodFigures> periods;      // oldest first; exactly one when not a time series
    std::vector<std::string> source_codes;   // every code with a row in the count files, as written
    std::string count_file;                  // the (first) count file's path, for messages
    FigureData data;                         // the latest period's figures (periods.back().data)

    std::vector<std::string> period_list() const;   // empty when not a time series
    // The figures of `period` ("" = the latest); nullptr when there is no such period.
    const PeriodFigures* at(const std::string& period) const;
};

// The key figures and boundaries join on: trimmed and upper-cased ("e06000044 " joins E06000044).
std::string join_code(const std::string& code);

// Throws DataError naming file, line and field: missing file or column, a file that is a link
// leading out of the data directory, the same code twice with different values. Rows with an
// empty code, a value that is not a number, negative, not whole, or a denominator of 0 are
// rejected (core/bad_rows.h: listed on stderr, exit 1 unless --skip-bad-rows); when every row
// is rejected it is a DataError. A time series also rejects rows whose period is not an ISO
// date; a crosswalk recodes old codes through the lookup's legacy_codes and sums them (a code
// with any blank part is missing, never a partial sum).
LoadedFigures read_figures(const std::string& data_dir, const LayerSpec& spec);

} // namespace sespm
