// measures.cpp: see measures.h.
#include "rules/measures.h"

#include <cmath>
#include <optional>

#include "rules/cell.h"

namespace sespm {

std::string limit_status(double count, double limit, double near_pct) {
    if (count > limit) return "over";
    if (limit > 0 && count / limit * 100.0 >= near_pct) return "near";
    if (limit <= 0 && count > 0) return "over";
    return "under";
}

std::string current_limit_rule(const LayerSpec& spec) {
    if (!spec.limit_label.empty()) return spec.limit_label;
    if (spec.limit_column.empty() || !(spec.limit_per > 0)) return "";
    std::string of = spec.denominator_column == "population" ? "residents" : column_title(spec, spec.denominator_column);
    std::string per = Cell::of_num(spec.limit_per, 0).display();
    if (spec.limit_places == 1) return "1 per " + per + " " + of;
    return Cell::of_num(spec.limit_places, 2).display() + " per " + per + " " + of;
}

namespace {

struct AppliedLimit {
    double per = 200, places = 1;
    std::string label;
};

AppliedLimit applied_limit(const LayerSpec& spec, const FigureData& figures, double ratio_override) {
    AppliedLimit rule{figures.limit_per > 0 ? figures.limit_per : spec.limit_per, figures.limit_per > 0 ? figures.limit_places : spec.limit_places,
                   figures.limit_per > 0 ? figures.limit_rule : spec.limit_label};
    if (ratio_override > 0) rule = {ratio_override, 1, "1 per " + std::to_string(static_cast<long long>(ratio_override)) + " (agreed ratio)"};
    return rule;
}

// places == 1: floor(d / per), exactly as before; 7 per 10,000: floor(d * 7 / 10000)
double limit_of(double denominator, const AppliedLimit& rule) {
    return std::floor(rule.places == 1 ? denominator / rule.per : denominator * rule.places / rule.per);
}

// The sum of the members' own limits (each floored); nullopt when a member has no denominator.
std::optional<double> summed_limit(const LayerSpec& spec, std::span<const std::string> members, const FigureData& figures,
                                   double group_ratio, std::span<const double> member_ratios) {
    double sum = 0;
    for (size_t i = 0; i < members.size(); ++i) {
        auto d = figures.denominator.find(members[i]);
        if (d == figures.denominator.end()) return std::nullopt;
        double own = i < member_ratios.size() && member_ratios[i] > 0 ? member_ratios[i] : group_ratio;
        sum += limit_of(d->second, applied_limit(spec, figures, own));
    }
    return sum;
}

// A value layer's figure for an area: a member's published value as it is; a group's, the
// weight-weighted (population-weighted) mean of its members' values when the layer has a weight
// and every member has both, else none (a rank or a median cannot be summed).
MeasureRow value_measure(const LayerSpec& spec, MeasureRow r, std::span<const std::string> members, const FigureData& figures) {
    double weighted = 0, weights = 0, only = 0;
    bool all_weights = spec.denominator && !members.empty();
    for (const auto& m : members) {
        auto w = figures.denominator.find(m);
        if (w == figures.denominator.end()) all_weights = false;
        else weights += w->second;
        auto v = figures.count.find(m);
        if (v == figures.count.end()) { ++r.members_without_figure; continue; }
        only = v->second;
        if (w != figures.denominator.end()) weighted += v->second * w->second;
    }
    bool complete = !members.empty() && r.members_without_figure == 0;
    if (complete && members.size() == 1) r.rate = only;
    else if (complete && all_weights && weights > 0) r.rate = weighted / weights;
    if (all_weights) r.denominator = weights;
    return r;
}

} // namespace

MeasureRow compute_measure(const LayerSpec& spec, const std::string& code, const std::string& name,
                           std::span<const std::string> native_members, const FigureData& figures,
                           double ratio_override, std::span<const double> member_ratios) {
    MeasureRow r;
    r.code = code;
    r.name = name;
    r.members = static_cast<int>(native_members.size());
    if (spec.kind == LayerKind::Value) return value_measure(spec, std::move(r), native_members, figures);
    double count = 0, denom = 0;
    bool any_count = false, all_denom = !native_members.empty();
    for (const auto& m : native_members) {
        if (auto it = figures.count.find(m); it != figures.count.end()) { count += it->second; any_count = true; }
        else ++r.members_without_figure;
        if (auto it = figures.denominator.find(m); it != figures.denominator.end()) denom += it->second;
        else all_denom = false;
    }
    if (any_count) r.count = count;
    if (spec.denominator && all_denom) r.denominator = denom;
    if (r.count && r.denominator && *r.denominator > 0) r.rate = *r.count / *r.denominator * spec.rate_per;
    if (!spec.limit_column.empty()) {
        AppliedLimit rule = applied_limit(spec, figures, ratio_override);
        r.limit_rule = rule.label;
        r.residents_per_place = rule.per / rule.places;
        if (r.denominator) {
            if (native_members.size() > 1) {
                r.limit = summed_limit(spec, native_members, figures, ratio_override, member_ratios);
                bool mixed = false;
                for (double m : member_ratios) mixed |= m > 0 && m != ratio_override;
                r.limit_rule = mixed ? "the sum of the members' own limits, agreed ratios included" : rule.label + ", the sum of the members' own";
            } else {
                r.limit = limit_of(*r.denominator, rule);
            }
        }
        if (r.count && r.limit) {
            r.headroom = *r.limit - *r.count;
            if (*r.limit > 0) r.share_pct = *r.count / *r.limit * 100.0;
            r.status = limit_status(*r.count, *r.limit, spec.near_share_pct);
        } else {
            r.status = "no figure";
        }
    }
    r.user.assign(spec.user_columns.size(), std::nullopt);
    for (size_t k = 0; k < spec.parts.size(); ++k) {
        std::optional<double> sum;
        if (k < figures.parts.size())
            for (const auto& m : native_members) {
                // a part of a member whose total is not published is not published either
                if (!figures.count.count(m)) continue;
                if (auto it = figures.parts[k].find(m); it != figures.parts[k].end()) sum = sum.value_or(0) + it->second;
            }
        r.parts.push_back(sum);
    }
    return r;
}

std::optional<double> measure_value(const LayerSpec& spec, const MeasureRow& row, const std::string& column) {
    if (!spec.count_column.empty() && column == spec.count_column) return row.count;
    if (spec.denominator && column == spec.denominator_column) return row.denominator;
    if ((spec.denominator || spec.kind == LayerKind::Value) && column == spec.rate_column) return row.rate;
    if (!spec.limit_column.empty()) {
        if (column == spec.limit_column) return row.limit;
        if (column == spec.headroom_column) return row.headroom;
        if (column == spec.share_column) return row.share_pct;
    }
    for (size_t i = 0; i < spec.user_columns.size(); ++i)
        if (column == spec.user_columns[i] && i < row.user.size()) return row.user[i];
    for (size_t k = 0; k < spec.parts.size(); ++k)
        if (column == spec.parts[k].column && k < row.parts.size()) return row.parts[k];
    return std::nullopt;
}

std::vector<std::string> measure_columns(const LayerSpec& spec) {
    std::vector<std::string> c{"code", "name"};
    if (spec.kind == LayerKind::Value) {
        if (spec.denominator) c.push_back(spec.denominator_column);
        c.push_back(spec.rate_column);
        return c;
    }
    if (spec.denominator) c.push_back(spec.denominator_column);
    c.push_back(spec.count_column);
    for (const auto& p : spec.parts) c.push_back(p.column);
    if (spec.denominator) c.push_back(spec.rate_column);
    if (!spec.limit_column.empty()) {
        c.push_back(spec.limit_column);
        c.push_back(spec.headroom_column);
        c.push_back(spec.share_column);
        c.push_back(spec.status_column);
        if (!spec.limit_rule_column.empty()) c.push_back(spec.limit_rule_column);
    }
    for (const auto& u : spec.user_columns) c.push_back(u);
    return c;
}

} // namespace sespm
