// test_fair_share.cpp: the fair-share rule (rules/fair_share.h) on the real South East figures
// and on hand-worked tables: all weights 0 is exactly the population rule, raising one area's
// pressure never raises its allocation, totals are exact, nobody goes over their limit, the
// floor, the total as stock, and the partnership's 2022 plan (7,200 by population).
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <sstream>

#include "core/error.h"
#include "helpers.h"
#include "map/evaluate.h"
#include "map/fair_share_factors.h"
#include "map/map_view.h"
#include "rules/fair_share.h"

using namespace sespm;

namespace {

// A pressure factor made here from the inputs themselves: places held per 10,000 residents.
Factor held_per_10k(const std::vector<AllocationInput>& in, double weight) {
    Factor f{"held_per_10k", weight, true, {}};
    for (const auto& a : in) f.values.push_back(a.current / a.population * 10000);
    return f;
}

long long sum(const std::vector<long long>& v) {
    long long s = 0;
    for (long long x : v) s += x;
    return s;
}

} // namespace

TEST_CASE("fair share: all weights 0 is exactly the population rule, whatever the factors") {
    auto se = test::south_east_allocation_inputs();
    Factor f = held_per_10k(se, 0);
    Factor g{"another", 0, false, std::vector<std::optional<double>>(se.size(), 3.0)};
    for (long long n : {0LL, 1LL, 99LL, 1000LL, 7200LL, 50000LL}) {
        CAPTURE(n);
        FairShare fs = allocate_fair_share(se, n, {f, g});
        AllocationResult pop = allocate(se, n, AllocationRule::Population);
        CHECK(fs.result.allocated == pop.allocated);
        CHECK(fs.result.shortfall == pop.shortfall);
    }
}

TEST_CASE("fair share: exact totals, nobody over their limit, and more pressure means fewer places") {
    auto se = test::south_east_allocation_inputs();
    long long room = 0;
    for (const auto& a : se) room += headroom_places(a);
    for (double weight : {0.5, 1.0, 3.0}) {
        for (long long n : {500LL, 3000LL, room + 10}) {
            CAPTURE(weight);
            CAPTURE(n);
            FairShare fs = allocate_fair_share(se, n, {held_per_10k(se, weight)});
            CHECK(fs.result.total_allocated == std::min(n, room));
            CHECK(sum(fs.result.allocated) == fs.result.total_allocated);
            CHECK(fs.result.shortfall == n - std::min(n, room));
            for (size_t i = 0; i < se.size(); ++i) CHECK(fs.result.allocated[i] <= headroom_places(se[i]));
        }
    }
    // monotone: one area's value raised (by a tenth, doubled, to the top), all else equal
    std::mt19937 rng(7);
    for (int trial = 0; trial < 60; ++trial) {
        size_t i = rng() % se.size();
        long long n = 200 + static_cast<long long>(rng() % 4000);
        Factor f = held_per_10k(se, 0.3 + (rng() % 30) / 10.0);
        long long before = allocate_fair_share(se, n, {f}).result.allocated[i];
        double max_v = 0;
        for (const auto& v : f.values) max_v = std::max(max_v, *v);
        for (double raised : {*f.values[i] * 1.1 + 0.01, *f.values[i] * 2 + 0.5, max_v + 1}) {
            Factor g = f;
            g.values[i] = raised;
            CAPTURE(se[i].code);
            CAPTURE(n);
            CHECK(allocate_fair_share(se, n, {g}).result.allocated[i] <= before);
        }
    }
}

