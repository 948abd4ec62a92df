// test_classify.cpp: owns the unit tests for rules/classify.h: method names, quantile /
// equal-interval / stddev / manual breaks on hand-worked tables, class_of boundaries and
// labels, exact natural breaks against an independent brute-force O(k n^2) DP, and the
// palettes (distinct colours, CIELAB lightness order, diverging symmetry, hex format).
#include <doctest.h>

#include "rules/classify.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace sespm;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Deterministic generator (64-bit LCG + xorshift output), independent of <random>'s
// implementation-defined distributions.
struct Rng {
    std::uint64_t s;
    explicit Rng(std::uint64_t seed) : s(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
    double uniform() {   // (0, 1)
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        std::uint64_t x = s ^ (s >> 29);
        x ^= x << 17;
        return (static_cast<double>(x >> 11) + 0.5) / 9007199254740992.0;
    }
    double normal() {    // Box-Muller
        const double u = uniform(), v = uniform();
        return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
};

void check_upper(const Classification& c, const std::vector<double>& expected, double tol = 1e-12) {
    REQUIRE(c.class_count() == static_cast<int>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(c.upper[i] == doctest::Approx(expected[i]).epsilon(tol));
    }
}

// Sum of squared deviations of a contiguous run (two-pass, for checking).
double run_ssd(const std::vector<double>& v, std::size_t b, std::size_t e) {
    if (e <= b) return 0;
    double m = 0;
    for (std::size_t i = b; i < e; ++i) m += v[i];
    m /= static_cast<double>(e - b);
    double s = 0;
    for (std::size_t i = b; i < e; ++i) s += (v[i] - m) * (v[i] - m);
    return s;
}

// Total within-class SSD of `sorted` under upper bounds `upper` (value <= bound: that class).
// Also checks every class is non-empty.
double partition_ssd(const std::vector<double>& sorted, const std::vector<double>& upper) {
    double total = 0;
    std::size_t b = 0;
    for (double u : upper) {
        std::size_t e = b;
        while (e < sorted.size() && sorted[e] <= u) ++e;
        CHECK(e > b);   // non-empty class
        total += run_ssd(sorted, b, e);
        b = e;
    }
    CHECK(b == sorted.size());   // every value classified
    return total;
}

// Independent brute-force optimum: D[m][i] = min_j D[m-1][j] + cost(j, i) over all j, with
// cost(j, i) = SSD of sorted[j..i-1] from a Welford running update on x - x[j] (exact
// for nearby values, so large offsets do not cost precision). O(k n^2).
double brute_force_ssd(const std::vector<double>& x, int k) {
    const std::size_t n = x.size();
    std::vector<std::vector<double>> cost(n + 1, std::vector<double>(n + 1, 0.0));
    for (std::size_t j = 0; j < n; ++j) {
        double mean = 0, m2 = 0;
        for (std::size_t i = j; i < n; ++i) {
            const double cnt = static_cast<double>(i - j + 1);
            const double xi = x[i] - x[j];
            const double d = xi - mean;
            mean += d / cnt;
            m2 += d * (xi - mean);
            cost[j][i + 1] = m2;
        }
    }
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> prev(n + 1, inf), cur(n + 1, inf);
    for (std::size_t i = 1; i <= n; ++i) prev[i] = cost[0][i];
    for (int m = 2; m <= k; ++m) {
        std::fill(cur.begin(), cur.end(), inf);
        for (std::size_t i = static_cast<std::size_t>(m); i <= n; ++i)
            for (std::size_t j = static_cast<std::size_t>(m - 1); j < i; ++j)
                cur[i] = std::min(cur[i], prev[j] + cost[j][i]);
        std::swap(prev, cur);
    }
    return prev[n];
}

std::size_t count_distinct(const std::vector<double>& sorted) {
    std::size_t d = sorted.empty() ? 0 : 1;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] != sorted[i - 1]) ++d;
    return d;
}

