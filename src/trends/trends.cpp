// trends.cpp: see trends.h.
#include "trends/trends.h"

#include <map>
#include <set>

#include "core/error.h"
#include "rules/periods.h"

namespace sespm {

namespace {

// Keeps the rows of `codes` (all when empty); UsageError for a code that is not selected.
std::vector<size_t> rows_for_codes(const LayerResult& r, const std::vector<std::string>& codes) {
    std::vector<size_t> out;
    if (codes.empty()) {
        for (size_t i = 0; i < r.rows.size(); ++i) out.push_back(i);
        return out;
    }
    std::map<std::string, size_t> by_code;
    for (size_t i = 0; i < r.rows.size(); ++i) by_code[r.rows[i][0].text] = i;
    for (const auto& c : codes) {
        auto it = by_code.find(c);
        if (it == by_code.end())
            throw SettingError("codes", clip(c), "not an area of the selected " + std::string(geography_name(r.geography)) +
                             "s (check {geography} and {within})");
        out.push_back(it->second);
    }
    return out;
}

} // namespace

TrendTable trend_table(Atlas& atlas, const LayerSpec& spec, const TrendRequest& req) {
    if (!spec.temporal()) throw UsageError("trend: layer '" + spec.id + "' is not a time series (" + spec.period + ")");
    TrendTable t;
    t.periods = periods_between(layer_periods(atlas, spec), req.from, req.to, spec.id);
    for (const auto& p : t.periods) {
        EvaluateOptions o = req.base;
        o.period = p;
        t.results.push_back(evaluate_layer(atlas, spec, o));
    }
    const LayerResult& first = t.results.front();
    t.columns = {"code", "name", "period"};
    t.columns.insert(t.columns.end(), first.columns.begin() + 2, first.columns.end());
    std::vector<size_t> keep = rows_for_codes(first, req.codes);
    for (size_t i : keep)
        for (size_t k = 0; k < t.results.size(); ++k) {
            const auto& src = t.results[k].rows[i];
            std::vector<Cell> row{src[0], src[1], Cell::of_text(t.periods[k])};
            row.insert(row.end(), src.begin() + 2, src.end());
            t.rows.push_back(std::move(row));
        }
    return t;
}

void add_change_columns(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, const std::string& since,
                        LayerResult& r) {
    if (!spec.temporal()) throw SettingError("since", "", "layer '" + spec.id + "' is not a time series (" + spec.period + ")");
    EvaluateOptions o = opt;
    o.period = choose_period(r.periods, since, spec.id, "since");
    if (o.period > r.period)
        throw SettingError("since", since, "is after the period shown (" + r.period + "); give an earlier date or a later {period}");
    LayerResult before = evaluate_layer(atlas, spec, o);
    std::map<std::string, std::optional<double>> prev;
    const std::string& followed = charted_column(spec);   // the count, or a value layer's value
    int decimals = spec.kind == LayerKind::Value ? spec.rate_decimals : 0;
    for (const auto& m : before.measures) prev[m.code] = measure_value(spec, m, followed);
    r.columns.insert(r.columns.end(), {"previous", "change", "change_pct"});
    for (size_t i = 0; i < r.rows.size(); ++i) {
        std::optional<double> p = prev[r.measures[i].code], now = measure_value(spec, r.measures[i], followed), ch, pct;
        if (p && now) ch = *now - *p;
        if (ch && *p > 0) pct = *ch / *p * 100.0;
        r.rows[i].push_back(Cell::of_num(p, decimals));
        r.rows[i].push_back(Cell::of_num(ch, decimals));
        r.rows[i].push_back(Cell::of_num(pct, 1));
    }
}

} // namespace sespm