TEST_CASE("fair share: more pressure never means more places, rounding included (random areas, two factors, both meanings)") {
    // the case largest remainder got wrong: A at the top of the range, raised, gained a place (0 -> 1)
    std::vector<AllocationInput> abc = {{"A", 2000, 0, 1000}, {"B", 8000, 0, 1000}, {"C", 7000, 0, 1000}};
    long long a_before = allocate_fair_share(abc, 7, {Factor{"f", 1, true, {3.0, 3.0, 0.0}}}).result.allocated[0];
    long long a_after = allocate_fair_share(abc, 7, {Factor{"f", 1, true, {4.0, 3.0, 0.0}}}).result.allocated[0];
    CHECK(a_after <= a_before);
    std::mt19937 rng(11);
    int rises = 0, checks = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        size_t n = 3 + rng() % 6;
        std::vector<AllocationInput> d;
        Factor f{"f", 0.2 + (rng() % 40) / 10.0, true, {}}, g{"g", (rng() % 20) / 10.0, false, {}};
        for (size_t i = 0; i < n; ++i) {
            double pop = 1000 + static_cast<double>(rng() % 20000);
            d.push_back({std::string(1, static_cast<char>('A' + i)), pop, static_cast<double>(rng() % 20), pop / (50 + rng() % 200)});
            f.values.push_back(static_cast<double>(rng() % 5));
            g.values.push_back(static_cast<double>(rng() % 7));
        }
        TotalMeaning meaning = trial % 2 ? TotalMeaning::Stock : TotalMeaning::Extra;
        long long total = 1 + static_cast<long long>(rng() % 60);
        size_t i = rng() % n;
        auto places = [&](const Factor& ff) {
            FairShare fs = allocate_fair_share(d, total, {ff, g}, meaning);
            return meaning == TotalMeaning::Stock ? fs.targets[i] : fs.result.allocated[i];
        };
        Factor raised = f;
        raised.values[i] = *f.values[i] + 1 + static_cast<double>(rng() % 3);   // often above the top of the range
        ++checks;
        if (places(raised) > places(f)) ++rises;
    }
    CHECK(checks == 3000);
    CHECK(rises == 0);
}

TEST_CASE("fair share: hand-worked tables") {
    // three areas of 100k, 200k, 300k residents, limits 500, 1000, 1500, nothing held
    std::vector<AllocationInput> d = {{"A", 100000, 0, 500}, {"B", 200000, 0, 1000}, {"C", 300000, 0, 1500}};
    // pressure 0, 0.5, 1 (values 1, 2, 3), weight ln 2: weights 100k, 200k/sqrt(2), 300k/2
    Factor f{"f", std::log(2.0), true, {1.0, 2.0, 3.0}};
    auto p = factor_pressure(f, d);
    CHECK(p == std::vector<double>{0, 0.5, 1});
    auto w = fair_share_weights(d, {f});
    CHECK(w[0] == doctest::Approx(100000));
    CHECK(w[1] == doctest::Approx(200000 / std::sqrt(2.0)));
    CHECK(w[2] == doctest::Approx(150000));
    // 600 places: 600 * w / sum(w) = 152.4, 215.5, 228.6 (sum of w 393,553) -> 152, 216, 229... by largest remainder
    FairShare fs = allocate_fair_share(d, 600, {f});
    double sw = w[0] + w[1] + w[2];
    for (size_t i = 0; i < 3; ++i) CHECK(std::abs(static_cast<double>(fs.result.allocated[i]) - 600 * w[i] / sw) < 1);
    CHECK(sum(fs.result.allocated) == 600);
    // lower is pressure: the order turns round
    Factor lower = f;
    lower.higher_is_pressure = false;
    CHECK(factor_pressure(lower, d) == std::vector<double>{1, 0.5, 0});
    // an area without a figure takes the mean pressure of the others, and is named
    Factor gap{"gap", 1, true, {1.0, std::nullopt, 3.0}};
    std::vector<std::string> imputed;
    CHECK(factor_pressure(gap, d, &imputed) == std::vector<double>{0, 0.5, 1});
    CHECK(imputed == std::vector<std::string>{"B"});
    // the cap: A has room for 10; what it would have had goes to the others by the same weights
    std::vector<AllocationInput> capped = {{"A", 100000, 490, 500}, {"B", 100000, 0, 500}, {"C", 100000, 0, 500}};
    FairShare c = allocate_fair_share(capped, 300, {Factor{"f", 1, true, {0.0, 1.0, 0.0}}});
    CHECK(c.result.allocated[0] == 10);
    CHECK(c.result.allocated[0] + c.result.allocated[1] + c.result.allocated[2] == 300);
    CHECK(c.result.allocated[1] < c.result.allocated[2]);   // B is under more pressure than C
    // the floor: everyone at least 40 (or their room), the rest by weight
    FairShare fl = allocate_fair_share(capped, 300, {Factor{"f", 5, true, {0.0, 1.0, 0.0}}}, TotalMeaning::Extra, 40);
    CHECK(fl.result.allocated[0] == 10);
    CHECK(fl.result.allocated[1] >= 40);
    CHECK(sum(fl.result.allocated) == 300);
    CHECK_THROWS_AS(allocate_fair_share(capped, 300, {}, TotalMeaning::Stock, 40), std::invalid_argument);
    CHECK_THROWS_AS(allocate_fair_share(capped, 300, {Factor{"f", -1, true, {0.0, 1.0, 0.0}}}), std::invalid_argument);
}

