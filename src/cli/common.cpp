// common.cpp: see common.h.
#include "cli/common.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/error.h"
#include "core/text.h"
#include "map/area_names.h"
#include "map/scenario_commands.h"
#include "map/scenario_explain.h"
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

namespace {

// A code as the boundary files write them (E06000044, E12000008, SESPM-KENT): left alone, so
// the usual commands never load anything to resolve names.
bool looks_like_code(const std::string& v) {
    if (v == "all" || v.rfind("SESPM-", 0) == 0) return true;
    if (v.size() != 9 || !std::isupper(static_cast<unsigned char>(v[0]))) return false;
    return std::all_of(v.begin() + 1, v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

} // namespace

void resolve_area_options(Args& a, AreaKinds code_kinds) {
    if (a.get("--open")) return;  // any file: its codes are its own
    std::vector<std::string*> texts;  // every value that names an area, with what it must be
    std::vector<std::pair<std::string, AreaKinds>> what;
    auto add = [&](const std::string& opt, AreaKinds k) {
        auto it = a.values.find(opt);
        if (it == a.values.end()) return;
        for (auto& v : it->second) texts.push_back(&v), what.push_back({opt, k});
    };
    add("--within", AreaKinds::Any);
    add("--code", code_kinds);
    bool any_name = false;
    for (auto* t : texts) any_name |= !looks_like_code(*t);
    auto has_name = [](const std::string& list, char sep) {
        for (const auto& item : split_list(list.substr(0, sep == '=' ? list.find('=') : std::string::npos)))
            if (!looks_like_code(item)) return true;
        return false;
    };
    for (const auto& v : a.all("--codes")) any_name |= has_name(v, ',');
    for (const auto& v : a.all("--ratio")) any_name |= has_name(v, '=');
    if (!any_name) return;
    Session s(session_options(a));
    for (size_t i = 0; i < texts.size(); ++i)
        if (*texts[i] != "all") *texts[i] = resolve_area(*s.atlas, *texts[i], what[i].first.substr(2), what[i].second);
    if (auto it = a.values.find("--codes"); it != a.values.end())
        for (auto& v : it->second) {
            std::string joined;
            for (const auto& c : resolve_areas(*s.atlas, split_list(v), "codes", code_kinds)) joined += (joined.empty() ? "" : ",") + c;
            v = joined;
        }
    if (auto it = a.values.find("--ratio"); it != a.values.end())
        for (auto& v : it->second)
            if (auto eq = v.find('='); eq != std::string::npos)
                v = resolve_area(*s.atlas, v.substr(0, eq), "ratio", AreaKinds::Districts) + v.substr(eq);
}

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

std::vector<double> breaks_option(const std::string& list) {
    std::vector<double> out;
    for (const auto& part : split_list(list)) {
        char* end = nullptr;
        double d = std::strtod(part.c_str(), &end);
        if (part.empty() || *end) throw UsageError("--breaks " + clip(list) + ": '" + clip(part) + "' is not a number (give e.g. 1,2,5,10)");
        out.push_back(d);
    }
    if (out.empty()) throw UsageError("--breaks: give the class upper bounds, e.g. 1,2,5,10");
    return out;
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
    if (auto b = a.get("--breaks")) r.classes.breaks = breaks_option(*b);
    if (!r.classes.breaks.empty() && r.classes.method.empty()) r.classes.method = "manual";
    return r;
}

void add_project(Session& s, const Args& a, MapRequest& req) {
    req.user_values = s.user_values();
    auto name = a.get("--scenario"), other = a.get("--compare");
    if (other && !name) throw UsageError("--compare needs --scenario");
    if (auto model = a.get("--pressure")) {
        if (name) throw UsageError("--pressure " + clip(*model) + ": draw a scenario or a model's pressure index, not both");
        for (const char* other : {"--layer", "--geography", "--period", "--open"})
            if (a.get(other))
                throw UsageError("--pressure " + clip(*model) + ": the pressure index is the model's own districts at each factor's "
                                 "latest period; leave out " + std::string(other));
        if (!s.has_project()) throw UsageError("--pressure needs --project FILE");
        SavedModel saved = scenario_model(s, *model, "pressure");
        // scaled over the districts the scenario was shared over, as `scenario explain` scales them
        std::optional<std::string> own = saved.how.within.empty() ? std::nullopt : std::optional<std::string>(saved.how.within);
        if (a.get("--within") && req.within != own)
            throw UsageError("--within " + clip(*a.get("--within")) + ": '" + *model + "' was shared over " +
                             (own ? *own : std::string("all of England")) + "; its pressures are scaled over those districts");
        req.within = own;
        req.pressure = saved.model.factors;
        req.layer_id = "dispersal";
        req.geography = Geography::District;
        return;
    }
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
        // inf gave a limit of 0 and "over" with exit 0; nan compared false everywhere
        if (!std::isfinite(d) || d < 1)
            throw UsageError("--ratio " + clip(v) + ": a ratio is a finite number of residents per place, 1 or more (e.g. 150)");
        out[v.substr(0, eq)] = d;
    }
    return out;
}

std::string csv_escape(const std::string& raw) {
    std::string s = printable(raw);  // stored as given, printed with nothing that acts on a terminal
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
