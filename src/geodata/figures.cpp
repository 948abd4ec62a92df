// figures.cpp: see figures.h.
#include "geodata/figures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "core/bad_rows.h"
#include "core/csv.h"
#include "core/data_dir.h"
#include "core/error.h"
#include "rules/period_rules.h"
#include "rules/periods.h"
#include "geodata/areas.h"

namespace sespm {

std::string join_code(const std::string& code) {
    std::string c = trim(code);
    for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return c;
}

namespace {

enum class FigureKind { Count, Denominator, Value, Weight };  // Value: any number, as published; Weight: positive

// The reason a published value cannot be used, or "" when it can.
std::string value_problem(double v, const std::string& cell, FigureKind kind) {
    if (kind == FigureKind::Value) return "";
    if (kind == FigureKind::Weight) return v > 0 ? "" : "'" + cell + "' is not a weight (a positive number); blank it if it is not published";
    if (v != std::floor(v))
        return "'" + cell + "' is not a whole number; a " +
               (kind == FigureKind::Count ? "count" : "denominator (a number of people)") + " must be";
    if (kind == FigureKind::Denominator && v == 0)
        return "the denominator is 0: rates and limits cannot be computed from it (blank it if it is not published)";
    return "";
}

using ByPeriod = std::map<std::string, std::unordered_map<std::string, double>>;  // period -> code -> value

// Old code -> current code, from a lookup with `code` and `legacy_codes` (";"-separated).
using Crosswalk = std::unordered_map<std::string, std::string>;

Crosswalk read_crosswalk(const std::string& data_dir, const LayerSpec& spec, const std::string& rel) {
    CsvTable t = read_csv(resolve_in_data_dir(data_dir, rel, spec.path, "crosswalk"));
    int cc = t.require_column("code"), lc = t.require_column("legacy_codes");
    Crosswalk out;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        std::string code = join_code(t.rows[r][cc]);
        if (!out.count(code)) out[code] = code;
        std::string cur;
        for (char ch : t.rows[r][lc] + ";") {
            if (ch != ';') { cur += ch; continue; }
            std::string old = join_code(cur);
            cur.clear();
            if (old.empty()) continue;
            if (auto it = out.find(old); it != out.end() && it->second != code && it->first != it->second)
                throw DataError(where(t.path, t.row_line[r], "legacy_codes", old + " is already recoded to " + it->second));
            out[old] = code;
        }
    }
    return out;
}

struct ColumnRead {
    std::string key, value, period_column, fixed_period;
    FigureKind kind = FigureKind::Count;
    const Crosswalk* crosswalk = nullptr;
};

// The period of a row ("" when not a time series); `error` says why it is not usable.
std::string row_period(const CsvTable& t, const ColumnRead& c, int pc, size_t r, std::string& error) {
    if (pc < 0) return c.fixed_period;
    std::string p = trim(t.rows[r][pc]);
    if (!is_iso_date(p)) error = "'" + p + "' is not a period (a date YYYY-MM-DD)";
    return p;
}

// Reads period -> code -> value from `t`; `dest` gets only published values (a crosswalked code
// with any unpublished part gets none). Bad rows are rejected (logged with line and reason),
// never dropped silently.
// Where each count came from, for messages about it: (period, joined code) -> file and line.
struct CountRows {
    std::vector<std::string> files;                                            // each count file once
    std::map<std::pair<std::string, std::string>, std::pair<size_t, long>> at;  // -> file index, line
};

void read_column(const CsvTable& t, const ColumnRead& c, ByPeriod& dest, std::vector<std::string>* codes,
                 std::set<std::string>* codes_seen, CountRows* rows = nullptr) {
    int kc = t.require_column(c.key), vc = t.require_column(c.value);
    int pc = c.period_column.empty() ? -1 : t.require_column(c.period_column);
    std::map<std::pair<std::string, std::string>, std::pair<std::optional<double>, long>> seen;
    std::set<std::pair<std::string, std::string>> blank;   // (period, current code) with an unpublished part
    RowRejections bad{t.path, false, {}};
    size_t good = 0;
    if (rows) rows->files.push_back(t.path);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        std::string shown = trim(row[kc]), code = join_code(row[kc]);
        long line = t.row_line[r];
        if (code.empty()) { bad.add(line, c.key, "the code is empty"); continue; }
        std::string perr;
        std::string period = row_period(t, c, pc, r, perr);
        if (!perr.empty()) { bad.add(line, c.period_column, perr + " (code " + shown + ")"); continue; }
        FigureParse f = parse_figure_text(row[vc], c.kind == FigureKind::Value);
        if (f.error.empty() && f.value) f.error = value_problem(*f.value, trim(row[vc]), c.kind);
        if (!f.error.empty()) { bad.add(line, c.value, f.error + " (code " + shown + ")"); continue; }
        if (auto it = seen.find({period, code}); it != seen.end()) {
            if (it->second.first != f.value)
                throw DataError(where(t.path, line, c.value, "code " + shown + " appears again" + (period.empty() ? "" : " for " + period) +
                                      " with a different value (first on line " + std::to_string(it->second.second) + ")"));
            continue;
        }
        ++good;
        seen[{period, code}] = {f.value, line};
        std::string to = code;
        if (c.crosswalk) if (auto it = c.crosswalk->find(code); it != c.crosswalk->end()) to = it->second;
        // the join report names codes as written, or as recoded when a crosswalk recoded them
        if (codes && codes_seen->insert(to).second) codes->push_back(to == code ? shown : to);
        auto& per = dest[period];
        if (rows) rows->at.emplace(std::make_pair(period, to), std::make_pair(rows->files.size() - 1, line));
        if (!f.value) { blank.insert({period, to}); continue; }
        per[to] += *f.value;
    }
    for (const auto& [period, code] : blank) dest[period].erase(code);
    bad.finish(good, "rows");
}