TEST_CASE("fair share: a total to hold in all (stock): targets, what each still needs, the surplus") {
    // targets by population 50, 100, 150; A holds 80 (30 over its target), C holds 100
    std::vector<AllocationInput> d = {{"A", 100000, 80, 500}, {"B", 200000, 0, 1000}, {"C", 300000, 100, 1500}};
    FairShare fs = allocate_fair_share(d, 300, {}, TotalMeaning::Stock);
    CHECK(fs.targets == std::vector<long long>{50, 100, 150});
    CHECK(fs.result.allocated == std::vector<long long>{0, 100, 50});
    CHECK(fs.surplus == 30);
    CHECK(fs.result.shortfall == 0);
    // a target never above the limit: A's limit is 20, so what it would hold goes to B and C
    std::vector<AllocationInput> small = {{"A", 100000, 0, 20}, {"B", 100000, 0, 500}, {"C", 100000, 0, 500}};
    FairShare s = allocate_fair_share(small, 300, {}, TotalMeaning::Stock);
    CHECK(s.targets == std::vector<long long>{20, 140, 140});
    // more than every limit together: the shortfall says by how much
    FairShare over = allocate_fair_share(small, 1100, {}, TotalMeaning::Stock);
    CHECK(over.targets == std::vector<long long>{20, 500, 500});
    CHECK(over.result.shortfall == 80);
}

TEST_CASE("fair share: the partnership's 2022 plan, 7,200 over the South East by population, as stock") {
    auto se = test::south_east_allocation_inputs();
    FairShare fs = allocate_fair_share(se, 7200, {}, TotalMeaning::Stock);
    CHECK(sum(fs.targets) == 7200);
    auto target_of = [&](const std::string& code) {
        for (size_t i = 0; i < se.size(); ++i) if (se[i].code == code) return fs.targets[i];
        FAIL("no such district " << code);
        return 0LL;
    };
    long long mole_valley = target_of("E07000210"), chichester = target_of("E07000225");
    MESSAGE("Mole Valley " << mole_valley << " (plan 68), Chichester " << chichester << " (plan 97)");
    CHECK(std::llabs(mole_valley - 68) <= 3);
    CHECK(std::llabs(chichester - 97) <= 3);
    CHECK(mole_valley == 66);   // 7200 * 88,709 / 9,642,942 = 66.2 (a Python sum over population_mid2024.csv)
    CHECK(chichester == 96);    // 7200 * 128,934 / 9,642,942 = 96.3
}

