// period_rules.cpp: see period_rules.h.
#include "rules/period_rules.h"

#include <cstdlib>

#include "rules/periods.h"

namespace sespm {

size_t estimate_for_period(const std::vector<FigureSource>& estimates, const std::string& period) {
    for (size_t i = 0; i < estimates.size(); ++i)
        if (!estimates[i].until.empty() && period <= estimates[i].until) return i;
    size_t best = estimates.size();
    long best_days = 0;
    for (size_t i = 0; i < estimates.size(); ++i) {
        if (!estimates[i].until.empty()) continue;
        long d = std::labs(days_of(period) - days_of(estimates[i].as_at));
        if (best == estimates.size() || d < best_days) { best = i; best_days = d; }
    }
    return best == estimates.size() ? estimates.size() - 1 : best;
}

const LimitRule* limit_rule_for_period(const LayerSpec& spec, const std::string& period) {
    if (period.empty()) return nullptr;
    for (const auto& rule : spec.limit_history)
        if (period <= rule.until) return &rule;
    return nullptr;
}

} // namespace sespm
