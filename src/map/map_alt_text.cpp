// map_alt_text.cpp: see map_alt_text.h.
#include "map/map_alt_text.h"

#include <algorithm>

namespace sespm {

namespace {

std::string areas_word(Geography g, size_t n) {
    const char* one = g == Geography::District ? "district" : g == Geography::County ? "council"
                    : g == Geography::Subregion ? "sub-region" : g == Geography::Lep ? "LEP" : "area";
    return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

// The row's figure as the table prints it (the classified column), or the bare value, with "%"
// when the column is a percentage (a share of a limit, a share of residents).
std::string figure_of(const MapView& v, size_t row) {
    const std::string& measure = v.result.spec.class_measure;
    bool percent = measure.size() > 4 && (measure.compare(measure.size() - 4, 4, "_pct") == 0 || measure.find("(%)") != std::string::npos);
    int c = column_index(v.result.columns, measure);
    std::string shown = c >= 0 && static_cast<size_t>(c) < v.result.rows[row].size() && v.result.rows[row][c].num
                            ? v.result.rows[row][c].display()
                            : Cell::of_num(v.result.class_values[row], 1).display();
    return shown + (percent ? "%" : "");
}

} // namespace

std::string highest_areas(const MapView& v, size_t highest) {
    std::vector<size_t> order;
    for (size_t r = 0; r < v.result.rows.size() && r < v.result.class_values.size(); ++r)
        if (v.result.class_values[r]) order.push_back(r);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return *v.result.class_values[a] > *v.result.class_values[b]; });
    order.resize(std::min(order.size(), highest));
    std::string out;
    for (size_t i = 0; i < order.size(); ++i) {
        out += i == 0 ? "" : i + 1 == order.size() ? " and " : ", ";
        const auto& row = v.result.rows[order[i]];
        out += (row.size() > 1 ? row[1].text : row[0].text) + " " + figure_of(v, order[i]);
    }
    return out;
}

std::string map_alt_text(const MapView& v, size_t highest, std::optional<size_t> points_in_area) {
    std::string out = "Map: " + v.title + (v.subtitle.empty() ? "" : " (" + v.subtitle + ")") + ". " +
                      areas_word(v.result.geography, v.result.rows.size()) + " coloured by " + v.legend_title + ".";
    std::string top = highest_areas(v, highest);
    if (!top.empty()) out += " Highest: " + top + ".";
    size_t missing = 0;
    for (const auto& x : v.result.class_values) missing += !x;
    if (missing > 0) out += " " + std::to_string(missing) + " with no published figure.";
    size_t points = points_in_area.value_or(v.points.size());
    if (v.points.size() > 0) out += " " + std::to_string(points) + " " + v.points_title + (points_in_area ? " in the area" : "") + " shown as dots.";
    return out;
}

} // namespace sespm
