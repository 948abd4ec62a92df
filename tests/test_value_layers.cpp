// test_value_layers.cpp: the pressure and labour-market layers (issue 23): value layers (a
// ratio, rank, percentage or pay as published) and the rate layer of new overseas workers,
// checked against figures read straight from the CSVs with the tests' own naive reader; the
// LEP tables against population-weighted means worked here from the LEP lookup and the CSVs.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.h"
#include "helpers.h"
#include "map/evaluate.h"
#include "rules/fair_share.h"
#include "rules/measures.h"

using namespace sespm;

namespace {

using Env = test::LayerEnv;

const MeasureRow* row_of(const LayerResult& r, const std::string& code) {
    for (const auto& m : r.measures) if (m.code == code) return &m;
    return nullptr;
}

using test::latest_period;

} // namespace

TEST_CASE("the pressure layers: kind, direction, and what a missing figure means") {
    Env env;
    struct Case { const char* id; LayerKind kind; bool higher; bool missing_zero; bool temporal; };
    const Case cases[] = {
        {"housing_affordability", LayerKind::Value, true, false, true},
        {"temporary_accommodation", LayerKind::Value, true, false, false},
        {"deprivation", LayerKind::Value, false, false, false},
        {"claimant_count", LayerKind::Value, true, false, true},
        {"employment_rate", LayerKind::Value, false, false, true},
        {"median_pay", LayerKind::Value, false, false, true},
        {"net_additions", LayerKind::Value, false, false, true},
        {"gdhi_per_head", LayerKind::Value, false, false, true},
        {"nino_registrations", LayerKind::Rate, true, false, false},
        {"dispersal", LayerKind::Rate, true, true, true},
        {"resettlement", LayerKind::Rate, true, true, false},   // the latest cumulative figure
        {"asylum_supported", LayerKind::Rate, true, false, true},
        {"all_three_pathways", LayerKind::Rate, true, false, true},
    };
    for (const auto& c : cases) {
        std::string id = c.id;
        CAPTURE(id);
        const LayerSpec& s = env.layer(c.id);
        CHECK(s.kind == c.kind);
        REQUIRE(s.higher_is_pressure);
        CHECK(*s.higher_is_pressure == c.higher);
        CHECK(s.missing_is_zero == c.missing_zero);
        CHECK(s.temporal() == c.temporal);
        CHECK(!s.attribution.empty());
        CHECK(!s.missing_means.empty());
        // the window lists the new pressures under one heading, so the main list stays as it was
        bool pressure_layer = s.kind == LayerKind::Value || id == "nino_registrations";
        CHECK(s.section == (pressure_layer ? "Pressures and labour market" : ""));
    }
}

TEST_CASE("value layers per district equal the published figures (PROVENANCE.md's checks)") {
    Env env;
    struct Case { const char* layer; const char* code; double expected; double tol; };
    const Case cases[] = {
        {"housing_affordability", "E07000089", 10.0, 1e-9},    // Hart 2025
        {"housing_affordability", "E07000062", 8.06, 1e-9},    // Hastings
        {"housing_affordability", "E06000044", 7.22, 1e-9},    // Portsmouth
        {"claimant_count", "E06000044", 4.6, 1e-9},
        {"claimant_count", "E07000089", 1.6, 1e-9},
        {"temporary_accommodation", "E06000044", 6.76, 0.005},  // 599 households, 6.76 per 1,000
        {"temporary_accommodation", "E07000112", 2.23, 0.005},  // Folkestone and Hythe 112 (2.23)
        {"deprivation", "E06000044", 64, 0},
        {"deprivation", "E07000112", 79, 0},
        {"deprivation", "E07000089", 296, 0},
        {"deprivation", "E06000041", 295, 0},                   // Wokingham
    };
    EvaluateOptions opt;
    opt.within = "E12000008";
    for (const auto& c : cases) {
        std::string layer = c.layer, code = c.code;
        CAPTURE(layer);
        CAPTURE(code);
        LayerResult r = evaluate_layer(env.atlas, env.layer(c.layer), opt);
        CHECK(r.rows.size() == 64);
        const MeasureRow* m = row_of(r, c.code);
        REQUIRE(m);
        REQUIRE(m->rate);
        CHECK(std::abs(*m->rate - c.expected) <= c.tol);
        CHECK(!m->count);   // a value layer has no count
    }
    // Thanet made no return for December 2025: no figure, never the September fallback
    LayerResult ta = evaluate_layer(env.atlas, env.layer("temporary_accommodation"), opt);
    REQUIRE(row_of(ta, "E07000114"));
    CHECK(!row_of(ta, "E07000114")->rate);
    // new overseas workers: a rate over the mid-2024 population, per 1,000 (Portsmouth 2,609)
    LayerResult nino = evaluate_layer(env.atlas, env.layer("nino_registrations"), opt);
    const MeasureRow* p = row_of(nino, "E06000044");
    REQUIRE(p);
    CHECK(*p->count == 2609);
    CHECK(*p->rate == doctest::Approx(2609.0 / test::population(false)["E06000044"] * 1000).epsilon(1e-12));
}