// sRGB -> CIELAB (D65), written independently of the library (which only goes Lab -> sRGB).
struct Lab {
    double L, a, b;
};
Lab to_lab(const Rgb& c) {
    auto lin = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    const double r = lin(c.r), g = lin(c.g), b = lin(c.b);
    const double X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double Z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    auto f = [](double t) {
        const double d = 6.0 / 29.0;
        return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
    };
    const double fx = f(X / 0.95047), fy = f(Y / 1.0), fz = f(Z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}
double delta_e(const Lab& p, const Lab& q) {
    return std::sqrt((p.L - q.L) * (p.L - q.L) + (p.a - q.a) * (p.a - q.a) +
                     (p.b - q.b) * (p.b - q.b));
}

std::vector<double> iota_values(int lo, int hi) {
    std::vector<double> v;
    for (int i = lo; i <= hi; ++i) v.push_back(i);
    return v;
}

} // namespace

TEST_CASE("class method names parse and round-trip") {
    struct Case {
        const char* name;
        std::optional<ClassMethod> m;
    };
    const Case cases[] = {
        {"quantile", ClassMethod::Quantile},  {"equal", ClassMethod::EqualInterval},
        {"jenks", ClassMethod::NaturalBreaks}, {"natural", ClassMethod::NaturalBreaks},
        {"stddev", ClassMethod::StdDev},      {"manual", ClassMethod::Manual},
        {"Quantile", std::nullopt},           {"", std::nullopt},
        {"equal-interval", std::nullopt},     {"kmeans", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(parse_class_method(c.name) == c.m);
    }
    for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks,
                   ClassMethod::StdDev, ClassMethod::Manual})
        CHECK(parse_class_method(class_method_name(m)) == m);
    CHECK(class_method_name(ClassMethod::NaturalBreaks) == "jenks");
}

TEST_CASE("quantile breaks on hand-worked tables") {
    struct Case {
        std::vector<double> values;
        int k;
        std::vector<double> upper;
    };
    const std::vector<Case> cases = {
        {iota_values(1, 10), 4, {3, 5, 8, 10}},       // idx ceil(10i/4)-1 = 2,4,7,9
        {iota_values(1, 10), 5, {2, 4, 6, 8, 10}},
        {iota_values(1, 10), 3, {4, 7, 10}},          // idx 3,6,9
        {iota_values(1, 10), 1, {10}},
        {{5, kNaN, 1, 3, 2, 4}, 2, {3, 5}},          // NaN ignored, n=5: idx 2,4
        {{7, 1, 4}, 3, {1, 4, 7}},
        {{1, 1, 1, 1, 1, 1, 1, 1, 2, 3}, 3, {1, 3}},  // idx 3,6,9 -> 1,1,3: collapses to 2
        {{2, 2, 5, 5, 5}, 5, {5}},                    // 2 distinct -> k=2, idx 2,4 -> 5,5
        {{4, 4, 4}, 3, {4}},
        {{-3, std::numeric_limits<double>::infinity(), 0, 3}, 3, {-3, 0, 3}},   // inf ignored
    };
    for (std::size_t ci = 0; ci < cases.size(); ++ci) {
        CAPTURE(ci);
        const auto& c = cases[ci];
        const auto cl = classify(c.values, ClassMethod::Quantile, c.k);
        CHECK(cl.method == ClassMethod::Quantile);
        check_upper(cl, c.upper);
        CHECK(cl.upper.back() == cl.max);
    }
}

TEST_CASE("quantile classes are non-empty and shrink with duplicates") {
    Rng rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<double> v;
        const int n = 1 + trial * 7;
        for (int i = 0; i < n; ++i) v.push_back(std::floor(rng.uniform() * (1 + trial % 9)));
        std::sort(v.begin(), v.end());
        for (int k = 1; k <= 9; ++k) {
            CAPTURE(trial);
            CAPTURE(k);
            const auto c = classify(v, ClassMethod::Quantile, k);
            CHECK(c.class_count() <= std::min<int>(k, static_cast<int>(count_distinct(v))));
            CHECK(c.class_count() >= 1);
            CHECK(std::adjacent_find(c.upper.begin(), c.upper.end(),
                                     [](double a, double b) { return !(a < b); }) ==
                  c.upper.end());
            std::vector<int> counts(static_cast<std::size_t>(c.class_count()), 0);
            for (double x : v) counts[static_cast<std::size_t>(c.class_of(x))]++;
            for (int cnt : counts) CHECK(cnt > 0);
        }
    }
}