TEST_CASE("scenario allocate --rule factors on the command line: weights 0, pressure, stock, the model kept, refusals") {
    const std::string d = test::data_dir();
    auto run = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"scenario", "allocate", "--within", "E12000008", "--data", d};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_sespm(args);
    };
    auto pop = run({"--total", "1000", "--rule", "population"});
    REQUIRE_MESSAGE(pop.exit_code == 0, pop.err);
    auto zero = run({"--total", "1000", "--rule", "factors", "--factor", "dispersal=0", "--factor", "homes_for_ukraine=0"});
    REQUIRE_MESSAGE(zero.exit_code == 0, zero.err);
    CHECK(zero.out == pop.out);   // all weights 0: exactly --rule population
    CHECK(zero.err.find("factor homes_for_ukraine (weight 0)") != std::string::npos);
    // the district most in dispersal per resident, from the CSV rows printed (per_10k before the places)
    auto rows = [](const std::string& out) {
        std::map<std::string, std::vector<std::string>> m;
        for (const auto& l : test::lines(out)) {
            std::vector<std::string> c;
            std::string cell;
            std::istringstream in(l);
            while (std::getline(in, cell, ',')) c.push_back(cell);
            m[c[0]] = c;
        }
        return m;
    };
    auto base = rows(pop.out);
    std::string top;
    double top_rate = -1;
    for (const auto& [code, c] : base) {
        if (code == "code" || c[3].empty()) continue;
        double rate = std::stod(c[3]) / std::stod(c[2]);
        if (rate > top_rate) { top_rate = rate; top = code; }
    }
    auto pressed = run({"--total", "1000", "--rule", "factors", "--factor", "dispersal=3"});
    REQUIRE_MESSAGE(pressed.exit_code == 0, pressed.err);
    auto after = rows(pressed.out);
    CAPTURE(top);
    CHECK(std::stol(after[top][4]) < std::stol(base[top][4]));   // allocated: fewer for the most pressed
    long total = 0;
    for (const auto& [code, c] : after) if (code != "code") total += std::stol(c[4]);
    CHECK(total == 1000);
    // stock: targets and what each still needs (Chichester holds 44 of its 96)
    auto stock = run({"--total", "7200", "--rule", "population", "--as", "stock"});
    REQUIRE_MESSAGE(stock.exit_code == 0, stock.err);
    auto st = rows(stock.out);
    CHECK(st["code"][4] == "target");
    CHECK(st["E07000225"][4] == "96");
    CHECK(st["E07000225"][5] == std::to_string(96 - std::stol(st["E07000225"][3])));
    CHECK(stock.err.find("targets add up to 7200 of 7200") != std::string::npos);
    // the model is kept in the scenario's notes, as the independent sqlite3 shell reads them
    test::ScratchDir dir;
    auto saved = run({"--total", "500", "--rule", "factors", "--factor", "asylum_supported=1.5", "--floor", "2",
                      "--project", dir.file("p.sespm"), "--save", "Fair"});
    REQUIRE_MESSAGE(saved.exit_code == 0, saved.err);
    auto notes = test::run_shell("sqlite3 '" + dir.file("p.sespm") + "' \"SELECT notes FROM scenarios WHERE name = 'Fair'\"");
    REQUIRE(notes.exit_code == 0);
    CHECK(notes.out.find("Allocated 500 places by factors over E12000008") != std::string::npos);
    CHECK(notes.out.find("Fair-share model: asylum_supported=1.5; places to add; at least 2 each") != std::string::npos);
    for (const auto& [code, c] : rows(saved.out))
        if (code != "code" && std::stol(c[7]) - std::stol(c[3].empty() ? "0" : c[3]) >= 2) CHECK(std::stol(c[4]) >= 2);
    // refusals name what is wrong and change nothing
    struct Bad { std::vector<std::string> args; const char* says; };
    for (const Bad& b : {Bad{{"--total", "10", "--rule", "factors", "--factor", "eu_born=1"}, "does not say which way its pressure runs"},
                         Bad{{"--total", "10", "--rule", "factors"}, "needs at least one --factor"},
                         Bad{{"--total", "10", "--rule", "factors", "--factor", "dispersal=-1"}, "is not a number, 0 or more"},
                         Bad{{"--total", "10", "--rule", "factors", "--factor", "nosuch=1"}, "--factor nosuch: no such layer"},
                         Bad{{"--total", "10", "--rule", "factors", "--factor", "uasc=1"}, "published by county only"},
                         Bad{{"--total", "10", "--rule", "equalise", "--as", "stock"}, "go with the factors or population rule"},
                         Bad{{"--total", "10", "--rule", "population", "--factor", "dispersal=1"}, "factors go with the factors rule"},
                         Bad{{"--total", "100", "--rule", "population", "--floor", "5"}, "more than the total of 100"},
                         Bad{{"--total", "10", "--rule", "population", "--as", "stock", "--floor", "1"}, "a floor goes with places to add"},
                         Bad{{"--total", "10", "--rule", "population", "--as", "all"}, "use extra"}}) {
        auto r = run(b.args);
        CAPTURE(b.says);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find(b.says) != std::string::npos, r.err);
        CHECK(r.out.empty());
    }
}

