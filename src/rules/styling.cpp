// styling.cpp: see styling.h.
#include "rules/styling.h"

namespace sespm {

Styled style_values(const std::vector<std::optional<double>>& values, ClassMethod method, int classes,
                    const std::string& palette, std::span<const double> manual_breaks) {
    Styled s;
    std::vector<double> present;
    for (const auto& v : values) if (v) present.push_back(*v);
    if (!present.empty()) {
        s.classification = classify(present, method, classes, manual_breaks);
        s.palette = palette_colors(palette, s.classification.class_count());
    }
    for (const auto& v : values) {
        int k = v && !present.empty() ? s.classification.class_of(*v) : -1;
        s.class_index.push_back(k);
        s.fill.push_back((k >= 0 ? s.palette[k] : no_figure_colour).hex());
    }
    return s;
}

Styled style_fixed_classes(const std::vector<std::optional<double>>& values, double min, std::vector<double> upper,
                           const std::string& palette) {
    Styled s;
    s.classification.method = ClassMethod::Manual;
    s.classification.min = min;
    s.classification.max = upper.empty() ? min : upper.back();
    s.classification.upper = std::move(upper);
    s.palette = palette_colors(palette, s.classification.class_count());
    for (const auto& v : values) {
        int k = v ? s.classification.class_of(*v) : -1;
        s.class_index.push_back(k);
        s.fill.push_back((k >= 0 ? s.palette[k] : no_figure_colour).hex());
    }
    return s;
}

Styled style_with_classes(const std::vector<std::optional<double>>& values, const Classification& c,
                          const std::string& palette) {
    Styled s;
    s.classification = c;
    if (c.class_count() > 0) s.palette = palette_colors(palette, c.class_count());
    for (const auto& v : values) {
        int k = v && c.class_count() > 0 ? c.class_of(*v) : -1;
        s.class_index.push_back(k);
        s.fill.push_back((k >= 0 ? s.palette[k] : no_figure_colour).hex());
    }
    return s;
}

} // namespace sespm
