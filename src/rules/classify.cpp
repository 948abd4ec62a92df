// classify.cpp: owns the implementation of everything declared in rules/classify.h:
// class-method names, classify() (quantile, equal interval, exact natural breaks,
// standard deviation, manual), Classification::class_of/label, the exact Fisher/Jenks
// optimiser natural_breaks(), and the colour palettes (own anchor colours, interpolated
// in CIELAB). Pure computation, no I/O.
#include "rules/classify.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace sespm {

// ---------------------------------------------------------------------------------------
// Method names
// ---------------------------------------------------------------------------------------

std::optional<ClassMethod> parse_class_method(std::string_view name) {
    if (name == "quantile") return ClassMethod::Quantile;
    if (name == "equal") return ClassMethod::EqualInterval;
    if (name == "jenks" || name == "natural") return ClassMethod::NaturalBreaks;
    if (name == "stddev") return ClassMethod::StdDev;
    if (name == "manual") return ClassMethod::Manual;
    return std::nullopt;
}

std::string_view class_method_name(ClassMethod m) {
    switch (m) {
    case ClassMethod::Quantile: return "quantile";
    case ClassMethod::EqualInterval: return "equal";
    case ClassMethod::NaturalBreaks: return "jenks";
    case ClassMethod::StdDev: return "stddev";
    case ClassMethod::Manual: return "manual";
    }
    return "unknown";
}

// ---------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------

int Classification::class_of(double v) const {
    if (std::isnan(v) || upper.empty()) return -1;
    // First upper bound >= v: a value exactly on a break belongs to the lower class.
    auto it = std::lower_bound(upper.begin(), upper.end(), v);
    if (it == upper.end()) return class_count() - 1;   // above max: clamp into last class
    return static_cast<int>(it - upper.begin());        // below min lands in class 0
}

namespace {

std::string format_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    // Avoid "-0.0" for values that round to zero.
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos)
        s.erase(0, 1);
    return s;
}

} // namespace

std::string Classification::label(int i, int decimals) const {
    if (i < 0 || i >= class_count())
        throw std::out_of_range("Classification::label: class index out of range");
    decimals = std::clamp(decimals, 0, 17);
    const double lo = i == 0 ? min : upper[static_cast<std::size_t>(i) - 1];
    const double hi = upper[static_cast<std::size_t>(i)];
    std::string a = format_number(lo, decimals), b = format_number(hi, decimals);
    return a == b ? a : a + " \u2013 " + b;  // a class of one value reads as that value, not "2.9 - 2.9"
}

// ---------------------------------------------------------------------------------------
// Exact natural breaks (Fisher/Jenks optimal 1-D partition)
// ---------------------------------------------------------------------------------------
//
// Equal values are first merged into weighted distinct points, so a break never splits a
// run of ties (this never costs optimality: moving tied points into the neighbouring class
// that holds only that value cannot increase the sum of squares) and the DP runs on the
// number of distinct values d rather than n.
//
// D[m][i] = min over j of D[m-1][j] + SSD(points j..i-1): the best cost of putting the first
// i distinct points into m classes. SSD of a contiguous run comes from prefix sums of w,
// w*x and w*x^2 (x shifted by a central value to limit cancellation). SSD on sorted data
// satisfies the quadrangle inequality, so the optimal split j*(i) is monotone in i and each
// layer is solved by divide and conquer in O(d log d): O(k d log d) overall.

namespace {

struct PrefixSums {
    std::vector<double> w, s1, s2;   // size d+1, prefix sums of weight, w*x, w*x^2

    double ssd(std::size_t j, std::size_t i) const {   // points j..i-1, j < i
        const double ww = w[i] - w[j];
        const double a = s1[i] - s1[j];
        const double r = (s2[i] - s2[j]) - a * a / ww;
        return r > 0 ? r : 0.0;
    }
};

class JenksLayer {
public:
    JenksLayer(const PrefixSums& ps, const std::vector<double>& prev, std::vector<double>& cur,
               int* back, std::size_t min_j)
        : ps_(ps), prev_(prev), cur_(cur), back_(back), min_j_(min_j) {}

