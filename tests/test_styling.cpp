// test_styling.cpp: from values to class indices and colours: classified values, missing values
// in the no-figure grey, and fixed class bounds (scenario and difference maps).
#include <doctest.h>

#include "rules/styling.h"

using namespace sespm;

TEST_CASE("fixed classes: a difference map about zero") {
    std::vector<std::optional<double>> v{-10, -6, 0, 5, 10, std::nullopt, 2};
    Styled s = style_fixed_classes(v, -10, {-6, -2, 2, 6, 10}, "blue-red");
    CHECK(s.class_index == std::vector<int>{0, 0, 2, 3, 4, -1, 2});  // bounds close classes on the right
    auto pal = palette_colors("blue-red", 5);
    CHECK(s.fill[2] == pal[2].hex());
    CHECK(s.fill[5] == no_figure_colour.hex());
}

TEST_CASE("classified values: every present value gets a class and its palette colour") {
    std::vector<std::optional<double>> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, std::nullopt};
    Styled s = style_values(v, ClassMethod::EqualInterval, 5, "greens");
    REQUIRE(s.classification.class_count() == 5);
    CHECK(s.class_index.front() == 0);
    CHECK(s.class_index[9] == 4);
    CHECK(s.class_index.back() == -1);
    for (size_t i = 0; i + 1 < v.size(); ++i) CHECK(s.fill[i] == s.palette[s.class_index[i]].hex());
    // no values at all: no classes, everything grey
    Styled none = style_values({std::nullopt, std::nullopt}, ClassMethod::Quantile, 5, "greens");
    CHECK(none.classification.class_count() == 0);
    CHECK(none.fill == std::vector<std::string>{no_figure_colour.hex(), no_figure_colour.hex()});
}