TEST_CASE("fair share explained: population share, each factor's push, the cap, floor and rounding add up to each number") {
    auto se = test::south_east_allocation_inputs();
    Factor held = held_per_10k(se, 1.2);
    Factor pop_density{"made_up", 0.7, false, {}};
    for (size_t i = 0; i < se.size(); ++i) pop_density.values.push_back(static_cast<double>((i * 37) % 11));
    for (TotalMeaning meaning : {TotalMeaning::Extra, TotalMeaning::Stock}) {
        for (long long n : {300LL, 7200LL}) {
            CAPTURE(n);
            ShareExplanation e = explain_fair_share(se, n, {held, pop_density}, meaning);
            ShareExplanation swapped = explain_fair_share(se, n, {pop_density, held}, meaning);
            FairShare fs = allocate_fair_share(se, n, {held, pop_density}, meaning);
            REQUIRE(e.rows.size() == se.size());
            for (size_t i = 0; i < se.size(); ++i) {
                const auto& r = e.rows[i];
                double sum = r.population + r.pushes[0] + r.pushes[1] + r.cap + r.floor_and_rounding;
                CHECK(sum == doctest::Approx(static_cast<double>(r.result)).epsilon(1e-9));
                CHECK(r.result == (meaning == TotalMeaning::Stock ? fs.targets[i] : fs.result.allocated[i]));
                CHECK(std::abs(r.floor_and_rounding) < 1.0 + 1e-9);   // rounding moves a share by less than a place
                // the pushes do not depend on the order the factors are given in
                CHECK(r.pushes[0] == doctest::Approx(swapped.rows[i].pushes[1]));
                CHECK(r.pushes[1] == doctest::Approx(swapped.rows[i].pushes[0]));
            }
        }
    }
    // one factor: its push is the whole move from the population share; all weights 0: no push
    std::vector<AllocationInput> d = {{"A", 100000, 0, 500}, {"B", 100000, 0, 500}};
    ShareExplanation one = explain_fair_share(d, 100, {Factor{"f", std::log(3.0), true, {0.0, 1.0}}});
    CHECK(one.rows[0].population == doctest::Approx(50));
    CHECK(one.rows[0].pushes[0] == doctest::Approx(25));    // weights 1 and 1/3: 75 and 25
    CHECK(one.rows[1].pushes[0] == doctest::Approx(-25));
    CHECK(one.rows[0].result == 75);
    ShareExplanation none = explain_fair_share(d, 100, {Factor{"f", 0, true, {0.0, 1.0}}});
    CHECK(none.rows[1].pushes[0] == 0);
}

