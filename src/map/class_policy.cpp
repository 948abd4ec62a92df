// class_policy.cpp: see class_policy.h.
#include "map/class_policy.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/error.h"

namespace sespm {

namespace {

// A scenario map: classes planners read at a glance, aligned with the status words (near = 90%
// of the limit, over = above 100%), the same for every scenario.
ClassPolicy scenario_classes(const std::vector<std::optional<double>>& values, const std::string& palette) {
    double top = 100.0001;
    for (const auto& x : values) if (x) top = std::max(top, *x);
    ClassPolicy p;
    p.styled = style_fixed_classes(values, 0, {25, 50, 75, 90, 100, top}, palette);
    p.description = "fixed: 25/50/75/90/100% of the cluster limit";
    p.top_label = "over 100 (over the limit)";
    return p;
}

// A difference map: classes symmetric about zero, so the light middle class means "the same in
// both" and the diverging colours read as fewer (blue) or more (red) places.
ClassPolicy difference_classes(const std::vector<std::optional<double>>& values, const std::string& palette) {
    double m = 0;
    for (const auto& x : values) if (x) m = std::max(m, std::abs(*x));
    if (m == 0) m = 1;
    // places are whole numbers: whole-number bounds read better ("-19 – -6", not "-19.2 – -6.4")
    double a = m >= 5 ? std::round(0.6 * m) : 0.6 * m, b = m >= 5 ? std::max(1.0, std::round(0.2 * m)) : 0.2 * m;
    ClassPolicy p;
    p.styled = style_fixed_classes(values, -m, {-a, -b, b, a, m}, palette);
    p.description = "fixed: symmetric about zero";
    return p;
}

size_t distinct_values(const std::vector<std::optional<double>>& values) {
    std::set<double> d;
    for (const auto& x : values) if (x) d.insert(*x);
    return d.size();
}

// One class for every two distinct figures, at least one.
int few_areas_limit(const std::vector<std::optional<double>>& values) {
    return std::max(1, static_cast<int>(std::min<size_t>(distinct_values(values) / 2, 12)));
}

// --breaks (or the layer file's breaks for its own manual method): checked, ascending.
std::vector<double> manual_breaks(const ClassRequest& req, const LayerSpec* spec, MapKind kind, ClassMethod method) {
    if (!req.breaks.empty() && method != ClassMethod::Manual)
        throw SettingError("breaks", "", "class breaks go with {classify} manual (the method is '" + std::string(class_method_name(method)) + "')");
    if (method != ClassMethod::Manual) return {};
    std::vector<double> b = req.breaks;
    if (b.empty() && spec && kind == MapKind::Layer && spec->class_method == "manual") b = spec->manual_breaks;
    if (b.empty()) throw SettingError("breaks", "", "manual classes need their upper bounds, e.g. 1,2,5,10");
    if (b.size() > 12) throw SettingError("breaks", "", "at most 12 breaks");
    for (size_t i = 0; i < b.size(); ++i) {
        if (!std::isfinite(b[i])) throw SettingError("breaks", "", "break " + std::to_string(i + 1) + " is not a finite number");
        if (i > 0 && !(b[i] > b[i - 1]))
            throw SettingError("breaks", "", "must be strictly ascending (break " + std::to_string(i + 1) + " is not above the one before)");
    }
    return b;
}

// The threshold a layer's map is about: 100 (%) when it is classed by its share of a limit
// (the cluster limit, the NTS threshold); none otherwise.
std::optional<double> threshold_of(const LayerSpec* spec, MapKind kind) {
    if (!spec || kind != MapKind::Layer || spec->limit_column.empty() || spec->class_measure != spec->share_column) return std::nullopt;
    return 100.0;
}

// Makes `at` a class bound when the classes span it, so over and under never share a colour:
// the nearest inner bound moves to it (the number of classes kept), or, when that would leave
// bounds out of order, it is added.
bool add_threshold_break(Classification& c, double at) {
    if (c.upper.size() < 1 || !(c.min < at && at < c.upper.back())) return false;
    for (double u : c.upper) if (u == at) return false;
    size_t nearest = 0;
    for (size_t i = 1; i + 1 < c.upper.size(); ++i)
        if (std::abs(c.upper[i] - at) < std::abs(c.upper[nearest] - at)) nearest = i;
    bool keeps_order = c.upper.size() > 1 && (nearest == 0 || c.upper[nearest - 1] < at) && at < c.upper[nearest + 1];
    if (keeps_order) c.upper[nearest] = at;
    else c.upper.insert(std::upper_bound(c.upper.begin(), c.upper.end(), at), at);
    return true;
}

} // namespace

std::string chosen_palette(const ClassRequest& req, const LayerSpec* spec, MapKind kind) {
    return !req.palette.empty()         ? req.palette
           : kind == MapKind::Difference ? "blue-red"
           : kind == MapKind::Scenario   ? "orange-red"
           : kind == MapKind::Pressure   ? "purples"
           : spec                        ? spec->palette
                                         : "yellow-green-blue";
}

ClassPolicy choose_classes(const std::vector<std::optional<double>>& values, const ClassRequest& req,
                           const LayerSpec* spec, MapKind kind, std::span<const double> pool,
                           const std::string& pool_description) {
    std::string method_name = !req.method.empty() ? req.method : spec ? spec->class_method : "quantile";
    auto method = parse_class_method(method_name);
    if (!method) throw SettingError("classify", method_name, "use quantile, equal, jenks, stddev or manual (with {breaks})");
    int classes = req.classes ? *req.classes : spec ? spec->classes : 5;
    if (classes < 2 || classes > 12) throw SettingError("classes", std::to_string(classes), "use 2 to 12");
    std::string palette = chosen_palette(req, spec, kind);
    if (!palette_exists(palette)) throw SettingError("palette", palette, "no such palette");
    if (req.method.empty() && kind == MapKind::Scenario) return scenario_classes(values, palette);
    if (req.method.empty() && kind == MapKind::Difference) return difference_classes(values, palette);
    std::vector<double> breaks = manual_breaks(req, spec, kind, *method);
    ClassPolicy p;
    // Few areas, few classes. Pooled over periods the count must not change with the period (a
    // colour means the same in every period), so it goes by the number of areas, not this
    // period's distinct figures.
    size_t classed = req.areas_classed > 0 ? req.areas_classed : values.size();
    int few = pool.empty() ? few_areas_limit(values) : std::max(1, std::min(static_cast<int>(classed) / 2, 12));
    int usable = *method == ClassMethod::Manual ? classes : std::min(classes, few);
    if (!pool.empty() && kind == MapKind::Layer)  // a time series: classes from every period pooled
        p.styled = style_with_classes(values, classify(pool, *method, usable, breaks), palette);
    else
        p.styled = style_values(values, *method, usable, palette, breaks);
    if (auto at = threshold_of(spec, kind); at && *method != ClassMethod::Manual) {
        Classification c = p.styled.classification;
        if (add_threshold_break(c, *at)) {
            p.styled = style_with_classes(values, c, palette);
            p.threshold_note = "a class bound at 100%: over and under the limit never share a colour";
        }
    }
    int got = p.styled.classification.class_count();
    p.description = std::string(class_method_name(*method)) + ", " + std::to_string(got) + " classes";
    if (usable < classes && got > 0)
        p.note = std::to_string(got) + " class" + (got == 1 ? "" : "es") + ", not " + std::to_string(classes) + ": only " +
                 std::to_string(distinct_values(values)) + " areas with distinct figures";
    if (!p.note.empty()) p.description += " (" + p.note + ")";
    if (!pool_description.empty()) p.description += ", " + pool_description;
    if (!p.threshold_note.empty()) p.description += "; " + p.threshold_note;
    return p;
}

} // namespace sespm
