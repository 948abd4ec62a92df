// what_changed.cpp: ranks the areas' changes between two periods of their series and finds the
// ones that crossed the limit or their trigger.
#include "trends/what_changed.h"

#include <algorithm>

#include "core/error.h"
#include "rules/dated_change.h"
#include "rules/periods.h"

namespace sespm {

namespace {

struct AreaSeries {
    std::string code, name;
    const std::vector<SeriesPoint>* points;
};

const SeriesPoint* at_period(const AreaSeries& a, const std::string& period) {
    for (const auto& p : *a.points) if (p.period == period) return &p;
    return nullptr;
}

// The largest rises (or falls) of the count (a value layer's value) from `since` to `period`; unchanged areas and areas
// missing either figure are left out.
ChangeList ranked(const std::vector<AreaSeries>& areas, const std::string& since, const std::string& period, bool rises,
                  size_t top) {
    ChangeList l{rises ? "rise" : "fall", since, true, {}};
    for (const auto& a : areas) {
        const SeriesPoint *b = at_period(a, since), *n = at_period(a, period);
        if (!b || !n || !b->charted || !n->charted) continue;   // the count, or a value layer's value
        double d = *n->charted - *b->charted;
        if (rises ? d > 0 : d < 0) l.items.push_back({a.code, a.name, b->charted, n->charted, d, std::nullopt});
    }
    std::stable_sort(l.items.begin(), l.items.end(), [&](const ChangeItem& x, const ChangeItem& y) {
        return rises ? *x.change > *y.change : *x.change < *y.change;
    });
    if (l.items.size() > top) l.items.resize(top);
    return l;
}

// Areas at `period` over their limit (count above it, as `table`'s status "over") that were not
// over it (or had no figure) at `since`; before/after are shares of the limit in percent.
ChangeList newly_over_limit(const std::vector<AreaSeries>& areas, const std::string& since, const std::string& period) {
    ChangeList l{"newly over the limit", since, true, {}};
    auto over = [](const SeriesPoint* p) { return p && p->count && p->limit && *p->count > *p->limit; };
    for (const auto& a : areas) {
        const SeriesPoint *b = at_period(a, since), *n = at_period(a, period);
        if (!over(n) || over(b)) continue;
        std::optional<double> before = b ? b->share_pct : std::nullopt;
        std::optional<double> d = before && n->share_pct ? std::optional<double>(*n->share_pct - *before) : std::nullopt;
        l.items.push_back({a.code, a.name, before, n->share_pct, d, std::nullopt});
    }
    return l;
}

// Areas whose share of the limit (as `table` prints it) reached their agreed trigger at `period`
// but was below it (or had no figure) at `since`.
ChangeList newly_at_trigger(const std::vector<AreaSeries>& areas, const std::string& since, const std::string& period,
                            const std::map<std::string, double>& triggers) {
    ChangeList l{"newly at the trigger", since, true, {}};
    for (const auto& a : areas) {
        auto t = triggers.find(a.code);
        const SeriesPoint *b = at_period(a, since), *n = at_period(a, period);
        if (t == triggers.end() || !n || !n->share_pct || *n->share_pct < t->second) continue;
        std::optional<double> before = b ? b->share_pct : std::nullopt;
        if (before && *before >= t->second) continue;
        std::optional<double> d = before ? std::optional<double>(*n->share_pct - *before) : std::nullopt;
        l.items.push_back({a.code, a.name, before, n->share_pct, d, t->second});
    }
    return l;
}

} // namespace

WhatChanged what_changed(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                         const std::map<std::string, double>& triggers, size_t top) {
    if (!spec.temporal()) throw UsageError("layer '" + spec.id + "' is not a time series: nothing changes over time");
    LayerResult r = evaluate_layer(atlas, spec, opt);
    auto series = layer_series(atlas, spec, opt);
    WhatChanged w;
    w.period = r.period;
    auto published = [&](const std::string& date) { return std::find(r.periods.begin(), r.periods.end(), date) != r.periods.end(); };
    if (!r.periods.empty() && r.periods.front() < r.period) {  // the dates of the one rule (rules/dated_change)
        int step = period_step_months(r.periods);
        w.previous_period = change_by_date(r.periods, {}, r.period, step > 0 ? step : 3).since;
        if (step < 12) w.year_before_period = change_by_date(r.periods, {}, r.period, 12).since;
    }
    std::vector<AreaSeries> areas;
    for (size_t i = 0; i < series.size() && i < r.rows.size(); ++i) areas.push_back({r.rows[i][0].text, r.rows[i][1].text, &series[i]});
    for (const std::string& since : {w.previous_period, w.year_before_period}) {
        if (since.empty()) continue;
        if (!published(since)) {  // said, never replaced by another date
            w.lists.push_back({"rise", since, false, {}});
            w.lists.push_back({"fall", since, false, {}});
            continue;
        }
        w.lists.push_back(ranked(areas, since, w.period, true, top));
        w.lists.push_back(ranked(areas, since, w.period, false, top));
    }
    if (!spec.limit_column.empty() && !w.previous_period.empty()) {
        bool pub = published(w.previous_period);
        w.lists.push_back(pub ? newly_over_limit(areas, w.previous_period, w.period) : ChangeList{"newly over the limit", w.previous_period, false, {}});
        w.lists.push_back(pub ? newly_at_trigger(areas, w.previous_period, w.period, triggers)
                              : ChangeList{"newly at the trigger", w.previous_period, false, {}});
    }
    return w;
}

} // namespace sespm