TEST_CASE("every South East district of every value layer equals its CSV row at the latest period") {
    Env env;
    struct Case { const char* layer; const char* file; };
    const Case cases[] = {
        {"housing_affordability", "stats/ons_housing_affordability_ratio_2002_2025.csv"},
        {"claimant_count", "stats/ons_claimant_count_2001_2025.csv"},
        {"employment_rate", "stats/ons_employment_rate_2004_2023.csv"},
        {"median_pay", "stats/ons_median_weekly_pay_2008_2025.csv"},
        {"net_additions", "stats/mhclg_net_additions_housing_stock_2002_2025.csv"},
        {"gdhi_per_head", "stats/ons_gdhi_per_head_1997_2023.csv"},
    };
    EvaluateOptions opt;
    opt.within = "E12000008";
    for (const auto& c : cases) {
        std::string layer = c.layer;
        CAPTURE(layer);
        std::string period = latest_period(c.file);
        auto expected = test::series_at(c.file, period);
        LayerResult r = evaluate_layer(env.atlas, env.layer(c.layer), opt);
        CHECK(r.period == period);
        int compared = 0;
        for (const auto& m : r.measures) {
            CAPTURE(m.code);
            auto it = expected.find(m.code);
            CHECK(static_cast<bool>(m.rate) == (it != expected.end()));
            if (m.rate && it != expected.end()) { CHECK(*m.rate == it->second); ++compared; }
        }
        CHECK(compared == 64);   // PROVENANCE.md: all 64 South East districts at the latest period
    }
}

TEST_CASE("LEP tables of the labour layers equal population-weighted means worked from the CSVs") {
    // the LEPs' members from the lookup, the figures and mid-2024 populations from the CSVs
    std::map<std::string, std::vector<std::string>> members;
    for (auto& r : test::rows_of("boundaries/lad_lep_lookup.csv")) members[r["lep_code"]].push_back(r["lad_code"]);
    auto pop = test::population(false);
    struct Case { const char* layer; const char* file; const char* column; };
    const Case cases[] = {
        {"claimant_count", "stats/ons_claimant_count_2001_2025.csv", "claimant_pct"},
        {"employment_rate", "stats/ons_employment_rate_2004_2023.csv", "employment_pct"},
        {"median_pay", "stats/ons_median_weekly_pay_2008_2025.csv", "median_weekly_pay"},
    };
    const char* south_east_leps[] = {"E37000035", "E37000043", "E37000044", "E37000046", "E37000053", "E37000055", "E37000056"};
    for (const auto& c : cases) {
        std::string layer = c.layer;
        CAPTURE(layer);
        auto values = test::series_at(c.file, latest_period(c.file));
        test::RunResult out = test::run_sespm({"table", "--layer", c.layer, "--geography", "lep", "--within", "E12000008"});
        REQUIRE(out.exit_code == 0);
        CHECK(out.err.find("weighted by population") != std::string::npos);   // the output says so
        auto lines = test::lines(out.out);
        auto header = test::split_csv_simple(lines.at(0));
        size_t vc = std::find(header.begin(), header.end(), c.column) - header.begin();
        size_t how = std::find(header.begin(), header.end(), "combined_as") - header.begin();
        size_t names = std::find(header.begin(), header.end(), "members") - header.begin();
        REQUIRE(vc < header.size());
        REQUIRE(how < header.size());
        REQUIRE(names < header.size());
        std::set<std::string> seen;
        for (size_t i = 1; i < lines.size(); ++i) {
            auto cells = test::split_csv_simple(lines[i]);
            const std::string& lep = cells[0];
            CAPTURE(lep);
            double num = 0, den = 0;
            bool complete = true;
            for (const auto& d : members[lep]) {
                if (!values.count(d) || !pop.count(d)) { complete = false; continue; }
                num += values[d] * pop[d];
                den += pop[d];
            }
            REQUIRE(complete);
            double mean = num / den;
            CHECK(std::stod(cells[vc]) == doctest::Approx(std::round(mean * 10) / 10).epsilon(1e-9));   // shown to 1 decimal
            CHECK(cells[how] == (members[lep].size() > 1 ? "weighted mean of members" : "published figure"));
            size_t listed = 1 + static_cast<size_t>(std::count(cells[names].begin(), cells[names].end(), ';'));
            CHECK(listed == members[lep].size());   // the member districts, by name
            seen.insert(lep);
        }
        for (const char* lep : south_east_leps) CHECK(seen.count(lep));
    }
}