    // Fill cur[i] for i in [ilo, ihi], knowing the optimal split lies in [jlo, jhi].
    void solve(std::size_t ilo, std::size_t ihi, std::size_t jlo, std::size_t jhi) {
        while (ilo <= ihi) {
            const std::size_t mid = ilo + (ihi - ilo) / 2;
            const std::size_t lo = std::max(jlo, min_j_);
            const std::size_t hi = std::min(jhi, mid - 1);
            double best = std::numeric_limits<double>::infinity();
            std::size_t best_j = lo;
            for (std::size_t j = lo; j <= hi; ++j) {
                const double c = prev_[j] + ps_.ssd(j, mid);
                if (c < best) { best = c; best_j = j; }
            }
            cur_[mid] = best;
            back_[mid] = static_cast<int>(best_j);
            // Left half recursively, right half by iteration (bounded stack depth).
            if (mid > ilo) solve(ilo, mid - 1, jlo, best_j);
            ilo = mid + 1;
            jlo = best_j;
        }
    }

private:
    const PrefixSums& ps_;
    const std::vector<double>& prev_;
    std::vector<double>& cur_;
    int* back_;
    std::size_t min_j_;
};

} // namespace

std::vector<double> natural_breaks(std::span<const double> sorted, int k) {
    if (k < 1) throw std::invalid_argument("natural_breaks: k must be at least 1");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (!std::isfinite(sorted[i]))
            throw std::invalid_argument("natural_breaks: values must be finite");
        if (i > 0 && sorted[i] < sorted[i - 1])
            throw std::invalid_argument("natural_breaks: values must be sorted ascending");
    }
    if (sorted.empty()) return {};

    // Distinct values with multiplicities.
    std::vector<double> xs;
    std::vector<double> ws;
    xs.reserve(sorted.size());
    ws.reserve(sorted.size());
    for (double v : sorted) {
        if (xs.empty() || v != xs.back()) {
            xs.push_back(v);
            ws.push_back(1.0);
        } else {
            ws.back() += 1.0;
        }
    }
    const std::size_t d = xs.size();
    const std::size_t kk = std::min(static_cast<std::size_t>(k), d);
    if (kk == d) return xs;                       // every distinct value its own class
    if (kk == 1) return {xs.back()};

    const double shift = xs[d / 2];
    PrefixSums ps;
    ps.w.assign(d + 1, 0.0);
    ps.s1.assign(d + 1, 0.0);
    ps.s2.assign(d + 1, 0.0);
    for (std::size_t i = 0; i < d; ++i) {
        const double x = xs[i] - shift;
        ps.w[i + 1] = ps.w[i] + ws[i];
        ps.s1[i + 1] = ps.s1[i] + ws[i] * x;
        ps.s2[i + 1] = ps.s2[i] + ws[i] * x * x;
    }

    // back[m*(d+1) + i]: start index of the last class in the best m-class split of 0..i-1.
    std::vector<int> back((kk + 1) * (d + 1), 0);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> prev(d + 1, inf), cur(d + 1, inf);
    for (std::size_t i = 1; i <= d; ++i) prev[i] = ps.ssd(0, i);

    for (std::size_t m = 2; m <= kk; ++m) {
        std::fill(cur.begin(), cur.end(), inf);
        // With m classes at least m points; leave room for the kk-m classes still to come.
        const std::size_t ilo = m;
        const std::size_t ihi = m == kk ? d : d - (kk - m);
        JenksLayer layer(ps, prev, cur, back.data() + m * (d + 1), m - 1);
        layer.solve(ilo, ihi, m - 1, ihi - 1);
        std::swap(prev, cur);
    }

    std::vector<double> upper(kk);
    std::size_t i = d;
    for (std::size_t m = kk; m >= 1; --m) {
        upper[m - 1] = xs[i - 1];
        if (m > 1) i = static_cast<std::size_t>(back[m * (d + 1) + i]);
    }
    return upper;
}