TEST_CASE("scenario explain: each district's row adds up to its places, which are the scenario's; other scenarios refused") {
    const std::string d = test::data_dir();
    test::ScratchDir dir;
    const std::string p = dir.file("p.sespm");
    auto saved = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", d, "--total", "1000", "--rule", "factors",
                                  "--factor", "dispersal=1", "--factor", "homes_for_ukraine=0.5", "--project", p, "--save", "F"});
    REQUIRE_MESSAGE(saved.exit_code == 0, saved.err);
    auto e = test::run_sespm({"scenario", "explain", "--project", p, "--name", "F", "--data", d});
    REQUIRE_MESSAGE(e.exit_code == 0, e.err);
    auto ls = test::lines(e.out);
    REQUIRE(ls.size() == 65);
    CHECK(ls[0] == "code,name,pressure_index,population_share,push_dispersal,push_homes_for_ukraine,cap,floor_and_rounding,allocated,in_scenario");
    long total = 0;
    for (size_t i = 1; i < ls.size(); ++i) {
        std::vector<std::string> c;
        std::string cell;
        std::istringstream in(ls[i]);
        while (std::getline(in, cell, ',')) c.push_back(cell);
        REQUIRE(c.size() == 10);
        CAPTURE(ls[i]);
        double index = std::stod(c[2]);
        CHECK(index >= 0);
        CHECK(index <= 1.5 + 0.005);                      // at most the sum of the weights
        double sum = 0;
        for (size_t k = 3; k <= 7; ++k) sum += std::stod(c[k]);
        CHECK(std::abs(sum - std::stod(c[8])) < 0.26);   // five figures shown to one decimal
        CHECK(c[8] == c[9]);                              // today's figures are those it was made with
        total += std::stol(c[8]);
    }
    CHECK(total == 1000);
    CHECK(e.err.find("model: dispersal=1, homes_for_ukraine=0.5; places to add") != std::string::npos);
    // sensitivity: each weight 30% down and up; every range holds the model's own number, and moves somewhere
    auto sv = test::run_sespm({"scenario", "sensitivity", "--project", p, "--name", "F", "--vary", "30", "--data", d});
    REQUIRE_MESSAGE(sv.exit_code == 0, sv.err);
    auto sl = test::lines(sv.out);
    REQUIRE(sl.size() == 65);
    CHECK(sl[0] == "code,name,allocated,lowest,highest");
    bool moved = false;
    for (size_t i = 1; i < sl.size(); ++i) {
        std::vector<std::string> c;
        std::string cell;
        std::istringstream in(sl[i]);
        while (std::getline(in, cell, ',')) c.push_back(cell);
        CAPTURE(sl[i]);
        CHECK(std::stol(c[3]) <= std::stol(c[2]));
        CHECK(std::stol(c[2]) <= std::stol(c[4]));
        moved |= c[3] != c[4];
    }
    CHECK(moved);
    CHECK(sv.err.find("5 runs") != std::string::npos);   // the model's own and two per factor
    CHECK(test::run_sespm({"scenario", "sensitivity", "--project", p, "--name", "F", "--vary", "0", "--data", d}).exit_code == 2);
    auto plain = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", d, "--total", "100", "--rule", "equalise",
                                  "--project", p, "--save", "E"});
    REQUIRE(plain.exit_code == 0);
    auto refused = test::run_sespm({"scenario", "explain", "--project", p, "--name", "E", "--data", d});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("not allocated by the fair-share rule") != std::string::npos);
}

TEST_CASE("scenario allocate --model SCENARIO reuses a saved model; value layers are factors too") {
    const std::string d = test::data_dir();
    test::ScratchDir dir;
    const std::string p = dir.file("p.sespm");
    auto run = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"scenario", "allocate", "--within", "E12000008", "--data", d, "--project", p};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_sespm(args);
    };
    // a model of housing pressures (value layers) and dispersal, as stock
    auto made = run({"--total", "7200", "--rule", "factors", "--factor", "housing_affordability=1", "--factor", "temporary_accommodation=0.5",
                     "--factor", "deprivation=0.5", "--factor", "dispersal=1", "--as", "stock", "--save", "Housing"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.err.find("factor deprivation (weight 0.5): Deprivation (IMD 2025 rank), English Indices of Deprivation 2025; ") != std::string::npos);
    CHECK(made.err.find("a higher value means less pressure") != std::string::npos);
    CHECK(made.err.find("no figure for 2 (they take the others' mean pressure): E06000043 E07000114") != std::string::npos);  // no TA return
    CHECK(made.err.find("no figure for 16 (counted as 0") != std::string::npos);   // dispersal: no zero rows
    // the same model by name gives the same places, and is kept again with the new scenario
    auto again = run({"--total", "7200", "--model", "Housing", "--save", "Housing again"});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out == made.out);
    auto notes = test::run_shell("sqlite3 '" + p + "' \"SELECT notes FROM scenarios WHERE name = 'Housing again'\"");
    CHECK(notes.out.find("Fair-share model: housing_affordability=1, temporary_accommodation=0.5, deprivation=0.5, dispersal=1; "
                         "the total to hold in all (stock)") != std::string::npos);
    // --as given beside it replaces the model's own
    auto extra = run({"--total", "100", "--model", "Housing", "--as", "extra"});
    REQUIRE_MESSAGE(extra.exit_code == 0, extra.err);
    CHECK(extra.err.find("allocated 100 of 100 places by factors") != std::string::npos);
    // refusals: a scenario without a model, --factor beside it, another rule, no project
    auto plain = run({"--total", "100", "--rule", "population", "--save", "Pop"});
    REQUIRE(plain.exit_code == 0);
    struct Bad { std::vector<std::string> args; const char* says; };
    for (const Bad& b : {Bad{{"--total", "10", "--model", "Pop"}, "not allocated by the fair-share rule"},
                         Bad{{"--total", "10", "--model", "Nosuch"}, "Nosuch"},
                         Bad{{"--total", "10", "--model", "Housing", "--factor", "dispersal=1"}, "not both"},
                         Bad{{"--total", "10", "--model", "Housing", "--rule", "population"}, "used by --rule factors"}}) {
        auto r = run(b.args);
        CAPTURE(b.says);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find(b.says) != std::string::npos, r.err);
        CHECK(r.out.empty());
    }
    auto no_project = test::run_sespm({"scenario", "allocate", "--data", d, "--total", "10", "--model", "Housing"});
    CHECK(no_project.exit_code == 2);
    CHECK(no_project.err.find("--project") != std::string::npos);
    // its pressure map, drawn from the command line as the window shows it; a model is needed
    auto drawn = test::run_sespm({"render", "--data", d, "--project", p, "--pressure", "Housing", "-o", dir.file("pressure.png")});
    CHECK_MESSAGE(drawn.exit_code == 0, drawn.err);
    CHECK(test::file_exists(dir.file("pressure.png")));
    auto no_model = test::run_sespm({"render", "--data", d, "--project", p, "--pressure", "Pop", "-o", dir.file("pop.png")});
    CHECK(no_model.exit_code == 2);
    CHECK(no_model.err.find("not allocated by the fair-share rule") != std::string::npos);
    CHECK(!test::file_exists(dir.file("pop.png")));
    for (const auto& extra : {std::vector<std::string>{"--layer", "uasc"}, std::vector<std::string>{"--within", "E10000030"},
                              std::vector<std::string>{"--period", "2024-06-30"}}) {
        std::vector<std::string> args{"render", "--data", d, "--project", p, "--pressure", "Housing", "-o", dir.file("x.png")};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = test::run_sespm(args);
        CAPTURE(extra[0]);
        CHECK(r.exit_code == 2);
        CHECK(!test::file_exists(dir.file("x.png")));
    }
}