TEST_CASE("value layers: groups with a member missing, and ranks, have no figure") {
    Env env;
    EvaluateOptions opt;
    opt.geography = Geography::County;
    opt.within = "E12000008";
    // a rank cannot be combined: Kent (12 districts) has none; a unitary keeps its own rank
    LayerResult imd = evaluate_layer(env.atlas, env.layer("deprivation"), opt);
    REQUIRE(row_of(imd, "E10000030"));
    CHECK(!row_of(imd, "E10000016")->rate);
    CHECK(*row_of(imd, "E06000044")->rate == 64);
    // Kent's temporary accommodation: Thanet made no return, so Kent has no figure
    LayerResult ta = evaluate_layer(env.atlas, env.layer("temporary_accommodation"), opt);
    CHECK(!row_of(ta, "E10000016")->rate);
    CHECK(row_of(ta, "E10000016")->members_without_figure == 1);
    // Surrey's: the household-weighted mean of its districts, which is households in TA over households
    double num = 0, den = 0;
    for (auto& r : test::rows_of("stats/temporary_accommodation_lad_2025q4.csv"))
        if (r["code"].rfind("E07000", 0) == 0 && std::set<std::string>{"E07000207", "E07000208", "E07000209", "E07000210", "E07000211",
                "E07000212", "E07000213", "E07000214", "E07000215", "E07000216", "E07000217"}.count(r["code"])) {
            num += std::stod(r["value"]) * std::stod(r["households_in_area_000s"]);
            den += std::stod(r["households_in_area_000s"]);
        }
    REQUIRE(row_of(ta, "E10000030"));
    CHECK(*row_of(ta, "E10000030")->rate == doctest::Approx(num / den).epsilon(1e-12));
}

TEST_CASE("a missing figure counts as zero pressure where the layer says so, else as the others' mean") {
    std::vector<AllocationInput> areas{{"A", 1000, 0, 5}, {"B", 1000, 0, 5}, {"C", 1000, 0, 5}};
    Factor f{"f", 1, true, {4.0, 2.0, std::nullopt}};
    std::vector<std::string> named;
    auto mean = factor_pressure(f, areas, &named);
    CHECK(mean == std::vector<double>{1.0, 0.0, 0.5});
    CHECK(named == std::vector<std::string>{"C"});
    f.missing_is_zero = true;   // C counts as a figure of 0: the least pressure, and B's is no longer 0
    named.clear();
    auto zero = factor_pressure(f, areas, &named);
    CHECK(zero == std::vector<double>{1.0, 0.5, 0.0});
    CHECK(named == std::vector<std::string>{"C"});
    f.higher_is_pressure = false;   // where less means more pressure, a 0 is the most
    CHECK(factor_pressure(f, areas) == std::vector<double>{0.0, 0.5, 1.0});
}

TEST_CASE("mistakes in value layer files name the file and the key") {
    const std::string good = R"({"id": "v", "title": "V", "kind": "value", "period": "2025", "attribution": "A",
        "value": {"file": "stats/a.csv", "column": "v", "unit": "ratio"}})";
    CHECK(parse_layer_spec(good, "layers/v.json").rate_column == "v");
    struct Case { std::string from, to, key; };
    const Case cases[] = {
        {"\"unit\": \"ratio\"", "\"units\": \"ratio\"", "value.units"},
        {", \"unit\": \"ratio\"", "", "value.unit"},
        {"\"column\": \"v\", ", "", "value.column"},
        {"\"unit\": \"ratio\"", "\"unit\": \"ratio\", \"decimals\": 7", "value.decimals"},
        {"\"kind\": \"value\",", "\"kind\": \"value\", \"count\": {\"file\": \"stats/a.csv\"},", "count"},
        {"\"kind\": \"value\",", "\"kind\": \"value\", \"pressure\": \"higher\", \"pressure_if_missing\": \"nobody\",", "pressure_if_missing"},
        {"\"kind\": \"value\",", "\"kind\": \"value\", \"pressure_if_missing\": \"zero\",", "pressure_if_missing"},
        {"\"kind\": \"value\",", "\"kind\": \"value\", \"weight\": {\"column\": \"w\"},", "weight.value"},
        {"\"kind\": \"value\"", "\"kind\": \"rate\"", "value"},
        {"\"kind\": \"value\"", "\"kind\": \"points\"", "value"},
        {"\"kind\": \"value\",", "\"kind\": \"value\", \"pressure\": \"lower\", \"pressure_if_missing\": \"zero\",", "pressure_if_missing"},
        {"\"unit\": \"ratio\"", "\"unit\": \"ratio\", \"decimals\": 1e10", "value.decimals"},
    };
    for (const auto& c : cases) {
        std::string text = good;
        auto pos = text.find(c.from);
        REQUIRE(pos != std::string::npos);
        text.replace(pos, c.from.size(), c.to);
        CAPTURE(text);
        try {
            parse_layer_spec(text, "layers/v.json");
            FAIL("accepted a bad layer file");
        } catch (const DataError& e) {
            std::string m = e.what();
            CHECK(m.find("layers/v.json") != std::string::npos);
            CHECK(m.find("'" + c.key + "'") != std::string::npos);
        }
    }
}