// ---------------------------------------------------------------------------------------
// classify()
// ---------------------------------------------------------------------------------------
//
// Standard deviation scheme (population sd s, mean u), classes one s wide, symmetric
// about the mean:
//   * even k: the mean is a class boundary; breaks at u + j*s for j = -(k/2-1) .. k/2-1
//     (k=4: u-s, u, u+s);
//   * odd k: the middle class is centred on the mean; breaks at u + (j+1/2)*s for
//     j = -(k-1)/2 .. (k-3)/2 (k=5: u-1.5s, u-0.5s, u+0.5s, u+1.5s).
// The first class is open-ended down to min and the last up to max. Breaks that fall
// outside (min, max) would give empty classes and are dropped, so skewed data can get
// fewer classes than requested.
//
// Manual: the given bounds (strictly ascending, finite) are class upper bounds. Bounds
// below min or at/above max are dropped and max is appended as the last upper bound, so
// the last class always extends to max ({10,20,30} on data 0..45 gives four classes,
// the last (30, 45]). `classes` is validated but does not limit manual classes; more than
// 32 manual bounds throw.

namespace {

void dedupe(std::vector<double>& v) { v.erase(std::unique(v.begin(), v.end()), v.end()); }

} // namespace

Classification classify(std::span<const double> values, ClassMethod method, int classes,
                        std::span<const double> manual_breaks) {
    if (classes < 1 || classes > 32)
        throw std::invalid_argument("classify: number of classes must be between 1 and 32");
    if (method == ClassMethod::Manual) {
        if (manual_breaks.empty())
            throw std::invalid_argument("classify: manual classification needs breaks");
        if (manual_breaks.size() > 32)
            throw std::invalid_argument("classify: at most 32 manual breaks");
        for (std::size_t i = 0; i < manual_breaks.size(); ++i) {
            if (!std::isfinite(manual_breaks[i]))
                throw std::invalid_argument("classify: manual breaks must be finite");
            if (i > 0 && !(manual_breaks[i] > manual_breaks[i - 1]))
                throw std::invalid_argument("classify: manual breaks must be strictly ascending");
        }
    }

    Classification c;
    c.method = method;

    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values)
        if (std::isfinite(x)) v.push_back(x);
    if (v.empty()) return c;   // no data: no classes, class_of() gives -1
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    c.min = v.front();
    c.max = v.back();

    std::size_t distinct = 1;
    for (std::size_t i = 1; i < n; ++i)
        if (v[i] != v[i - 1]) ++distinct;
    const std::size_t k = std::min(static_cast<std::size_t>(classes), distinct);

    switch (method) {
    case ClassMethod::Quantile:
        for (std::size_t i = 1; i <= k; ++i) {
            const std::size_t idx = (n * i + k - 1) / k - 1;   // ceil(n*i/k) - 1
            c.upper.push_back(v[idx]);
        }
        dedupe(c.upper);
        break;

    case ClassMethod::EqualInterval:
        for (std::size_t i = 1; i < k; ++i)
            c.upper.push_back(c.min + (c.max - c.min) * static_cast<double>(i) /
                                          static_cast<double>(k));
        c.upper.push_back(c.max);
        dedupe(c.upper);
        break;

    case ClassMethod::NaturalBreaks:
        c.upper = natural_breaks(v, static_cast<int>(k));
        break;

    case ClassMethod::StdDev: {
        double sum = 0;
        for (double x : v) sum += x;
        const double mean = sum / static_cast<double>(n);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        const double sd = std::sqrt(ss / static_cast<double>(n));
        const int kk = static_cast<int>(k);
        if (kk > 1 && sd > 0) {
            const double offset = kk % 2 == 0 ? 0.0 : 0.5;
            const int jlo = kk % 2 == 0 ? -(kk / 2 - 1) : -(kk - 1) / 2;
            for (int j = jlo; j < jlo + kk - 1; ++j) {
                const double b = mean + (j + offset) * sd;
                if (b > c.min && b < c.max) c.upper.push_back(b);
            }
        }
        c.upper.push_back(c.max);
        dedupe(c.upper);
        break;
    }

    case ClassMethod::Manual:
        for (double b : manual_breaks)
            if (b >= c.min && b < c.max) c.upper.push_back(b);
        c.upper.push_back(c.max);
        break;
    }
    return c;
}