TEST_CASE("the pressure map: each district's index is its weight times its scaled figure, worked from the CSV") {
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    auto layers = read_layer_dir(test::layers_dir());
    MapRequest req;
    req.within = "E12000008";
    req.for_drawing = false;
    req.pressure = {{"housing_affordability", 2}};
    MapView v = build_map_view(atlas, layers, req);
    CHECK(v.kind == MapKind::Pressure);
    REQUIRE(v.result.rows.size() == 64);
    CHECK(v.result.columns == std::vector<std::string>{"code", "name", "pressure_index", "pressure_housing_affordability"});
    // independently: the 2025 ratios of the 64 districts, scaled min 0 to max 1, times the weight
    std::map<std::string, double> ratio;
    for (auto& r : test::rows_of("stats/ons_housing_affordability_ratio_2002_2025.csv"))
        if (r["period"] == "2025-04-01" && !r["value"].empty()) ratio[r["code"]] = std::stod(r["value"]);
    double lo = 1e9, hi = -1e9;
    for (const auto& row : v.result.rows) {
        REQUIRE(ratio.count(row[0].text));
        lo = std::min(lo, ratio[row[0].text]);
        hi = std::max(hi, ratio[row[0].text]);
    }
    for (size_t i = 0; i < v.result.rows.size(); ++i) {
        const auto& row = v.result.rows[i];
        CAPTURE(row[0].text);
        double expected = 2 * (ratio[row[0].text] - lo) / (hi - lo);
        CHECK(*row[2].num == doctest::Approx(expected).epsilon(1e-9));
        CHECK(*row[3].num == doctest::Approx(expected / 2).epsilon(1e-9));
        CHECK(*v.result.class_values[i] == doctest::Approx(expected).epsilon(0.005));
    }
    CHECK(v.legend_title == "Pressure index (0 = least pressure)");
    CHECK(v.attribution.find("Explore local statistics") != std::string::npos);
    // a model's pressure over counties is refused, as is a scenario beside it
    req.geography = Geography::County;
    CHECK_THROWS_AS(build_map_view(atlas, layers, req), SettingError);
}