TEST_CASE("all three pathways: each district's count is its supported asylum, Homes for Ukraine and Afghan figures added, worked from the CSVs") {
    Env env;
    struct Period { const char* period; const char* asylum_file; };
    for (const Period& p : {Period{"2025-12-31", "stats/asylum_supported_total_reg02_2025q4.csv"},
                            Period{"2026-06-30", "stats/asylum_supported_total_reg02_2026q2.csv"}}) {
        CAPTURE(std::string(p.period));
        auto asylum = test::series_at(p.asylum_file, p.period);
        auto ukraine = test::series_at("stats/homes_for_ukraine_reg02_2025q4_2026q2.csv", p.period);
        auto afghan = test::series_at("stats/afghan_resettlement_reg02_2025q4_2026q2.csv", p.period);
        auto pop = test::population(false);
        EvaluateOptions opt;
        opt.within = "E12000008";
        opt.period = p.period;
        LayerResult r = evaluate_layer(env.atlas, env.layer("all_three_pathways"), opt);
        REQUIRE(r.measures.size() == 64);
        int with = 0;
        for (const auto& m : r.measures) {
            CAPTURE(m.code);
            bool all = asylum.count(m.code) && ukraine.count(m.code) && afghan.count(m.code);
            REQUIRE(static_cast<bool>(m.count) == all);   // a pathway withheld: no total, never a part
            if (!all) continue;
            ++with;
            CHECK(*m.count == asylum[m.code] + ukraine[m.code] + afghan[m.code]);
            CHECK(*m.rate == doctest::Approx(*m.count / pop[m.code] * 10000).epsilon(1e-12));
        }
        CHECK(with >= 60);
    }
    // a layer whose pathways do not all have a period is refused, naming the pathway
    std::string text = R"({"id": "p", "title": "P", "kind": "rate", "period": "x", "attribution": "A",
        "count": [{"file": "stats/homes_for_ukraine_reg02_2025q4_2026q2.csv", "period": "period", "pathway": "a"},
                  {"file": "stats/asylum_supported_total_reg02_2026q2.csv", "period": "period", "pathway": "b"}]})";
    LayerSpec partial = parse_layer_spec(text, "layers/p.json");
    CHECK_THROWS_WITH_AS(evaluate_layer(env.atlas, partial, EvaluateOptions{}), doctest::Contains("has no figures for the pathway 'b'"), DataError);
    CHECK_THROWS_WITH_AS(parse_layer_spec(R"({"id": "p", "title": "P", "kind": "rate", "period": "x", "attribution": "A",
        "count": [{"file": "stats/a.csv", "period": "period", "pathway": "a"}, {"file": "stats/b.csv", "period": "period"}]})", "layers/p.json"),
        doctest::Contains("every count file names its pathway"), DataError);
}

TEST_CASE("value layers on the command line: every period's value in an export, what changed, a weight's decimals") {
    const std::string d = test::data_dir();
    test::ScratchDir dir;
    auto ex = test::run_sespm({"export", "--layer", "housing_affordability", "--within", "E12000008", "--all-periods", "-o", dir.file("a.geojson"),
                               "--data", d});
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    std::string geo = test::read_file(dir.file("a.geojson"));
    CHECK(geo.find("\"\":") == std::string::npos);                        // no column without a name
    CHECK(geo.find("\"affordability_ratio\":10.0") != std::string::npos);  // Hart's 2025 ratio, among the periods
    auto ch = test::run_sespm({"changes", "--layer", "claimant_count", "--data", d});
    REQUIRE_MESSAGE(ch.exit_code == 0, ch.err);
    CHECK(test::lines(ch.out).size() > 3);                                   // rises and falls of the percentage
    auto ta = test::run_sespm({"table", "--layer", "temporary_accommodation", "--within", "E12000008", "--data", d});
    REQUIRE_MESSAGE(ta.exit_code == 0, ta.err);
    CHECK(ta.out.find("E06000044,Portsmouth,88.567,6.76") != std::string::npos);  // households in thousands, as published
}