TEST_CASE("equal interval breaks on hand-worked tables") {
    struct Case {
        std::vector<double> values;
        int k;
        std::vector<double> upper;
    };
    const std::vector<Case> cases = {
        {iota_values(0, 10), 5, {2, 4, 6, 8, 10}},
        {{-5, 5, 0, 1}, 4, {-2.5, 0, 2.5, 5}},
        {{3, 1, kNaN, 1}, 4, {2, 3}},                 // 2 distinct values -> 2 classes
        {{0.1, 0.2, 0.4}, 3, {0.2, 0.3, 0.4}},
        {{6, 6}, 5, {6}},
        {{100, 0, 50}, 1, {100}},
    };
    for (std::size_t ci = 0; ci < cases.size(); ++ci) {
        CAPTURE(ci);
        const auto cl = classify(cases[ci].values, ClassMethod::EqualInterval, cases[ci].k);
        check_upper(cl, cases[ci].upper);
        CHECK(cl.upper.back() == cl.max);   // exactly, not approximately
    }
}

TEST_CASE("class_of: right-closed boundaries, clamping and NaN") {
    const auto c = classify(iota_values(0, 10), ClassMethod::EqualInterval, 5);
    REQUIRE(c.class_count() == 5);
    struct Case {
        double v;
        int cls;
    };
    const Case cases[] = {
        {0, 0},  {1, 0},  {2, 0},          {std::nextafter(2.0, 3.0), 1}, {4, 1},
        {4.5, 2}, {6, 2}, {8, 3},          {8.0000001, 4},                {10, 4},
        {-1, 0},  {11, 4}, {-1e300, 0},    {std::numeric_limits<double>::infinity(), 4},
        {kNaN, -1},
    };
    for (const auto& t : cases) {
        CAPTURE(t.v);
        CHECK(c.class_of(t.v) == t.cls);
    }
    Classification empty;
    CHECK(empty.class_of(1.0) == -1);
    CHECK(classify(std::vector<double>{kNaN, kNaN}, ClassMethod::Quantile, 3).class_count() == 0);
}

TEST_CASE("invalid class counts and manual breaks throw") {
    const auto v = iota_values(1, 20);
    for (int k : {0, -1, 33, 100}) {
        CAPTURE(k);
        for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval,
                       ClassMethod::NaturalBreaks, ClassMethod::StdDev})
            CHECK_THROWS_AS(classify(v, m, k), std::invalid_argument);
    }
    CHECK_NOTHROW(classify(v, ClassMethod::Quantile, 1));
    CHECK_NOTHROW(classify(v, ClassMethod::Quantile, 32));
    const std::vector<double> descending{5, 3}, repeated{2, 2, 4}, nan_break{1, kNaN};
    CHECK_THROWS_AS(classify(v, ClassMethod::Manual, 3, descending), std::invalid_argument);
    CHECK_THROWS_AS(classify(v, ClassMethod::Manual, 3, repeated), std::invalid_argument);
    CHECK_THROWS_AS(classify(v, ClassMethod::Manual, 3, nan_break), std::invalid_argument);
    CHECK_THROWS_AS(classify(v, ClassMethod::Manual, 3), std::invalid_argument);
    CHECK_THROWS_AS(natural_breaks(std::vector<double>{1, 2}, 0), std::invalid_argument);
    CHECK_THROWS_AS(natural_breaks(std::vector<double>{2, 1}, 2), std::invalid_argument);
}

