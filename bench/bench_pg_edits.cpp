// bench_pg_edits.cpp: N clients (threads, one server connection each, through the real
// PostgreSQL project store) each make M pledge edits on the South East's districts: read, add
// one, write with the version read. A refused edit (someone changed the row first) is read
// again and retried, so at the end the pledges must sum to N x M exactly: zero lost updates.
// Prints the latency of each saved edit (the store's set_pledge call: one transaction, its
// serialization retries included), p50 / p95 / p99, and the conflicts met.
// Usage: bench_pg_edits LOCATION CLIENTS EDITS CODE,CODE,...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/text.h"
#include "stores/project_store.h"

using namespace sespm;
using Clock = std::chrono::steady_clock;

namespace {

struct Tally {
    std::mutex m;
    std::vector<double> ms;
    long conflicts = 0, failures = 0;
};

void client(const std::string& loc, int edits, const std::vector<std::string>& codes, unsigned seed, Tally& t) {
    std::vector<double> mine;
    long conflicts = 0, failures = 0;
    try {
        auto store = open_project(loc, ProjectAccess::Write);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<size_t> pick(0, codes.size() - 1);
        auto now = store->pledges();
        for (int i = 0; i < edits;) {
            const std::string& code = codes[pick(rng)];
            int next = (now.count(code) ? now[code] : 0) + 1;
            auto t0 = Clock::now();
            try {
                store->set_pledge(code, next);
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                now[code] = next;
                ++i;
            } catch (const ProjectError& e) {
                if (e.kind != ProjectError::Kind::Conflict) { ++failures; std::fprintf(stderr, "%s\n", e.what()); }
                else ++conflicts;
                now = store->pledges();  // read again, as a planner would, and redo the edit
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "client: %s\n", e.what());
        ++failures;
    }
    std::lock_guard<std::mutex> g(t.m);
    t.ms.insert(t.ms.end(), mine.begin(), mine.end());
    t.conflicts += conflicts;
    t.failures += failures;
}

double pct(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    size_t k = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_pg_edits LOCATION CLIENTS EDITS CODE,CODE,...\n");
        return 2;
    }
    std::string loc = argv[1];
    int clients = std::stoi(argv[2]), edits = std::stoi(argv[3]);
    std::vector<std::string> codes = split_list(argv[4], ',');
    long before = 0;
    for (const auto& [c, n] : open_project(loc, ProjectAccess::Read)->pledges()) before += n;
    Tally t;
    auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) threads.emplace_back(client, loc, edits, codes, 1234u + static_cast<unsigned>(c), std::ref(t));
    for (auto& th : threads) th.join();
    double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    long after = 0;
    for (const auto& [c, n] : open_project(loc, ProjectAccess::Read)->pledges()) after += n;
    long saved = static_cast<long>(t.ms.size());
    std::printf("clients %d x edits %d over %zu districts: %ld saved in %.1f s (%.0f edits/s), %ld conflicts re-read and redone, %ld failures\n",
                clients, edits, codes.size(), saved, wall, static_cast<double>(saved) / wall, t.conflicts, t.failures);
    std::printf("edit latency ms: p50 %.2f  p95 %.2f  p99 %.2f\n", pct(t.ms, 50), pct(t.ms, 95), pct(t.ms, 99));
    std::printf("pledges sum %ld -> %ld: %ld added, %ld edits saved: %s\n", before, after, after - before, saved,
                after - before == saved ? "zero lost updates" : "LOST UPDATES");
    return after - before == saved && t.failures == 0 ? 0 : 1;
}
