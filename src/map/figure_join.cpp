// figure_join.cpp: see figure_join.h.
#include "map/figure_join.h"

#include "core/bad_rows.h"
#include "core/error.h"

namespace sespm {

// A source joins when at least half of its codes, and at least one, are areas of the layer's
// geography. Real files also carry codes that legitimately match no area (other nations,
// 2023 merged districts, "N/A" rows), so some unmatched codes are expected; a file where most
// codes match nothing has the wrong key (lower case is accepted, names or another vintage are
// not).
void check_join(const LoadedFigures& f, const JoinReport& r, const AreaSet& native) {
    const std::string& file = f.count_file;
    if (f.source_codes.empty())
        throw DataError(where(file, 0, "", "the file holds no rows of figures (only a header?)"));
    size_t matched = f.source_codes.size() - r.unmatched.size();
    if (matched > 0 && matched * 2 >= f.source_codes.size()) return;
    std::string examples;
    for (size_t i = 0; i < r.unmatched.size() && i < 3; ++i) examples += (i ? ", '" : "'") + r.unmatched[i] + "'";
    throw DataError(where(file, 0, "", std::to_string(matched) + " of " + std::to_string(f.source_codes.size()) +
                                           " codes match an area of " + native.source + "; codes that match none: " +
                                           examples + (r.unmatched.size() > 3 ? ", ..." : "") +
                                           " (is the key column the GSS code, e.g. E07000112, of the right geography?)"));
}

JoinReport join_report(const LoadedFigures& f, const AreaSet& native) {
    JoinReport r;
    r.areas = native.areas.size();
    for (const auto& a : native.areas) {
        if (f.data.count.count(join_code(a.code))) ++r.matched;
        else r.missing.push_back(a.code);
    }
    for (const auto& c : f.source_codes)
        if (!native.find(join_code(c))) r.unmatched.push_back(c);
    if (!f.count_file.empty()) check_join(f, r, native);
    return r;
}

std::string join_notes(const std::string& layer_id, const JoinReport& r) {
    if (r.unmatched.empty()) return "";
    std::string list;
    for (const auto& c : r.unmatched) list += (list.empty() ? "" : " ") + c;
    return "layer '" + layer_id + "': " + std::to_string(r.unmatched.size()) + " source code" +
           (r.unmatched.size() == 1 ? "" : "s") + " match no boundary area (other nations, older or merged "
           "areas, totals): " + list;
}

void note_unmatched(const std::string& layer_id, const JoinReport& r) {
    if (std::string n = join_notes(layer_id, r); !n.empty()) input_log().note(n);
}

} // namespace sespm