CsvTable read_source(const std::string& data_dir, const LayerSpec& spec, const std::string& rel, const std::string& field) {
    return read_csv(resolve_in_data_dir(data_dir, rel, spec.path, field));
}

const Crosswalk* crosswalk_for(const std::string& data_dir, const LayerSpec& spec, const std::string& rel,
                               std::map<std::string, Crosswalk>& walks) {
    if (rel.empty()) return nullptr;
    if (!walks.count(rel)) walks[rel] = read_crosswalk(data_dir, spec, rel);
    return &walks[rel];
}

// A layer whose count files are pathways (Reg_02's "all 3 pathways": supported asylum, Homes for
// Ukraine, Afghan resettlement): each period's count is the sum of every pathway's figure, for the
// areas every pathway has a figure for (a part missing would make the sum too low); a period that
// one pathway lacks is a DataError naming it.
void add_pathways(const LayerSpec& spec, std::map<std::string, std::map<std::string, std::unordered_map<std::string, double>>>& by_pathway,
                  ByPeriod& counts) {
    std::set<std::string> all;
    for (const auto& f : spec.counts) if (!f.pathway.empty()) all.insert(f.pathway);
    for (auto& [period, parts] : by_pathway) {
        for (const auto& p : all)
            if (!parts.count(p))
                throw DataError(where(spec.path, 0, "count", "the period " + period + " has no figures for the pathway '" + p +
                                                             "': its count would be only a part"));
        auto& sum = counts[period];
        for (const auto& [code, v] : parts.begin()->second) {
            double total = 0;
            bool every = true;
            for (const auto& [p, values] : parts) {
                auto it = values.find(code);
                if (it == values.end()) { every = false; break; }
                total += it->second;
            }
            if (every) sum[code] = total;
        }
    }
}

// Counts (and per-row denominators) of every count file, by period.
void read_count_files(const std::string& data_dir, const LayerSpec& spec, LoadedFigures& out, ByPeriod& counts,
                      ByPeriod& row_denoms, std::vector<ByPeriod>& parts, std::map<std::string, Crosswalk>& walks,
                      CountRows& count_rows) {
    std::set<std::string> codes_seen;
    std::map<std::string, std::string> period_file;  // a period may come from one file only (of each pathway)
    std::map<std::string, std::map<std::string, std::unordered_map<std::string, double>>> by_pathway;  // period -> pathway -> code
    parts.assign(spec.parts.size(), {});
    for (size_t i = 0; i < spec.counts.size(); ++i) {
        const FigureSource& src = spec.counts[i];
        std::string field = spec.kind == LayerKind::Value ? "value.file"
                            : spec.counts.size() == 1 ? "count.file" : "count[" + std::to_string(i) + "].file";
        CsvTable t = read_source(data_dir, spec, src.file, field);
        if (i == 0) out.count_file = t.path;
        ColumnRead c{src.key, src.value, src.period_column, src.as_at,
                     spec.kind == LayerKind::Value ? FigureKind::Value : FigureKind::Count,
                     crosswalk_for(data_dir, spec, src.crosswalk, walks)};
        ByPeriod mine;
        read_column(t, c, mine, &out.source_codes, &codes_seen, &count_rows);
        for (auto& [period, values] : mine) {
            std::string key = src.pathway + "|" + period;
            if (auto it = period_file.find(key); it != period_file.end())
                throw DataError(where(t.path, 0, src.period_column.empty() ? "as_at" : src.period_column,
                                      "the period " + period + " is also in " + it->second + " (layer " + spec.path + ")"));
            period_file[key] = t.path;
            if (src.pathway.empty()) counts[period] = std::move(values);
            else by_pathway[period][src.pathway] = std::move(values);
        }
        for (size_t k = 0; k < spec.parts.size(); ++k) {
            ColumnRead pc = c;
            pc.value = spec.parts[k].value;
            read_column(t, pc, parts[k], nullptr, nullptr);
        }
        if (spec.denominator && spec.estimates.empty() && spec.denominator->file.empty()) {
            c.value = spec.denominator->value;
            c.kind = spec.kind == LayerKind::Value ? FigureKind::Weight : FigureKind::Denominator;
            read_column(t, c, row_denoms, nullptr, nullptr);
        }
    }
    add_pathways(spec, by_pathway, counts);
}

