// test_measures.cpp: measures on the real published figures, checked against values worked out
// by hand from the raw CSV lines (read here with a separate, naive reader) and against the
// totals PROVENANCE.md states.
#include <doctest.h>

#include <cmath>
#include <fstream>

#include "core/error.h"
#include "rules/measures.h"
#include "helpers.h"
#include "map/evaluate.h"

using namespace sespm;

namespace {

// The raw value of column `col` on the row whose first cell is `code` (naive, independent reader).
double raw(const std::string& file, const std::string& code, const std::string& col) {
    std::ifstream in(test::data_dir() + "/" + file);
    std::string line;
    std::getline(in, line);
    auto header = test::split_csv_simple(line);
    size_t ci = 0;
    while (ci < header.size() && header[ci] != col) ++ci;
    REQUIRE(ci < header.size());
    while (std::getline(in, line)) {
        auto cells = test::split_csv_simple(line);
        if (cells[0] == code) return std::stod(cells[ci]);
    }
    return NAN;
}

const MeasureRow& row_of(const LayerResult& r, const std::string& code) {
    for (const auto& m : r.measures) if (m.code == code) return m;
    FAIL("no row for " << code);
    throw;
}

using Env = test::LayerEnv;

} // namespace

TEST_CASE("dispersal per district matches hand-worked figures from the published CSVs") {
    Env env;
    EvaluateOptions opt;
    opt.within = "E12000008";
    LayerResult r = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    CHECK(r.rows.size() == 64);
    const char* codes[] = {"E06000044", "E06000038", "E07000112", "E06000060", "E07000061"};
    for (const char* c : codes) {
        CAPTURE(c);
        double n = raw("stats/asylum_s95_dispersal_2024q3.csv", c, "value");
        double pop = raw("stats/population_mid2024.csv", c, "value");
        const MeasureRow& m = row_of(r, c);
        REQUIRE(m.count);
        CHECK(*m.count == n);
        CHECK(*m.denominator == pop);
        CHECK(*m.rate == doctest::Approx(n / pop * 10000).epsilon(1e-12));
        CHECK(*m.limit == std::floor(pop / 200));
        CHECK(*m.headroom == std::floor(pop / 200) - n);
        CHECK(*m.share_pct == doctest::Approx(n / std::floor(pop / 200) * 100).epsilon(1e-12));
    }
    // Portsmouth by hand: 617 / 214,321 residents; limit 1,071; 57.6% of the limit.
    const MeasureRow& p = row_of(r, "E06000044");
    CHECK(*p.limit == 1071);
    CHECK(*p.share_pct == doctest::Approx(57.61).epsilon(1e-3));
    CHECK(p.status == "under");
}

TEST_CASE("districts with no published dispersal row are missing, not zero") {
    Env env;
    EvaluateOptions opt;
    opt.within = "E12000008";
    LayerResult r = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    int missing = 0;
    for (const auto& m : r.measures) if (!m.count) { ++missing; CHECK(m.status == "no figure"); CHECK(!m.share_pct); }
    CHECK(missing == 16);  // PROVENANCE.md: 16 South East districts have no published row
    CHECK(!row_of(r, "E06000046").count);  // Isle of Wight
}

TEST_CASE("groups sum counts and populations; rates are recomputed, never averaged") {
    Env env;
    EvaluateOptions opt;
    opt.geography = Geography::Region;
    LayerResult r = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    const MeasureRow& se = row_of(r, "E12000008");
    CHECK(*se.count == 2640);  // PROVENANCE.md: South East total 2,640
    CHECK(*se.denominator == raw("stats/population_mid2024.csv", "E12000008", "value"));
    CHECK(*se.rate == doctest::Approx(2640.0 / *se.denominator * 10000));
    CHECK(se.members_without_figure == 16);
    // sub-regions add up to the region
    opt.geography = Geography::Subregion;
    LayerResult sub = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    double total = 0, pop = 0;
    for (const auto& m : sub.measures) { total += *m.count; pop += *m.denominator; }
    CHECK(sub.measures.size() == 4);
    CHECK(total == 2640);
    CHECK(pop == *se.denominator);
    // a county equals the sum of its districts
    opt.geography = Geography::County;
    LayerResult cty = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    opt.geography = Geography::District;
    opt.within = "E10000016";  // Kent
    LayerResult kent = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    CHECK(kent.measures.size() == 12);
    double kc = 0;
    for (const auto& m : kent.measures) if (m.count) kc += *m.count;
    CHECK(*row_of(cty, "E10000016").count == kc);
}

