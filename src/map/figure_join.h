// figure_join.h: when a layer's figures join its boundaries, and when a join is an error: which
// boundary areas matched, which source codes matched no boundary (e.g. 2023 mergers), and which
// areas have no published figure (missing, never zero).
#pragma once
#include <string>
#include <vector>

#include "geodata/areas.h"
#include "geodata/figures.h"

namespace sespm {

struct JoinReport {
    size_t areas = 0, matched = 0;
    std::vector<std::string> unmatched;      // source codes with no boundary
    std::vector<std::string> missing;        // boundary codes with no published figure
};

// Matches codes without regard to case. Throws DataError naming the count file and three
// unmatched codes when it has no rows, or when fewer than half of its codes (or none) match an
// area: a source joining nothing is an error, not a table of "no figure".
JoinReport join_report(const LoadedFigures& f, const AreaSet& native_areas);

// One line for stderr listing every unmatched source code of a layer, or "" when all matched.
std::string join_notes(const std::string& layer_id, const JoinReport& r);
// Adds join_notes to the input log (core/bad_rows.h), which the command line prints on stderr.
void note_unmatched(const std::string& layer_id, const JoinReport& r);

} // namespace sespm
