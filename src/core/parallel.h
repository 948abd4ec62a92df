// parallel.h: the one way the program splits work over threads: run `work(t)` for t in
// 0..threads-1 (t = 0 on the calling thread), then rethrow the first failure as a DataError.
// Each task makes its own GEOS/PROJ contexts; results go into slots the task alone writes.
#pragma once
#include <algorithm>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"

namespace sespm {

// Threads for n items: one when there is little to share, else up to 4 (the cores there are).
inline size_t worker_count(size_t n, size_t worth_sharing) {
    if (n <= worth_sharing) return 1;
    return std::max<size_t>(1, std::min<size_t>(4, std::thread::hardware_concurrency()));
}

inline void run_on_threads(size_t threads, const std::function<void(size_t)>& work) {
    std::vector<std::string> errors(threads);
    auto guarded = [&](size_t t) {
        try {
            work(t);
        } catch (const std::exception& e) {
            errors[t] = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    guarded(0);
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
        if (!e.empty()) throw DataError(e);
}

} // namespace sespm