TEST_CASE("per-area ratio override changes that area's limit only") {
    Env env;
    EvaluateOptions opt;
    opt.within = "E12000008";
    opt.ratio_overrides["E06000044"] = 150;
    LayerResult r = evaluate_layer(env.atlas, env.layer("dispersal"), opt);
    CHECK(*row_of(r, "E06000044").limit == std::floor(214321.0 / 150));
    CHECK(*row_of(r, "E06000038").limit == std::floor(raw("stats/population_mid2024.csv", "E06000038", "value") / 200));
    opt.ratio_overrides = {{"E99999999", 100}};
    CHECK_THROWS_AS(evaluate_layer(env.atlas, env.layer("dispersal"), opt), UsageError);
}

TEST_CASE("National Transfer Scheme: Kent against 0.1% of its children") {
    Env env;
    EvaluateOptions opt;
    opt.geography = Geography::County;
    opt.within = "E12000008";
    LayerResult r = evaluate_layer(env.atlas, env.layer("uasc"), opt);
    CHECK(r.measures.size() == 19);  // PROVENANCE.md: 19 South East children's-services authorities
    const MeasureRow& k = row_of(r, "E10000016");
    CHECK(*k.count == 451);          // PROVENANCE.md check values
    CHECK(*k.denominator == 355390);
    CHECK(*k.limit == 355);
    CHECK(k.status == "over");
    opt.geography = Geography::District;
    CHECK_THROWS_AS(evaluate_layer(env.atlas, env.layer("uasc"), opt), UsageError);
}

TEST_CASE("Census shares: Nepali ethnic group in Rushmoor and the South East") {
    Env env;
    EvaluateOptions opt;
    LayerResult r = evaluate_layer(env.atlas, env.layer("nepali"), opt);
    const MeasureRow& ru = row_of(r, "E07000092");
    CHECK(*ru.count == 10575);       // PROVENANCE.md: Rushmoor 10,575 of 99,756 (10.6%)
    CHECK(*ru.denominator == 99756);
    CHECK(*ru.rate == doctest::Approx(10.6).epsilon(0.005));
    opt.geography = Geography::Region;
    LayerResult reg = evaluate_layer(env.atlas, env.layer("nepali"), opt);
    CHECK(*row_of(reg, "E12000008").count == 44538);  // PROVENANCE.md: South East total 44,538
}

TEST_CASE("join report: 2023 merger codes are reported as unmatched, absent areas as missing") {
    Env env;
    EvaluateOptions opt;
    LayerResult r = evaluate_layer(env.atlas, env.layer("eu_born"), opt);
    CHECK(r.report.areas == 309);
    CHECK(r.report.matched + r.report.missing.size() == 309);
    bool has_cumberland = false;  // Cumberland E06000063 was created in April 2023
    for (const auto& c : r.report.unmatched) has_cumberland |= c == "E06000063";
    CHECK(has_cumberland);
    bool missing_carlisle = false;  // Carlisle E07000028 is a May 2022 boundary with no 2024 code
    for (const auto& c : r.report.missing) missing_carlisle |= c == "E07000028";
    CHECK(missing_carlisle);
}

TEST_CASE("compute_measure on a hand-made table") {
    LayerSpec s;
    s.count_column = "n";
    s.denominator = FigureSource{};
    s.limit_column = "limit";
    s.limit_per = 200;
    FigureData f;
    f.count = {{"A", 90}, {"B", 5}};
    f.denominator = {{"A", 20000}, {"B", 1000}, {"C", 4000}};
    struct Case { std::vector<std::string> members; double count, limit; const char* status; };
    const Case cases[] = {
        {{"A"}, 90, 100, "near"},      // 90% of the limit is "near"
        {{"B"}, 5, 5, "near"},         // exactly at the limit is not over
        {{"A", "B"}, 95, 105, "near"}, // 90.5%
        {{"A", "C"}, 90, 120, "under"},
    };
    for (const auto& c : cases) {
        MeasureRow m = compute_measure(s, "X", "X", c.members, f);
        CHECK(*m.count == c.count);
        CHECK(*m.limit == c.limit);
        CHECK(m.status == c.status);
    }
    f.count["B"] = 6;
    CHECK(compute_measure(s, "X", "X", std::vector<std::string>{"B"}, f).status == "over");
    CHECK(compute_measure(s, "X", "X", std::vector<std::string>{"C"}, f).status == "no figure");
    CHECK(compute_measure(s, "X", "X", std::vector<std::string>{"A"}, f, 100).limit.value() == 200);
}
