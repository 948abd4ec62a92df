// queries.h: the spatial questions of the map as requests run on a Session, for the command
// line (`sespm-map query`) and the window's Questions panel alike: neighbours of an area, areas
// within N km, points per area, the nearest point, and the dissolve of chosen or grouped areas.
// Computed with GEOS in British National Grid (EPSG:27700).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/cell.h"
#include "map/atlas.h"
#include "map/session.h"

namespace sespm {

enum class Question { Neighbours, Within, CountPoints, Nearest, Dissolve };
std::optional<Question> parse_question(const std::string& s);

struct QueryRequest {
    Question question = Question::Neighbours;
    std::string code;                          // Neighbours, Within: the area asked about
    double km = 0;                             // Within
    std::string points_file;                   // CountPoints, Nearest ("" = the layer's ESOL file)
    Geography geography = Geography::District;
    std::optional<std::string> within;         // CountPoints, Nearest: the areas asked about
    std::string open_file, code_field = "code", name_field = "name";  // any polygon file instead
    std::vector<std::string> codes;            // Dissolve: these areas into one...
    std::string group_by;                      // ...or every area grouped by this field
};

struct QueryAnswer {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<size_t> areas;                 // per row: the area's index in `set` (not for Dissolve)
    const AreaSet* set = nullptr;              // the areas asked about
    AreaSet dissolved;                         // Dissolve: the groups
    std::string attribution_source;            // the boundary file the answer comes from
};

// UsageError naming the option for an unknown code or a missing value.
QueryAnswer run_query(Session& s, const QueryRequest& q);

} // namespace sespm
