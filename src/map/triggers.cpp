// triggers.cpp: see triggers.h.
#include "map/triggers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rules/periods.h"

namespace sespm {

std::string trigger_status(std::optional<double> share_pct, double trigger_pct) {
    if (!share_pct) return "";
    if (*share_pct >= trigger_pct) return "reached";
    if (*share_pct >= trigger_pct - 10) return "within 10 points";
    return "below";
}

std::optional<double> quarters_to(std::optional<double> now, std::optional<double> four_before, std::optional<double> target) {
    if (!now || !four_before || !target) return std::nullopt;
    if (*now >= *target) return 0.0;
    double step = (*now - *four_before) / 4.0;
    if (!(step > 0)) return std::nullopt;
    return std::ceil((*target - *now) / step);
}

bool quarterly_at(const std::vector<std::string>& periods, const std::string& period) {
    auto it = std::find(periods.begin(), periods.end(), period);
    if (it == periods.end() || it - periods.begin() < 4) return false;
    for (auto p = it - 4; p != it; ++p)
        if (months_between(*p, *(p + 1)) != 3) return false;
    return true;
}

namespace {

// The layer at another period, rows in the same order as `r`.
LayerResult at_period(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, const std::string& period) {
    EvaluateOptions o = opt;
    o.period = period;
    return evaluate_layer(atlas, spec, o);
}

std::string four_quarters_before(const std::vector<std::string>& periods, const std::string& period) {
    auto it = std::find(periods.begin(), periods.end(), period);
    return *(it - 4);
}

} // namespace

void add_trigger_columns(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                         const std::map<std::string, double>& triggers, LayerResult& r) {
    if (spec.limit_column.empty() || spec.kind != LayerKind::Rate) return;
    bool quarterly = quarterly_at(r.periods, r.period);
    r.columns.insert(r.columns.end(), {"trigger_pct", "trigger_status"});
    if (quarterly) r.columns.insert(r.columns.end(), {"extrapolated_quarters_to_trigger", "extrapolated_quarters_to_limit"});
    std::optional<LayerResult> before;
    if (quarterly) before = at_period(atlas, spec, opt, four_quarters_before(r.periods, r.period));
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const MeasureRow& m = r.measures[i];
        auto t = triggers.find(m.code);
        std::optional<double> pct = t == triggers.end() ? std::nullopt : std::optional<double>(t->second);
        r.rows[i].push_back(Cell::of_num(pct, 1));
        r.rows[i].push_back(Cell::of_text(pct ? trigger_status(m.share_pct, *pct) : ""));
        if (!quarterly) continue;
        std::optional<double> was = before->measures[i].count, target;
        if (pct && m.limit) target = *pct / 100.0 * *m.limit;
        r.rows[i].push_back(Cell::of_num(quarters_to(m.count, was, target), 0));
        r.rows[i].push_back(Cell::of_num(quarters_to(m.count, was, m.limit), 0));
    }
}

void add_trigger_cells(const LayerSpec& spec, const std::map<std::string, double>& triggers,
                       std::vector<std::string>& columns, std::vector<std::vector<Cell>>& rows) {
    if (spec.limit_column.empty() || spec.kind != LayerKind::Rate) return;
    size_t sc = std::find(columns.begin(), columns.end(), spec.share_column) - columns.begin();
    if (sc == columns.size()) return;
    columns.insert(columns.end(), {"trigger_pct", "trigger_status"});
    for (auto& row : rows) {
        auto t = triggers.find(row[0].text);
        std::optional<double> pct = t == triggers.end() ? std::nullopt : std::optional<double>(t->second);
        std::optional<double> share = row[sc].num;
        row.push_back(Cell::of_num(pct, 1));
        row.push_back(Cell::of_text(pct ? trigger_status(share, *pct) : ""));
    }
}

std::vector<TriggerAlert> trigger_alerts(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                                         const std::map<std::string, double>& triggers) {
    std::vector<TriggerAlert> out;
    if (spec.limit_column.empty() || spec.kind != LayerKind::Rate || triggers.empty()) return out;
    std::vector<std::string> periods = layer_periods(atlas, spec);
    std::vector<std::string> window{periods.empty() ? std::string() : periods.back()};
    if (!periods.empty() && quarterly_at(periods, periods.back())) window.assign(periods.end() - 4, periods.end());
    std::vector<LayerResult> rs;
    for (const auto& p : window) rs.push_back(at_period(atlas, spec, opt, p));
    for (size_t i = 0; i < rs.back().measures.size(); ++i) {
        const MeasureRow& latest = rs.back().measures[i];
        auto t = triggers.find(latest.code);
        if (t == triggers.end()) continue;
        for (size_t k = rs.size(); k-- > 0;) {
            const MeasureRow& m = rs[k].measures[i];
            if (!m.share_pct || *m.share_pct < t->second) continue;
            out.push_back({latest.code, latest.name, std::string(geography_name(opt.geography)), t->second, window[k],
                           m.share_pct, latest.share_pct, window.back()});
            break;
        }
    }
    return out;
}

std::string alert_line(const LayerSpec& spec, const TriggerAlert& a) {
    char buf[64];
    auto pct = [&](std::optional<double> v) {
        if (!v) return std::string("no figure");
        std::snprintf(buf, sizeof buf, "%.1f%%", *v);
        return std::string(buf);
    };
    std::snprintf(buf, sizeof buf, "%g%%", a.trigger_pct);
    std::string trig = buf;
    return "trigger reached: " + a.code + " " + a.name + " (" + spec.id + "): " + pct(a.share_then) + " of the limit at " +
           a.reached_at + " against its trigger of " + trig + " (latest " + a.latest_period + ": " + pct(a.share_latest) + ")";
}

void add_cluster_triggers(const std::map<std::string, double>& triggers, ScenarioOutcome& o) {
    for (auto& c : o.clusters) {
        auto t = triggers.find("cluster:" + c.name);
        if (t == triggers.end()) continue;
        c.trigger_pct = t->second;
        c.trigger_status = trigger_status(c.share_pct, t->second);
    }
}

std::string cluster_trigger_text(const ClusterOutcome& c) {
    if (!c.trigger_pct) return "";
    return "trigger " + Cell::of_num(*c.trigger_pct, *c.trigger_pct == static_cast<long long>(*c.trigger_pct) ? 0 : 1).format() +
           "%: " + c.trigger_status;
}

} // namespace sespm
