// test_allocation.cpp: allocation invariants on the real South East figures (whole places summing
// exactly to N, nobody over their limit while room remains, the exact shortfall), "equalise"
// against an independent computation of the smallest possible highest rate, and the proportional
// rules against hand-worked tables.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "rules/allocation.h"
#include "helpers.h"
#include "map/evaluate.h"

using namespace sespm;

namespace {

// The smallest threshold T such that every place fits with no district's rate above T (districts
// already above T before allocation just take nothing). Bisection on T, independent of allocate().
double optimal_max_rate(const std::vector<AllocationInput>& d, long long n) {
    auto capacity = [&](double t) {
        long long c = 0;
        for (const auto& x : d) {
            long long can = static_cast<long long>(std::floor(t * x.population - x.current + 1e-9));
            c += std::clamp(can, 0LL, headroom_places(x));
        }
        return c;
    };
    double lo = 0, hi = 1;
    while (capacity(hi) < n) hi *= 2;
    for (int i = 0; i < 200; ++i) {
        double mid = (lo + hi) / 2;
        (capacity(mid) >= n ? hi : lo) = mid;
    }
    return hi;
}

} // namespace

TEST_CASE("every rule: whole places, exact sums, limits kept, exact shortfall (real South East figures)") {
    auto se = test::south_east_allocation_inputs();
    REQUIRE(se.size() == 64);
    long long room = 0;
    for (const auto& d : se) room += headroom_places(d);
    CHECK(room > 10000);
    const long long totals[] = {0, 1, 7, 1000, 7777, room - 1, room, room + 500};
    for (auto rule : {AllocationRule::Population, AllocationRule::Headroom, AllocationRule::Equalise}) {
        for (long long n : totals) {
            CAPTURE(static_cast<int>(rule));
            CAPTURE(n);
            AllocationResult r = allocate(se, n, rule);
            long long sum = std::accumulate(r.allocated.begin(), r.allocated.end(), 0LL);
            CHECK(sum == std::min(n, room));
            CHECK(r.total_allocated == sum);
            CHECK(r.shortfall == n - std::min(n, room));
            for (size_t i = 0; i < se.size(); ++i) {
                CHECK(r.allocated[i] >= 0);
                CHECK(r.allocated[i] <= headroom_places(se[i]));  // never past the limit
            }
        }
    }
}

TEST_CASE("equalise reaches the smallest possible highest rate") {
    auto se = test::south_east_allocation_inputs();
    for (long long n : {1LL, 50LL, 1000LL, 5000LL, 20000LL}) {
        CAPTURE(n);
        AllocationResult r = allocate(se, n, AllocationRule::Equalise);
        double t = optimal_max_rate(se, n);
        double max_given = 0;
        for (size_t i = 0; i < se.size(); ++i) {
            double rate = (se[i].current + r.allocated[i]) / se[i].population;
            if (r.allocated[i] > 0) max_given = std::max(max_given, rate);
            // nobody ends above the optimum unless they were already above it and got nothing
            if (r.allocated[i] > 0) CHECK(rate <= t * (1 + 1e-9));
        }
        // and the optimum is reached: a lower threshold could not hold all n places
        CHECK(max_given == doctest::Approx(t).epsilon(1e-9));
    }
}

