// styling.h: from the values of a choropleth to a class index and a colour per area, the
// single step that exports, the headless render and the map window share so that the same
// options always give the same colours. Areas with no published figure get `no_figure_colour`.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rules/classify.h"

namespace sespm {

inline const Rgb no_figure_colour{0xd0, 0xd0, 0xd0};

struct Styled {
    Classification classification;
    std::vector<Rgb> palette;            // one colour per class
    std::vector<int> class_index;        // per value; -1 = no figure
    std::vector<std::string> fill;       // per value, "#rrggbb"
};

// Classifies the present values (an empty set of values gives zero classes, every area grey).
Styled style_values(const std::vector<std::optional<double>>& values, ClassMethod method, int classes,
                    const std::string& palette, std::span<const double> manual_breaks = {});

// Fixed class bounds (upper bounds, ascending, the last one the maximum) from `min`: for maps
// whose classes must mean the same in every picture (share of a limit, a difference about zero).
Styled style_fixed_classes(const std::vector<std::optional<double>>& values, double min, std::vector<double> upper,
                           const std::string& palette);

// Values styled by classes made elsewhere (e.g. pooled over every period of a time series, so a
// colour means the same value in each).
Styled style_with_classes(const std::vector<std::optional<double>>& values, const Classification& c,
                          const std::string& palette);

} // namespace sespm
