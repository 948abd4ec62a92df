// test_period_rules.cpp: which dated estimate and which limit rule apply to a period, as a table
// of cases worked out by hand from the rules' wording (rules/period_rules.h).
#include <doctest.h>

#include "rules/period_rules.h"

using namespace sespm;

namespace {

FigureSource estimate(const std::string& as_at, const std::string& until = "") {
    FigureSource f;
    f.as_at = as_at;
    f.until = until;
    return f;
}

} // namespace

TEST_CASE("the dated estimate a period's rates use") {
    // Mid-2011 census-based up to 2014-12-31, then mid-2021 and mid-2023 estimates by nearness.
    std::vector<FigureSource> est = {estimate("2011-06-30", "2014-12-31"), estimate("2021-06-30"),
                                     estimate("2023-06-30")};
    struct Case { const char* period; size_t want; };
    for (Case c : {Case{"2014-03-31", 0}, Case{"2014-12-31", 0}, Case{"2015-03-31", 1}, Case{"2022-06-30", 1},
                   Case{"2022-06-29", 1}, Case{"2022-07-01", 2}, Case{"2026-03-31", 2}}) {
        CAPTURE(c.period);
        CHECK(estimate_for_period(est, c.period) == c.want);
    }
    // Only estimates with an `until` that no period reaches: the last one.
    CHECK(estimate_for_period({estimate("2011-06-30", "2014-12-31")}, "2020-03-31") == 0);
}

TEST_CASE("the limit rule in force on a period") {
    LayerSpec spec;
    spec.limit_history = {{"2016-06-30", 500, 1, "1 per 500"}, {"2022-07-31", 10000, 7, "0.07% of children"}};
    struct Case { const char* period; const char* want; };
    for (Case c : {Case{"2015-03-31", "1 per 500"}, Case{"2016-06-30", "1 per 500"}, Case{"2016-07-01", "0.07% of children"},
                   Case{"2022-07-31", "0.07% of children"}, Case{"2022-08-01", ""}, Case{"", ""}}) {
        CAPTURE(c.period);
        const LimitRule* r = limit_rule_for_period(spec, c.period);
        CHECK((r ? r->label : std::string()) == c.want);
    }
}
