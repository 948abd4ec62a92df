// classify.h: choropleth classification (quantile, equal interval, exact natural breaks,
// standard deviation, manual) and colour palettes (sequential and diverging). Pure C++,
// no I/O: the command line, exports and the map all call these so they agree on colours.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sespm {

enum class ClassMethod { Quantile, EqualInterval, NaturalBreaks, StdDev, Manual };

// "quantile", "equal", "jenks" (also "natural"), "stddev", "manual"; nullopt if unknown.
std::optional<ClassMethod> parse_class_method(std::string_view name);
std::string_view class_method_name(ClassMethod m);

// Classes are closed on the right: class 0 is [min, upper[0]], class i is (upper[i-1], upper[i]].
// The last upper bound equals the maximum of the values.
struct Classification {
    ClassMethod method = ClassMethod::Quantile;
    double min = 0, max = 0;
    std::vector<double> upper;          // one upper bound per class, ascending
    int class_count() const { return static_cast<int>(upper.size()); }
    // Class index of v, or -1 for NaN (no published figure). Values outside [min,max]
    // are clamped into the first/last class.
    int class_of(double v) const;
    // Human label for class i, e.g. "12.3 – 45.6" with `decimals` places.
    std::string label(int i, int decimals) const;
};

// Classify the finite values (NaNs are ignored). Throws std::invalid_argument when `classes`
// is outside 1..32, or manual breaks are not ascending. With fewer distinct values than
// classes the number of classes shrinks to the number of distinct values.
Classification classify(std::span<const double> values, ClassMethod method, int classes,
                        std::span<const double> manual_breaks = {});

// Exact Fisher/Jenks optimal breaks: minimises the total within-class sum of squared
// deviations over all values (no sampling). `sorted` ascending, finite. Returns k upper bounds.
std::vector<double> natural_breaks(std::span<const double> sorted, int k);

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    std::string hex() const;            // "#rrggbb"
    bool operator==(const Rgb&) const = default;
};

enum class PaletteKind { Sequential, Diverging };

struct PaletteInfo {
    std::string id;                     // e.g. "orange-red", "blue-red"
    std::string title;
    PaletteKind kind;
};

std::vector<PaletteInfo> palettes();
bool palette_exists(std::string_view id);
// n colours (1..32) of palette `id`, light to dark for sequential, interpolated in CIELAB.
// Throws std::invalid_argument for an unknown id.
std::vector<Rgb> palette_colors(std::string_view id, int n);

} // namespace sespm