TEST_CASE("natural breaks: textbook clusters") {
    const std::vector<double> v{1, 2, 3, 10, 11, 12, 20, 21, 22};
    CHECK(natural_breaks(v, 3) == std::vector<double>{3, 12, 22});
    CHECK(natural_breaks(v, 1) == std::vector<double>{22});
    CHECK(natural_breaks(v, 9) == v);
    CHECK(natural_breaks(v, 12) == v);           // k > distinct: one class per value
    CHECK(natural_breaks(std::vector<double>{}, 3).empty());
    const std::vector<double> shuffled{21, kNaN, 3, 12, 1, 22, 10, 2, 11, 20};
    check_upper(classify(shuffled, ClassMethod::NaturalBreaks, 3), {3, 12, 22});
}

TEST_CASE("natural breaks are optimal: match brute-force DP on many data sets") {
    struct Gen {
        const char* name;
        double (*draw)(Rng&);
    };
    const Gen gens[] = {
        {"uniform", [](Rng& r) { return r.uniform() * 100.0; }},
        {"lognormal", [](Rng& r) { return std::exp(1.5 + 0.9 * r.normal()); }},
        {"clustered", [](Rng& r) {
             return std::floor(r.uniform() * 5) * 40.0 + r.normal() * 3.0; }},
        {"ties", [](Rng& r) { return std::floor(r.uniform() * 12); }},
        {"offset", [](Rng& r) { return 1e6 + r.uniform(); }},   // large mean, small spread
    };
    const int sizes[] = {1, 2, 3, 5, 8, 13, 40, 97, 160, 300};
    int compared = 0;
    std::uint64_t seed = 1;
    for (const auto& g : gens) {
        for (int n : sizes) {
            Rng rng(seed++);
            std::vector<double> v(static_cast<std::size_t>(n));
            for (auto& x : v) x = g.draw(rng);
            std::sort(v.begin(), v.end());
            const std::size_t distinct = count_distinct(v);
            for (int k = 1; k <= 7; ++k) {
                CAPTURE(std::string(g.name));
                CAPTURE(n);
                CAPTURE(k);
                const auto upper = natural_breaks(v, k);
                REQUIRE(upper.size() == std::min<std::size_t>(static_cast<std::size_t>(k),
                                                              distinct));
                CHECK(upper.back() == v.back());
                for (std::size_t i = 1; i < upper.size(); ++i) CHECK(upper[i - 1] < upper[i]);
                const double got = partition_ssd(v, upper);
                const int kk = static_cast<int>(upper.size());
                const double best = brute_force_ssd(v, kk);
                const double total = run_ssd(v, 0, v.size());
                // 1e-9 relative; the 1e-12*total term only matters when the optimum is 0.
                CHECK(std::abs(got - best) <= 1e-9 * best + 1e-12 * total);
                ++compared;
            }
        }
    }
    CHECK(compared == 5 * 10 * 7);
}

TEST_CASE("natural breaks: a deliberately suboptimal split is never better") {
    // Sanity check that the SSD comparison can fail: shifting any break by one value
    // must not reduce the total.
    Rng rng(99);
    std::vector<double> v(200);
    for (auto& x : v) x = std::exp(rng.normal());
    std::sort(v.begin(), v.end());
    const auto upper = natural_breaks(v, 5);
    const double best = partition_ssd(v, upper);
    for (std::size_t b = 0; b + 1 < upper.size(); ++b) {
        const auto it = std::find(v.begin(), v.end(), upper[b]);
        for (int dir : {-1, 1}) {
            auto moved = upper;
            moved[b] = *(it + dir);
            if ((b > 0 && moved[b] <= moved[b - 1]) || moved[b] >= moved[b + 1]) continue;
            CHECK(partition_ssd(v, moved) > best);
        }
    }
}