// Each dated estimate (or the one denominator file), read once.
std::vector<std::unordered_map<std::string, double>> read_estimates(const std::string& data_dir, const LayerSpec& spec,
                                                                    const std::vector<FigureSource>& est,
                                                                    std::map<std::string, Crosswalk>& walks) {
    std::vector<std::unordered_map<std::string, double>> out(est.size());
    for (size_t i = 0; i < est.size(); ++i) {
        std::string key = spec.kind == LayerKind::Value ? "weight" : "denominator";
        CsvTable d = read_source(data_dir, spec, est[i].file, key + (spec.estimates.empty() ? ".file" : ".estimates.file"));
        ByPeriod v;
        read_column(d, ColumnRead{est[i].key, est[i].value, "", "", FigureKind::Denominator,
                                  crosswalk_for(data_dir, spec, est[i].crosswalk, walks)},
                    v, nullptr, nullptr);
        out[i] = std::move(v[""]);
    }
    return out;
}

// A count above the denominator it is part of (300,000 people against 208,100 residents was
// shown as 144%) is a wrong figure: its row is rejected, named by file, line and field, and
// the area has no figure for that period.
void reject_counts_above_denominator(const LayerSpec& spec, const CountRows& rows, PeriodFigures& p) {
    std::vector<std::string> drop;
    for (const auto& [code, n] : p.data.count) {
        auto d = p.data.denominator.find(code);
        if (d == p.data.denominator.end() || !(n > d->second)) continue;
        drop.push_back(code);
        auto from = rows.at.find({p.period, code});
        RejectedRow r;
        r.file = from == rows.at.end() ? spec.path : rows.files[from->second.first];
        r.line = from == rows.at.end() ? 0 : from->second.second;
        r.field = spec.counts.front().value;
        r.reason = "the count " + short_number(n) + " for " + code + (p.period.empty() ? "" : " at " + p.period) + " is more than its " +
                   short_number(d->second) + " (" + p.denominator_label + "), which it is part of; the area is shown with no figure";
        input_log().reject(std::move(r));
    }
    for (const auto& code : drop) {
        p.data.count.erase(code);
        for (auto& part : p.data.parts) part.erase(code);
    }
}

} // namespace

std::vector<std::string> LoadedFigures::period_list() const {
    std::vector<std::string> out;
    for (const auto& p : periods) if (!p.period.empty()) out.push_back(p.period);
    return out;
}

const PeriodFigures* LoadedFigures::at(const std::string& period) const {
    if (periods.empty()) return nullptr;
    if (period.empty()) return &periods.back();
    for (const auto& p : periods) if (p.period == period) return &p;
    return nullptr;
}

LoadedFigures read_figures(const std::string& data_dir, const LayerSpec& spec) {
    LoadedFigures out;
    if (!spec.has_figures()) return out;
    ByPeriod counts, row_denoms;
    std::vector<ByPeriod> parts;
    std::map<std::string, Crosswalk> walks;
    CountRows count_rows;
    read_count_files(data_dir, spec, out, counts, row_denoms, parts, walks, count_rows);
    if (counts.empty()) counts[spec.temporal() ? spec.counts.back().as_at : ""];
    std::vector<FigureSource> est = spec.estimates;
    if (est.empty() && spec.denominator && !spec.denominator->file.empty()) est.push_back(*spec.denominator);
    auto est_values = read_estimates(data_dir, spec, est, walks);
    for (auto& [period, values] : counts) {
        PeriodFigures p;
        p.period = period;
        p.data.count = std::move(values);
        for (auto& part : parts) p.data.parts.push_back(part[period]);
        if (!est.empty()) {
            // one denominator file (no dated estimates) serves every period
            size_t e = spec.temporal() && !spec.estimates.empty() ? estimate_for_period(est, period) : 0;
            p.data.denominator = est_values[e];
            p.denominator_label = est[e].label.empty() ? est[e].file : est[e].label;
        } else if (spec.denominator) {
            p.data.denominator = row_denoms[period];
            p.denominator_label = spec.denominator->label.empty() ? "the " + spec.denominator->value + " column of the figures"
                                                                  : spec.denominator->label;
        }
        if (const LimitRule* rule = limit_rule_for_period(spec, period)) {
            p.data.limit_per = rule->per;
            p.data.limit_places = rule->places;
            p.data.limit_rule = rule->label;
        }
        if (spec.kind == LayerKind::Rate) reject_counts_above_denominator(spec, count_rows, p);
        for (const auto& b : spec.breaks)
            if (period >= b.from && period <= b.to) p.notes.push_back(b.note);
        out.periods.push_back(std::move(p));
    }
    out.data = out.periods.back().data;
    return out;
}

// Everything that decides what read_figures returns for a layer.
} // namespace sespm
