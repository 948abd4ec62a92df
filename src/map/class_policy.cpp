// class_policy.cpp: see class_policy.h.
#include "map/class_policy.h"

#include <algorithm>
#include <cmath>

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

} // namespace

ClassPolicy choose_classes(const std::vector<std::optional<double>>& values, const ClassRequest& req,
                           const LayerSpec* spec, MapKind kind, std::span<const double> pool,
                           const std::string& pool_description) {
    std::string method_name = !req.method.empty() ? req.method : spec ? spec->class_method : "quantile";
    auto method = parse_class_method(method_name);
    if (!method) throw UsageError("--classify " + method_name + ": use quantile, equal, jenks or stddev");
    int classes = req.classes ? *req.classes : spec ? spec->classes : 5;
    if (classes < 2 || classes > 12) throw UsageError("--classes " + std::to_string(classes) + ": use 2 to 12");
    std::string palette = !req.palette.empty() ? req.palette
                          : kind == MapKind::Difference ? "blue-red"
                          : kind == MapKind::Scenario   ? "orange-red"
                          : spec                        ? spec->palette
                                                        : "yellow-green-blue";
    if (!palette_exists(palette)) throw UsageError("--palette " + palette + ": no such palette");
    if (req.method.empty() && kind == MapKind::Scenario) return scenario_classes(values, palette);
    if (req.method.empty() && kind == MapKind::Difference) return difference_classes(values, palette);
    ClassPolicy p;
    std::span<const double> manual = spec && kind == MapKind::Layer ? std::span<const double>(spec->manual_breaks) : std::span<const double>();
    if (!pool.empty() && kind == MapKind::Layer) {
        p.styled = style_with_classes(values, classify(pool, *method, classes, manual), palette);
    } else {
        p.styled = style_values(values, *method, classes, palette, manual);
    }
    p.description = std::string(class_method_name(*method)) + ", " + std::to_string(p.styled.classification.class_count()) + " classes";
    if (!pool_description.empty()) p.description += ", " + pool_description;
    return p;
}

} // namespace sespm
