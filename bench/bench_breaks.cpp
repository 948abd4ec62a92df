// bench_breaks.cpp: owns the natural-breaks timing benchmark (target bench_breaks, linked to
// sespm_core). Times exact natural_breaks() on 7,681 synthetic values (the number of wards
// in England) for k = 5 and 7, best of 20 runs, and prints milliseconds. The samples are
// deterministic pseudo-random lognormal values, once all distinct (the worst case) and once
// rounded to one decimal like a published rate (ties shrink the DP); no data files are read.
#include "rules/classify.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

std::vector<double> synthetic_sample(std::size_t n, bool rounded) {
    std::uint64_t s = 0x5e5b3a9d2c1f4e67ULL;
    auto uniform = [&s] {   // (0, 1) from a 64-bit LCG with xorshift output
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        std::uint64_t x = s ^ (s >> 29);
        x ^= x << 17;
        return (static_cast<double>(x >> 11) + 0.5) / 9007199254740992.0;
    };
    std::vector<double> v(n);
    for (auto& x : v) {
        const double z = std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
        x = std::exp(3.0 + 0.6 * z);
        if (rounded) x = std::round(x * 10.0) / 10.0;
    }
    std::sort(v.begin(), v.end());
    return v;
}

void bench(const char* name, const std::vector<double>& values) {
    std::size_t distinct = values.empty() ? 0 : 1;
    for (std::size_t i = 1; i < values.size(); ++i) distinct += values[i] != values[i - 1];
    std::printf("%s: %zu values, %zu distinct (best of 20 runs)\n", name, values.size(), distinct);
    for (int k : {5, 7}) {
        double best_ms = 1e300;
        std::vector<double> breaks;
        for (int run = 0; run < 20; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            breaks = sespm::natural_breaks(values, k);
            const auto t1 = std::chrono::steady_clock::now();
            best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        std::printf("  k=%d: %.3f ms  breaks:", k, best_ms);
        for (double b : breaks) std::printf(" %g", b);
        std::printf("\n");
    }
}

} // namespace

int main() {
    bench("continuous", synthetic_sample(7681, false));
    bench("rounded to 0.1", synthetic_sample(7681, true));
    return 0;
}
