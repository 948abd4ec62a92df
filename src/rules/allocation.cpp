// allocation.cpp: see allocation.h.
#include "rules/allocation.h"

#include <cstdlib>
#include <sstream>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <stdexcept>

namespace sespm {

std::optional<AllocationRule> parse_allocation_rule(std::string_view s) {
    if (s == "population") return AllocationRule::Population;
    if (s == "headroom") return AllocationRule::Headroom;
    if (s == "equalise" || s == "equalize") return AllocationRule::Equalise;
    if (s == "factors") return AllocationRule::Factors;
    return std::nullopt;
}

long long headroom_places(const AllocationInput& in) {
    return std::max(0LL, static_cast<long long>(std::floor(in.limit)) - static_cast<long long>(std::ceil(in.current)));
}

std::vector<long long> webster_rounding(const std::vector<double>& weight, long long total, const std::vector<long long>& caps) {
    size_t n = weight.size();
    std::vector<long long> out(n, 0);
    using Item = std::pair<double, size_t>;   // priority, index
    auto cmp = [](const Item& a, const Item& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> q(cmp);
    for (size_t i = 0; i < n; ++i)
        if (caps[i] > 0) q.push({weight[i] / 0.5, i});
    for (long long k = 0; k < total && !q.empty(); ++k) {
        size_t i = q.top().second;
        q.pop();
        ++out[i];
        if (out[i] < caps[i]) q.push({weight[i] / (static_cast<double>(out[i]) + 0.5), i});
    }
    return out;
}

// Until all fits or nobody has room.
std::vector<double> capped_proportional(const std::vector<double>& weight, const std::vector<long long>& caps, double total) {
    size_t n = weight.size();
    std::vector<double> share(n, 0);
    std::vector<bool> full(n, false);
    double left = total;
    for (int round = 0; round < static_cast<int>(n) + 1 && left > 1e-9; ++round) {
        double w = 0;
        for (size_t i = 0; i < n; ++i) if (!full[i]) w += weight[i];
        if (w <= 0) break;
        double given = 0;
        for (size_t i = 0; i < n; ++i) {
            if (full[i]) continue;
            double want = left * weight[i] / w;
            double room = static_cast<double>(caps[i]) - share[i];
            double take = std::min(want, room);
            share[i] += take;
            given += take;
            if (take < want - 1e-12) full[i] = true;
        }
        left -= given;
    }
    return share;
}

AllocationResult allocate_by_weight(const std::vector<AllocationInput>& d, long long total, const std::vector<double>& weight) {
    if (total < 0) throw std::invalid_argument("the total to allocate must not be negative");
    if (weight.size() != d.size()) throw std::invalid_argument("one weight per district");
    std::vector<long long> caps(d.size());
    long long room = 0;
    for (size_t i = 0; i < d.size(); ++i) {
        if (!(d[i].population > 0)) throw std::invalid_argument(d[i].code + ": population must be positive");
        if (!(weight[i] >= 0)) throw std::invalid_argument(d[i].code + ": a weight must not be negative");
        caps[i] = headroom_places(d[i]);
        room += caps[i];
    }
    long long fits = std::min(total, room);
    AllocationResult r;
    r.allocated = webster_rounding(weight, fits, caps);
    for (long long a : r.allocated) r.total_allocated += a;
    r.shortfall = total - r.total_allocated;
    return r;
}

AllocationResult allocate(const std::vector<AllocationInput>& d, long long total, AllocationRule rule) {
    if (total < 0) throw std::invalid_argument("the total to allocate must not be negative");
    size_t n = d.size();
    std::vector<long long> caps(n);
    long long room = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!(d[i].population > 0)) throw std::invalid_argument(d[i].code + ": population must be positive");
        caps[i] = headroom_places(d[i]);
        room += caps[i];
    }
    if (rule == AllocationRule::Factors) throw std::invalid_argument("the factors rule needs its factors (allocate_fair_share)");
    if (rule != AllocationRule::Equalise) {
        std::vector<double> weight(n);
        for (size_t i = 0; i < n; ++i)
            weight[i] = rule == AllocationRule::Population ? d[i].population : static_cast<double>(caps[i]);
        return allocate_by_weight(d, total, weight);
    }
    AllocationResult r;
    long long fits = std::min(total, room);
    // Each place to the district whose rate after taking it is lowest (ties: larger headroom,
    // then input order). Greedy increments minimise the maximum rate for integer places.
    r.allocated.assign(n, 0);
    using Item = std::pair<double, size_t>;
    auto rate_after = [&](size_t i) { return (d[i].current + static_cast<double>(r.allocated[i]) + 1) / d[i].population; };
    auto cmp = [&](const Item& a, const Item& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second > b.second;
    };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> q(cmp);
    for (size_t i = 0; i < n; ++i) if (caps[i] > 0) q.push({rate_after(i), i});
    for (long long k = 0; k < fits && !q.empty(); ++k) {
        size_t i = q.top().second;
        q.pop();
        ++r.allocated[i];
        if (r.allocated[i] < caps[i]) q.push({rate_after(i), i});
    }
    for (long long a : r.allocated) r.total_allocated += a;
    r.shortfall = total - r.total_allocated;
    return r;
}

std::string allocation_rule_name(AllocationRule r) {
    switch (r) {
    case AllocationRule::Population: return "population";
    case AllocationRule::Headroom: return "headroom";
    case AllocationRule::Equalise: return "equalise";
    case AllocationRule::Factors: return "factors";
    }
    return "population";
}

namespace {
const std::string kNotePrefix = "Allocated ";
const std::string kModelPrefix = "Fair-share model: ";
bool is_note_line(const std::string& line) {
    return (line.rfind(kNotePrefix, 0) == 0 && line.find(" places by ") != std::string::npos) || line.rfind(kModelPrefix, 0) == 0;
}
} // namespace

std::string allocation_note_line(const AllocationNote& n) {
    return kNotePrefix + std::to_string(n.total) + " places by " + allocation_rule_name(n.rule) + " over " +
           (n.within.empty() ? std::string("all of England") : n.within) + " (" + std::to_string(n.placed) + " placed)" +
           (n.model.empty() ? "" : "\n" + kModelPrefix + n.model);
}

std::string with_allocation_note(const std::string& notes, const AllocationNote& n) {
    std::string out = allocation_note_line(n), line;
    std::istringstream in(notes);
    while (std::getline(in, line))
        if (!is_note_line(line) && !line.empty()) out += "\n" + line;
    return out;
}

std::optional<AllocationNote> allocation_note(const std::string& notes) {
    std::istringstream in(notes);
    std::string line, model;
    std::optional<AllocationNote> found;
    while (std::getline(in, line)) {
        if (line.rfind(kModelPrefix, 0) == 0) { model = line.substr(kModelPrefix.size()); continue; }
        if (!is_note_line(line) || found) continue;
        std::istringstream w(line.substr(kNotePrefix.size()));
        AllocationNote n;
        std::string places, by, rule, over, within;
        if (!(w >> n.total >> places >> by >> rule >> over)) continue;
        auto r = parse_allocation_rule(rule);
        if (!r || places != "places" || by != "by" || over != "over") continue;
        n.rule = *r;
        std::getline(w, within);
        size_t paren = within.rfind(" (");
        if (paren != std::string::npos) {
            n.placed = std::atoll(within.c_str() + paren + 2);
            within = within.substr(0, paren);
        }
        within.erase(0, within.find_first_not_of(' '));
        n.within = within == "all of England" ? "" : within;
        found = n;
    }
    if (found) found->model = model;
    return found;
}

} // namespace sespm