// ---------------------------------------------------------------------------------------
// Colour: CIELAB -> XYZ (D65) -> linear RGB -> sRGB (palettes are built in Lab; the
// forward direction lives in the tests, which check lightness independently)
// ---------------------------------------------------------------------------------------

std::string Rgb::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>(r),
                  static_cast<unsigned>(g), static_cast<unsigned>(b));
    return buf;
}

namespace {

struct Lab {
    double L, a, b;
};

constexpr double kXn = 0.95047, kYn = 1.0, kZn = 1.08883;   // D65 white
constexpr double kDelta = 6.0 / 29.0;

double lab_finv(double t) {
    return t > kDelta ? t * t * t : 3 * kDelta * kDelta * (t - 4.0 / 29.0);
}
double linear_to_srgb(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

struct LinearRgb {
    double r, g, b;
    bool in_gamut() const {
        constexpr double e = 1e-9;
        return r >= -e && r <= 1 + e && g >= -e && g <= 1 + e && b >= -e && b <= 1 + e;
    }
};

LinearRgb lab_to_linear(const Lab& lab) {
    const double fy = (lab.L + 16) / 116;
    const double fx = fy + lab.a / 500;
    const double fz = fy - lab.b / 200;
    const double X = kXn * lab_finv(fx), Y = kYn * lab_finv(fy), Z = kZn * lab_finv(fz);
    return {3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
            -0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z,
            0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z};
}

// Lab -> 8-bit sRGB. Out-of-gamut colours are brought in by reducing chroma at constant
// lightness and hue (bisection on the a/b scale; the neutral axis is always in gamut), so
// palettes keep the lightness ramp they were designed with.
Rgb lab_to_rgb(const Lab& lab) {
    LinearRgb lin = lab_to_linear(lab);
    if (!lin.in_gamut()) {
        double lo = 0.0, hi = 1.0;
        for (int it = 0; it < 40; ++it) {
            const double mid = 0.5 * (lo + hi);
            if (lab_to_linear({lab.L, lab.a * mid, lab.b * mid}).in_gamut()) lo = mid;
            else hi = mid;
        }
        lin = lab_to_linear({lab.L, lab.a * lo, lab.b * lo});
    }
    auto to8 = [](double c) {
        return static_cast<std::uint8_t>(std::lround(linear_to_srgb(c) * 255.0));
    };
    return {to8(lin.r), to8(lin.g), to8(lin.b)};
}

// ---------------------------------------------------------------------------------------
// Palettes: anchors of our own choosing, given directly in CIELAB (L, a, b).
// Sequential: light -> mid -> dark. Diverging: dark, mid, light neutral, mid, dark with
// matching lightness on both sides. Colours are interpolated piecewise-linearly in Lab,
// anchors placed by cumulative lightness difference so lightness (the cue for order) falls
// in even steps (diverging: each half separately, the neutral anchor fixed at the centre,
// which keeps the two halves' lightness mirror-symmetric).
// ---------------------------------------------------------------------------------------

struct PaletteDef {
    const char* id;
    const char* title;
    PaletteKind kind;
    std::vector<Lab> anchors;
};

const std::vector<PaletteDef>& palette_defs() {
    static const std::vector<PaletteDef> defs = {
        {"orange-red", "Orange to red", PaletteKind::Sequential,
         {{95, 2, 13}, {70, 28, 52}, {31, 46, 32}}},
        {"blues", "Blues", PaletteKind::Sequential,
         {{95, -2, -6}, {64, -6, -33}, {25, 7, -34}}},
        {"greens", "Greens", PaletteKind::Sequential,
         {{95, -8, 9}, {67, -40, 30}, {28, -30, 18}}},
        {"purples", "Purples", PaletteKind::Sequential,
         {{94, 4, -6}, {62, 20, -29}, {21, 36, -40}}},
        {"yellow-green-blue", "Yellow, green to blue", PaletteKind::Sequential,
         {{96, -9, 24}, {68, -33, 0}, {23, 16, -39}}},
        {"blue-red", "Blue to red (diverging)", PaletteKind::Diverging,
         {{33, 6, -38}, {68, -3, -26}, {96, 0, 2}, {68, 29, 26}, {33, 49, 23}}},
        {"purple-green", "Purple to green (diverging)", PaletteKind::Diverging,
         {{30, 39, -41}, {68, 20, -25}, {96, 0.5, 0}, {68, -30, 25}, {30, -33, 20}}},
        {"brown-teal", "Brown to teal (diverging)", PaletteKind::Diverging,
         {{32, 16, 35}, {70, 8, 36}, {96, 0, 5}, {70, -26, -1}, {32, -23, -3}}},
    };
    return defs;
}

const PaletteDef* find_palette(std::string_view id) {
    for (const auto& p : palette_defs())
        if (id == p.id) return &p;
    return nullptr;
}

double lightness_step(const Lab& p, const Lab& q) { return std::abs(p.L - q.L); }

// Positions in [0,1] of each anchor: cumulative lightness difference, per group of anchors.
std::vector<double> anchor_positions(const PaletteDef& p) {
    const auto& a = p.anchors;
    std::vector<double> pos(a.size(), 0.0);
    auto fill = [&](std::size_t first, std::size_t last, double t0, double t1) {
        double total = 0;
        for (std::size_t i = first; i < last; ++i) total += lightness_step(a[i], a[i + 1]);
        double acc = 0;
        pos[first] = t0;
        for (std::size_t i = first; i < last; ++i) {
            acc += lightness_step(a[i], a[i + 1]);
            pos[i + 1] = total > 0 ? t0 + (t1 - t0) * acc / total
                                   : t0 + (t1 - t0) * static_cast<double>(i + 1 - first) /
                                              static_cast<double>(last - first);
        }
    };
    if (p.kind == PaletteKind::Diverging && a.size() % 2 == 1 && a.size() >= 3) {
        const std::size_t mid = a.size() / 2;
        fill(0, mid, 0.0, 0.5);
        fill(mid, a.size() - 1, 0.5, 1.0);
    } else {
        fill(0, a.size() - 1, 0.0, 1.0);
    }
    pos.back() = 1.0;
    return pos;
}

Lab sample(const PaletteDef& p, const std::vector<double>& pos, double t) {
    const auto& a = p.anchors;
    std::size_t seg = 0;
    while (seg + 2 < a.size() && t > pos[seg + 1]) ++seg;
    const double span = pos[seg + 1] - pos[seg];
    const double u = span > 0 ? std::clamp((t - pos[seg]) / span, 0.0, 1.0) : 0.0;
    const Lab& x = a[seg];
    const Lab& y = a[seg + 1];
    return {x.L + (y.L - x.L) * u, x.a + (y.a - x.a) * u, x.b + (y.b - x.b) * u};
}

} // namespace

std::vector<PaletteInfo> palettes() {
    std::vector<PaletteInfo> out;
    for (const auto& p : palette_defs()) out.push_back({p.id, p.title, p.kind});
    return out;
}

bool palette_exists(std::string_view id) { return find_palette(id) != nullptr; }

std::vector<Rgb> palette_colors(std::string_view id, int n) {
    const PaletteDef* p = find_palette(id);
    if (!p) throw std::invalid_argument("unknown palette: " + std::string(id));
    // n = 0 (a classification of no values has no classes) gives no colours.
    if (n < 0 || n > 32) throw std::invalid_argument("palette_colors: n must be between 0 and 32");
    if (n == 0) return {};
    const auto pos = anchor_positions(*p);
    std::vector<Rgb> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double t = n == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(n - 1);
        out.push_back(lab_to_rgb(sample(*p, pos, t)));
    }
    return out;
}

} // namespace sespm
