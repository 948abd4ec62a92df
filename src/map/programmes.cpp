// programmes.cpp: see programmes.h.
#include "map/programmes.h"

#include <map>

#include "core/error.h"
#include "map/evaluate.h"

namespace sespm {

namespace {

struct Programme {
    const char* layer;
    std::vector<std::pair<std::string, std::string>> columns;   // layer column -> output column
};

const std::vector<Programme> kProgrammes{
    {"resettlement", {{"arrivals", "older_schemes_arrivals"}, {"arrivals_per_10k", "older_schemes_per_10k"}}},
    {"homes_for_ukraine", {{"arrivals", "homes_for_ukraine_arrivals"}, {"arrivals_per_10k", "homes_for_ukraine_per_10k"}}},
    {"afghan_resettlement", {{"afghan_people", "afghan_people"}, {"per_10k", "afghan_per_10k"}, {"transitional", "afghan_transitional"}}},
};

} // namespace

ProgrammesTable programmes_table(Session& s, Geography g, const std::optional<std::string>& within) {
    ProgrammesTable t;
    t.columns = {"code", "name", "population"};
    std::vector<std::string> order;
    std::map<std::string, std::vector<Cell>> rows;
    int found = 0;
    for (const auto& p : kProgrammes) {
        bool have = false;
        for (const auto& l : s.layers) have |= l.id == p.layer;
        if (!have) continue;
        ++found;
        EvaluateOptions o;
        o.geography = g;
        o.within = within;
        LayerResult r = evaluate_layer(*s.atlas, s.layer(p.layer), o);
        t.as_at.push_back(s.layer(p.layer).title + ": " + (r.period.empty() ? s.layer(p.layer).period : r.period));
        for (size_t k = 0; k < r.rows.size(); ++k) {
            const std::string& code = r.rows[k][0].text;
            if (!rows.count(code)) {
                order.push_back(code);
                int pc = column_index(r.columns, "population");
                rows[code] = {r.rows[k][0], r.rows[k][1], pc >= 0 ? r.rows[k][pc] : Cell::of_num(std::nullopt, 0)};
            }
            for (const auto& [from, to] : p.columns) {
                int c = column_index(r.columns, from);
                rows[code].push_back(c >= 0 ? r.rows[k][c] : Cell::of_num(std::nullopt, 0));
            }
        }
        for (const auto& [from, to] : p.columns) t.columns.push_back(to);
    }
    if (found == 0) throw UsageError("programmes: none of the layers resettlement, homes_for_ukraine, afghan_resettlement is in the layers folder");
    for (const auto& code : order) {
        rows[code].resize(t.columns.size(), Cell::of_num(std::nullopt, 0));
        t.rows.push_back(rows[code]);
    }
    return t;
}

} // namespace sespm