TEST_CASE("standard deviation breaks") {
    // 1..9: mean 5, population sd sqrt(60/9).
    const auto v = iota_values(1, 9);
    const double sd = std::sqrt(60.0 / 9.0);
    struct Case {
        int k;
        std::vector<double> upper;
    };
    const std::vector<Case> cases = {
        {1, {9}},
        {2, {5, 9}},                                                   // mean is a boundary
        {3, {5 - 0.5 * sd, 5 + 0.5 * sd, 9}},                          // middle class centred
        {4, {5 - sd, 5, 5 + sd, 9}},
        {5, {5 - 1.5 * sd, 5 - 0.5 * sd, 5 + 0.5 * sd, 5 + 1.5 * sd, 9}},
        {6, {5 - sd, 5, 5 + sd, 9}},                    // 5±2sd = -0.16, 10.16: outside
        {7, {5 - 1.5 * sd, 5 - 0.5 * sd, 5 + 0.5 * sd, 5 + 1.5 * sd, 9}},   // ±2.5sd outside
    };
    for (const auto& c : cases) {
        CAPTURE(c.k);
        const auto cl = classify(v, ClassMethod::StdDev, c.k);
        CHECK(cl.method == ClassMethod::StdDev);
        check_upper(cl, c.upper);
    }
    CHECK(5 - 2 * sd < 1.0);       // premise of the k=6 row
    CHECK(5 - 1.5 * sd > 1.0);     // premise of the k=5 row
    // Constant data: one class.
    check_upper(classify(std::vector<double>{3, 3, 3}, ClassMethod::StdDev, 5), {3});
}

TEST_CASE("manual breaks") {
    const auto v = iota_values(0, 45);
    struct Case {
        std::vector<double> breaks;
        std::vector<double> upper;
    };
    const std::vector<Case> cases = {
        {{10, 20, 30}, {10, 20, 30, 45}},      // last class (30, 45] extends to max
        {{10, 20, 45}, {10, 20, 45}},
        {{10, 20, 60}, {10, 20, 45}},          // bound past max: last class ends at max
        {{-10, 0, 20}, {0, 20, 45}},           // bound below min dropped; min itself kept
        {{100}, {45}},
        {{2.5}, {2.5, 45}},
    };
    for (std::size_t ci = 0; ci < cases.size(); ++ci) {
        CAPTURE(ci);
        const auto cl = classify(v, ClassMethod::Manual, 5, cases[ci].breaks);
        CHECK(cl.method == ClassMethod::Manual);
        check_upper(cl, cases[ci].upper);
    }
    const auto cl = classify(v, ClassMethod::Manual, 5, std::vector<double>{10, 20, 30});
    CHECK(cl.class_of(10) == 0);
    CHECK(cl.class_of(10.5) == 1);
    CHECK(cl.class_of(44) == 3);
}

TEST_CASE("labels") {
    const auto c = classify(std::vector<double>{-0.001, 2.5, 10}, ClassMethod::EqualInterval, 2);
    CHECK(c.label(0, 1) == "0.0 \u2013 5.0");   // -0.001 rounds to 0.0, not -0.0
    CHECK(c.label(1, 2) == "5.00 \u2013 10.00");
    CHECK(c.label(1, 0) == "5 \u2013 10");
    const auto q = classify(std::vector<double>{1.26, 12.345, 45.6}, ClassMethod::Quantile, 3);
    CHECK(q.label(0, 1) == "1.3");              // a class of one value is that value, not "1.3 - 1.3"
    CHECK(q.label(2, 1) == "12.3 \u2013 45.6");
    CHECK_THROWS_AS((void)c.label(2, 1), std::out_of_range);
    CHECK_THROWS_AS((void)c.label(-1, 1), std::out_of_range);
}

TEST_CASE("Rgb::hex is lower-case #rrggbb") {
    struct Case {
        Rgb c;
        const char* hex;
    };
    const Case cases[] = {
        {{0, 0, 0}, "#000000"}, {{255, 255, 255}, "#ffffff"}, {{255, 0, 16}, "#ff0010"},
        {{10, 171, 205}, "#0aabcd"},
    };
    for (const auto& t : cases) CHECK(t.c.hex() == t.hex);
}