TEST_CASE("--cap-ratio: a stricter cap than the cluster limit holds every target under it, and is kept with the model") {
    const std::string d = test::data_dir();
    test::ScratchDir dir;
    const std::string p = dir.file("p.sespm");
    auto run = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"scenario", "allocate", "--within", "E12000008", "--data", d};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_sespm(args);
    };
    auto capped = run({"--total", "7200", "--rule", "factors", "--factor", "housing_affordability=1", "--as", "stock", "--cap-ratio", "1500",
                       "--project", p, "--save", "Capped"});
    REQUIRE_MESSAGE(capped.exit_code == 0, capped.err);
    auto pop = test::population(false);
    auto ls = test::lines(capped.out);
    auto head = test::split_csv_simple(ls.at(0));
    size_t tc = std::find(head.begin(), head.end(), "target") - head.begin();
    REQUIRE(tc < head.size());
    long total = 0;
    bool someone_at_cap = false;
    for (size_t i = 1; i < ls.size(); ++i) {
        auto c = test::split_csv_simple(ls[i]);
        CAPTURE(ls[i]);
        long target = std::stol(c[tc]), cap = static_cast<long>(std::floor(pop[c[0]] / 1500));
        CHECK(target <= cap);                // 1 per 1,500 residents, worked from population_mid2024.csv
        someone_at_cap |= target == cap;
        total += target;
    }
    CHECK(someone_at_cap);                   // the cap bites: without it some targets are higher
    CHECK(total <= 7200);
    auto notes = test::run_shell("sqlite3 '" + p + "' \"SELECT notes FROM scenarios WHERE name = 'Capped'\"");
    CHECK(notes.out.find("Fair-share model: housing_affordability=1; the total to hold in all (stock); capped at 1 per 1500 residents") !=
          std::string::npos);
    // explain runs the same model again, cap included: its targets are the scenario's
    auto e = test::run_sespm({"scenario", "explain", "--project", p, "--name", "Capped", "--data", d});
    REQUIRE_MESSAGE(e.exit_code == 0, e.err);
    CHECK(e.err.find("capped at 1 per 1500 residents") != std::string::npos);
    // refusals: another rule, under 1 resident per place
    for (const auto& bad : {std::vector<std::string>{"--total", "10", "--rule", "population", "--cap-ratio", "300"},
                            std::vector<std::string>{"--total", "10", "--rule", "factors", "--factor", "dispersal=1", "--cap-ratio", "0.5"},
                            std::vector<std::string>{"--total", "10", "--rule", "factors", "--factor", "dispersal=1", "--cap-ratio", "150"}}) {
        auto r = run(bad);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("cap-ratio") != std::string::npos);
    }
}

TEST_CASE("a model's text in the notes reads back as the same model; other texts are not models") {
    std::vector<FairShareModel> models{
        {{{"dispersal", 1}}, TotalMeaning::Extra, 0, 0},
        {{{"dispersal", 0.1}, {"deprivation", 2.5}}, TotalMeaning::Stock, 0, 250},
        {{{"housing_affordability", 1.0 / 3}}, TotalMeaning::Extra, 4, 0},
        {{{"uasc", 3}}, TotalMeaning::Extra, 2, 187.5},
        {{}, TotalMeaning::Stock, 0, 0},
    };
    for (const auto& m : models) {
        std::string text = model_text(m);
        CAPTURE(text);
        auto back = parse_model_text(text);
        REQUIRE(back);
        REQUIRE(back->factors.size() == m.factors.size());
        for (size_t k = 0; k < m.factors.size(); ++k) {
            CHECK(back->factors[k].layer == m.factors[k].layer);
            CHECK(back->factors[k].weight == m.factors[k].weight);   // exactly: the shortest text that reads back
        }
        CHECK(back->meaning == m.meaning);
        CHECK(back->floor == m.floor);
        CHECK(back->cap_ratio == m.cap_ratio);
    }
    for (const char* bad : {"", "dispersal=1", "dispersal=1; places", "dispersal=x; places to add", "dispersal=1; places to add; capped at 1 per 0 residents",
                            "dispersal=1; places to add; at least 2 each; capped at 1 per 200 residents; more"})
        CHECK_MESSAGE(!parse_model_text(bad), bad);
}
