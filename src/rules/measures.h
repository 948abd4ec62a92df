// measures.h: the figures of a rate layer per area and their derived measures: rate, limit
// (e.g. the asylum-dispersal cluster limit, 1 place per 200 residents, or the NTS threshold of
// 0.1% of children), headroom, share of the limit and status. Groups of areas sum counts and
// denominators and recompute the rates: rates are never averaged. A value layer (a ratio, rank
// or median published without counts) keeps its figure in the rate slot; its groups are
// population-weighted means of complete members, or have no figure. Pure computation, no I/O.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/layer_spec.h"

namespace sespm {

// Published figures keyed by the code of the layer's native geography. Absent = not published.
struct FigureData {
    std::unordered_map<std::string, double> count;
    std::unordered_map<std::string, double> denominator;
    std::vector<std::unordered_map<std::string, double>> parts;   // one per spec.parts
    // The limit rule of this period when it differs from the layer's current one (per > 0):
    // limit = floor(denominator * limit_places / limit_per).
    double limit_per = 0, limit_places = 1;
    std::string limit_rule;             // which rule applies, e.g. "0.07% of children"
};

struct MeasureRow {
    std::string code, name;
    std::optional<double> count, denominator, rate;
    std::optional<double> limit, headroom, share_pct;
    std::string status;                 // over, near, under, no figure (only with a limit)
    std::string limit_rule;             // the rule the limit used (layers that name it)
    double residents_per_place = 0;     // the ratio used for the limit (after any override)
    int members = 0;                    // native areas summed
    int members_without_figure = 0;     // of which had no published count
    std::vector<std::optional<double>> user;  // one per spec.user_columns
    std::vector<std::optional<double>> parts; // one per spec.parts (missing when no member has one)
};

// Sums the members' figures and derives the measures. `ratio_override` > 0 replaces
// spec.limit_per for this area. A count is missing only when no member has a published count;
// the denominator is missing when any member lacks one. A group's limit (more than one member)
// is the sum of its members' own limits, each floored by its own rule: `member_ratios` (one
// per member, 0 = none) are the members' agreed ratios, which come before the group's
// `ratio_override`; so a table's rows always add up to its total row.
MeasureRow compute_measure(const LayerSpec& spec, const std::string& code, const std::string& name,
                           std::span<const std::string> native_members, const FigureData& figures,
                           double ratio_override = 0, std::span<const double> member_ratios = {});

// Status word for a share of the limit: "over" above 100%, "near" at or above near_pct,
// otherwise "under".
std::string limit_status(double count, double limit, double near_pct);

// The layer's current limit rule in words, for headings: its "limit.label" when it names one,
// else "1 per 200 residents" (limit.per, with the denominator's name); "" without a limit.
std::string current_limit_rule(const LayerSpec& spec);

// The value of a named output column of a row (count, denominator, rate, limit, headroom,
// share, or a user column), by the names the spec gives them; nullopt if missing or unknown.
std::optional<double> measure_value(const LayerSpec& spec, const MeasureRow& row, const std::string& column);

// The column a series is followed by over time (charts, sparklines, change since): the count,
// or a value layer's value.
inline const std::string& charted_column(const LayerSpec& spec) {
    return spec.kind == LayerKind::Value ? spec.rate_column : spec.count_column;
}

// Column names of a rate layer's table, in order: code, name, denominator, count, rate,
// limit, headroom, share, status, user columns (those the spec defines). A value layer's:
// code, name, its weight (when it has one), its value.
std::vector<std::string> measure_columns(const LayerSpec& spec);

} // namespace sespm