TEST_CASE("proportional rules match hand-worked tables") {
    struct Case {
        std::vector<AllocationInput> d;
        long long n;
        AllocationRule rule;
        std::vector<long long> expect;
    };
    const Case cases[] = {
        // 1:2:3 populations, plenty of room: 600 -> 100, 200, 300
        {{{"A", 100000, 0, 500}, {"B", 200000, 0, 1000}, {"C", 300000, 0, 1500}}, 600, AllocationRule::Population, {100, 200, 300}},
        // 10 places: shares 1.667, 3.333, 5 -> floors 1, 3, 5; the one left goes to A (remainder .667)
        {{{"A", 100000, 0, 500}, {"B", 200000, 0, 1000}, {"C", 300000, 0, 1500}}, 10, AllocationRule::Population, {2, 3, 5}},
        // headroom 100 and 500: by headroom 60 -> 10, 50; by population 30, 30
        {{{"A", 100000, 400, 500}, {"B", 100000, 0, 500}}, 60, AllocationRule::Headroom, {10, 50}},
        {{{"A", 100000, 400, 500}, {"B", 100000, 0, 500}}, 60, AllocationRule::Population, {30, 30}},
        // A has room for only 10: its unmet share goes to B
        {{{"A", 100000, 490, 500}, {"B", 100000, 0, 500}}, 100, AllocationRule::Population, {10, 90}},
        // equalise fills the lowest rate first: B (0 per resident) takes all 40 before reaching A's 400/100000
        {{{"A", 100000, 400, 500}, {"B", 100000, 0, 500}}, 40, AllocationRule::Equalise, {0, 40}},
        // ... and then both rise together
        {{{"A", 100000, 400, 500}, {"B", 100000, 0, 500}}, 420, AllocationRule::Equalise, {10, 410}},
        // nothing fits: all room is used and the rest is the shortfall
        {{{"A", 100000, 500, 500}, {"B", 100000, 495, 500}}, 8, AllocationRule::Population, {0, 5}},
    };
    for (const auto& c : cases) {
        AllocationResult r = allocate(c.d, c.n, c.rule);
        CAPTURE(c.n);
        CHECK(r.allocated == c.expect);
    }
    CHECK(allocate(cases[7].d, 8, AllocationRule::Population).shortfall == 3);
    CHECK_THROWS(allocate(cases[0].d, -1, AllocationRule::Population));
}

TEST_CASE("Sainte-Lague (Webster) rounding, worked by hand") {
    // weights 3:3:2, 4 places: A (6, the earlier of a tie), B (6), C (4), then A and B at 3/1.5 = 2
    // tie above C's 2/1.5: A, the earlier -> 2, 1, 1
    CHECK(webster_rounding({3, 3, 2}, 4, {9, 9, 9}) == std::vector<long long>{2, 1, 1});
    CHECK(webster_rounding({2, 3, 5}, 1, {9, 9, 9}) == std::vector<long long>{0, 0, 1});
    CHECK(webster_rounding({29, 1}, 3, {2, 9}) == std::vector<long long>{2, 1});  // a cap redirects
    CHECK(webster_rounding({1, 2, 3}, 10, {9, 9, 9}) == std::vector<long long>{2, 3, 5});
    CHECK(webster_rounding({1, 1}, 5, {1, 1}) == std::vector<long long>{1, 1});   // no room left: what fits
    // the largest-remainder paradox: 7 over weights 2000 : 8000*e^-1 : 7000 gives A nothing, and
    // A's weight falling against the others never gives it one
    double e1 = std::exp(-1.0);
    long long before = webster_rounding({2000 * e1, 8000 * e1, 7000}, 7, {99, 99, 99})[0];
    long long after = webster_rounding({2000 * e1, 8000 * e1 * 1.2, 7000 * 1.2}, 7, {99, 99, 99})[0];
    CHECK(after <= before);
}

TEST_CASE("scenario allocate on the command line") {
    auto r = test::run_sespm({"scenario", "allocate", "--total", "1000", "--rule", "equalise", "--within", "E12000008",
                              "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ls = test::lines(r.out);
    CHECK(ls[0] == "code,name,population,current,allocated,new_total,per_10k,cluster_limit,share_of_limit_pct,status");
    CHECK(ls.size() == 65);
    long long sum = 0;
    for (size_t i = 1; i < ls.size(); ++i) sum += std::stoll(test::split_csv_simple(ls[i])[4]);
    CHECK(sum == 1000);
    CHECK(r.err.find("allocated 1000 of 1000") != std::string::npos);
    CHECK(r.err.find("did not fit: 0") != std::string::npos);
    auto bad = test::run_sespm({"scenario", "allocate", "--total", "-5", "--rule", "equalise", "--data", test::data_dir()});
    CHECK(bad.exit_code == 2);
    bad = test::run_sespm({"scenario", "allocate", "--total", "5", "--rule", "fair", "--data", test::data_dir()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--rule fair") != std::string::npos);
}
