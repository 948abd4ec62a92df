// figures.h: reading a rate layer's published figures from the CSVs its layer file names, and
// the join report: which boundary areas matched, which source codes matched no boundary
// (e.g. 2023 mergers), and which areas have no published figure (missing, never zero).
#pragma once
#include <string>
#include <vector>

#include "core/layer_spec.h"
#include "core/measures.h"

namespace sespm {

struct AreaSet;

struct LoadedFigures {
    FigureData data;
    std::vector<std::string> source_codes;   // every code with a row in the count file
};

// Throws DataError naming file, line and field: missing file or column, a non-numeric or
// negative figure, the same code twice with different values.
LoadedFigures read_figures(const std::string& data_dir, const LayerSpec& spec);

struct JoinReport {
    size_t areas = 0, matched = 0;
    std::vector<std::string> unmatched;      // source codes with no boundary
    std::vector<std::string> missing;        // boundary codes with no published figure
};

JoinReport join_report(const LoadedFigures& f, const AreaSet& native_areas);

} // namespace sespm
