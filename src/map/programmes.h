// programmes.h: the resettlement programmes side by side per area, for a board member to read
// at once: the older schemes' arrivals (VPRS, VCRS, UKRS; Res_D01, cumulative), Homes for
// Ukraine arrivals and the people on the Afghan Resettlement Programme (with those still in
// transitional accommodation), each with its rate per 10,000 residents and the date it is as at.
// Built from the three layers' own evaluations, so every figure is the one `table` prints.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/cell.h"
#include "map/session.h"

namespace sespm {

struct ProgrammesTable {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> as_at;        // per programme, e.g. "2014 Q1 to 2024 Q3", "30 June 2026"
};

// UsageError when none of the three layers is there.
ProgrammesTable programmes_table(Session& s, Geography g, const std::optional<std::string>& within);

} // namespace sespm