TEST_CASE("palettes: registry, errors, distinct colours") {
    const auto all = palettes();
    int seq = 0, div = 0;
    for (const auto& p : all) {
        CHECK(palette_exists(p.id));
        CHECK(!p.title.empty());
        (p.kind == PaletteKind::Sequential ? seq : div)++;
    }
    CHECK(seq >= 5);
    CHECK(div >= 3);
    for (const char* id : {"orange-red", "blues", "greens", "purples", "yellow-green-blue",
                           "blue-red", "purple-green", "brown-teal"})
        CHECK(palette_exists(id));
    CHECK(!palette_exists("rainbow"));
    CHECK(!palette_exists(""));
    CHECK_THROWS_AS(palette_colors("rainbow", 5), std::invalid_argument);
    CHECK(palette_colors("blues", 0).empty());   // no classes, no colours
    CHECK_THROWS_AS(palette_colors("rainbow", 0), std::invalid_argument);
    CHECK_THROWS_AS(palette_colors("blues", -1), std::invalid_argument);
    CHECK_THROWS_AS(palette_colors("blues", 33), std::invalid_argument);

    for (const auto& p : all) {
        for (int n = 1; n <= 32; ++n) {
            CAPTURE(p.id);
            CAPTURE(n);
            const auto cols = palette_colors(p.id, n);
            REQUIRE(cols.size() == static_cast<std::size_t>(n));
            for (std::size_t i = 0; i < cols.size(); ++i) {
                const std::string h = cols[i].hex();
                CHECK(h.size() == 7);
                CHECK(h[0] == '#');
                CHECK(h.find_first_not_of("0123456789abcdef", 1) == std::string::npos);
                for (std::size_t j = 0; j < i; ++j) CHECK(!(cols[i] == cols[j]));
            }
        }
    }
}

TEST_CASE("sequential palettes: light to dark in CIELAB, lightest still tinted") {
    const Lab white{100, 0, 0};
    for (const auto& p : palettes()) {
        if (p.kind != PaletteKind::Sequential) continue;
        for (int n = 2; n <= 32; ++n) {
            CAPTURE(p.id);
            CAPTURE(n);
            const auto cols = palette_colors(p.id, n);
            for (std::size_t i = 1; i < cols.size(); ++i)
                CHECK(to_lab(cols[i]).L < to_lab(cols[i - 1]).L);
            const Lab lightest = to_lab(cols.front());
            CHECK(lightest.L > 85);
            CHECK(delta_e(lightest, white) > 5);   // visibly tinted against white
            CHECK(to_lab(cols.back()).L < 40);     // dark end reads as dark
        }
    }
}

TEST_CASE("diverging palettes: light neutral middle, symmetric lightness") {
    for (const auto& p : palettes()) {
        if (p.kind != PaletteKind::Diverging) continue;
        for (int n = 3; n <= 32; ++n) {
            CAPTURE(p.id);
            CAPTURE(n);
            const auto cols = palette_colors(p.id, n);
            std::vector<Lab> lab;
            for (const auto& c : cols) lab.push_back(to_lab(c));
            for (std::size_t i = 0; i < lab.size(); ++i)
                CHECK(std::abs(lab[i].L - lab[lab.size() - 1 - i].L) < 2.0);
            // Lightness rises to the middle and falls after it.
            const std::size_t half = lab.size() / 2;
            for (std::size_t i = 1; i < half; ++i) CHECK(lab[i].L > lab[i - 1].L);
            for (std::size_t i = lab.size() - half + 1; i < lab.size(); ++i)
                CHECK(lab[i].L < lab[i - 1].L);
            const auto lightest = std::max_element(lab.begin(), lab.end(),
                [](const Lab& a, const Lab& b) { return a.L < b.L; }) - lab.begin();
            if (n % 2 == 1) {
                CHECK(lightest == static_cast<long>(half));
                const Lab mid = lab[half];
                CHECK(mid.L > 90);
                CHECK(std::hypot(mid.a, mid.b) < 8);   // near-neutral centre
            } else {
                CHECK((lightest == static_cast<long>(half) ||
                       lightest == static_cast<long>(half) - 1));
            }
            // The two ends are different hues (signs of a or b differ notably).
            CHECK(delta_e(lab.front(), lab.back()) > 30);
        }
    }
}
