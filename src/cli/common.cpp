// common.cpp: see common.h.
#include "cli/common.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/error.h"
#include "map/scenario_commands.h"
#include "map/triggers.h"
#include <iostream>

namespace sespm {

std::set<std::string> with_common(std::set<std::string> opts) {
    opts.insert(kCommonValueOpts.begin(), kCommonValueOpts.end());
    return opts;
}

SessionOptions session_options(const Args& a) {
    SessionOptions o;
    o.data_dir = a.get("--data");
    o.layers_dir = a.get("--layers");
    if (auto p = a.get("--project")) {
        if (p->empty()) throw UsageError("--project: the project location is empty (an unset shell variable?); give a file name");
        o.project = *p;
    }
    return o;
}

std::unique_ptr<Session> open_session(const Args& a) { return std::make_unique<Session>(session_options(a)); }

Geography geography_option(const Args& a) {
    auto v = a.get("--geography");
    if (!v) return Geography::District;
    auto g = parse_geography(*v);
    if (!g) throw UsageError("--geography " + *v + ": use district, county, lep, subregion or region");
    return *g;
}

std::optional<std::string> within_option(const Args& a, const std::optional<std::string>& def) {
    auto w = a.get("--within");
    if (!w) return def;
    if (*w == "all") return std::nullopt;
    return *w;
}

MapRequest map_request(const Args& a, const std::optional<std::string>& within) {
    MapRequest r;
    r.layer_id = a.get("--layer").value_or("dispersal");
    r.open_file = a.get("--open").value_or("");
    r.by = a.get("--by").value_or("area");
    r.code_field = a.get("--code-field").value_or("code");
    r.name_field = a.get("--name-field").value_or("name");
    r.geography = geography_option(a);
    r.within = within_option(a, r.open_file.empty() ? within : std::nullopt);
    r.ratio_overrides = ratio_options(a);
    r.points_file = a.get("--points").value_or("");
    r.classes.method = a.get("--classify").value_or("");
    if (a.get("--classes")) r.classes.classes = a.integer("--classes", 0);  // checked with the method and palette
    r.classes.palette = a.get("--palette").value_or("");
    r.period = a.get("--period").value_or("");
    if (auto c = a.get("--classes-over")) {
        if (*c != "all" && *c != "period") throw UsageError("--classes-over " + clip(*c) + ": use all (every period pooled, the default) or period");
        r.classes_over_period = *c == "period";
    }
    return r;
}

void add_project(Session& s, const Args& a, MapRequest& req) {
    req.user_values = s.user_values();
    auto name = a.get("--scenario"), other = a.get("--compare");
    if (other && !name) throw UsageError("--compare needs --scenario");
    if (!name) return;
    if (!s.has_project()) throw UsageError("--scenario needs --project FILE");
    req.scenario = load_scenario(s, *name);
    if (other) req.compare_with = load_scenario(s, *other);
    req.layer_id = "dispersal";
    req.geography = Geography::District;
}

void add_trigger_output(Session& s, const LayerSpec& spec, const EvaluateOptions& eo, LayerResult& r) {
    ProjectStore* p = s.project_for_reading();
    if (!p || spec.limit_column.empty()) return;
    std::map<std::string, double> triggers = p->triggers();
    for (const auto& a : trigger_alerts(*s.atlas, spec, eo, triggers)) std::cerr << "sespm-map: alert: " << alert_line(spec, a) << "\n";
    add_trigger_columns(*s.atlas, spec, eo, triggers, r);
}

void add_trend_triggers(Session& s, const LayerSpec& spec, const EvaluateOptions& eo, TrendTable& t) {
    ProjectStore* p = s.project_for_reading();
    if (!p || spec.limit_column.empty()) return;
    std::map<std::string, double> triggers = p->triggers();
    for (const auto& a : trigger_alerts(*s.atlas, spec, eo, triggers)) std::cerr << "sespm-map: alert: " << alert_line(spec, a) << "\n";
    add_trigger_cells(spec, triggers, t.columns, t.rows);
}

std::string format_option(const Args& a) {
    std::string format = a.get("--format").value_or("csv");
    if (format != "csv" && format != "json") throw UsageError("--format " + format + ": use csv or json");
    return format;
}

void write_table(std::ostream& out, const std::string& format, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Cell>>& rows) {
    if (format == "json") write_json(out, columns, rows);
    else write_csv(out, columns, rows);
}

std::map<std::string, double> ratio_options(const Args& a) {
    std::map<std::string, double> out;
    for (const auto& v : a.all("--ratio")) {
        auto eq = v.find('=');
        if (eq == std::string::npos) throw UsageError("--ratio " + v + ": write CODE=RESIDENTS_PER_PLACE, e.g. E07000112=150");
        std::string num = v.substr(eq + 1);
        char* end = nullptr;
        double d = std::strtod(num.c_str(), &end);
        if (num.empty() || *end != '\0') throw UsageError("--ratio " + v + ": '" + num + "' is not a number");
        out[v.substr(0, eq)] = d;
    }
    return out;
}

std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) { if (c == '"') o += '"'; o += c; }
    return o + "\"";
}

void write_csv(std::ostream& out, const std::vector<std::string>& columns, const std::vector<std::vector<Cell>>& rows) {
    for (size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csv_escape(columns[c]);
    out << "\n";
    for (const auto& r : rows) {
        for (size_t c = 0; c < r.size(); ++c) out << (c ? "," : "") << csv_escape(r[c].format());
        out << "\n";
    }
}

void write_json(std::ostream& out, const std::vector<std::string>& columns, const std::vector<std::vector<Cell>>& rows) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : rows) {
        nlohmann::ordered_json o;
        for (size_t c = 0; c < r.size(); ++c) {
            if (r[c].is_text) o[columns[c]] = r[c].text;
            else if (!r[c].num) o[columns[c]] = nullptr;
            else if (r[c].decimals == 0) o[columns[c]] = static_cast<long long>(std::llround(*r[c].num));
            else o[columns[c]] = std::stod(r[c].format());
        }
        arr.push_back(o);
    }
    out << arr.dump(2) << "\n";
}

} // namespace sespm
