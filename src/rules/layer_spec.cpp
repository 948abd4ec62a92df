// layer_spec.cpp: strict reading of layer files (see layer_spec.h). nlohmann::json parses;
// every object is checked against its list of allowed keys.
#include "rules/layer_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "rules/classify.h"
#include "core/error.h"
#include "rules/periods.h"
#include "core/input_files.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace sespm {

std::optional<Geography> parse_geography(std::string_view s) {
    if (s == "district") return Geography::District;
    if (s == "county") return Geography::County;
    if (s == "lep") return Geography::Lep;
    if (s == "subregion") return Geography::Subregion;
    if (s == "region") return Geography::Region;
    return std::nullopt;
}

std::string_view geography_name(Geography g) {
    switch (g) {
        case Geography::District: return "district";
        case Geography::County: return "county";
        case Geography::Lep: return "lep";
        case Geography::Subregion: return "subregion";
        case Geography::Region: return "region";
    }
    return "?";
}

namespace {

struct Reader {
    const std::string& path;

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        throw DataError(where(path, 0, key, what));
    }
    void only_keys(const json& obj, const std::string& ctx, std::initializer_list<const char*> allowed) const {
        if (!obj.is_object()) fail(ctx, "must be a JSON object");
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = std::any_of(allowed.begin(), allowed.end(),
                                  [&](const char* a) { return it.key() == a; });
            if (!ok) {
                std::string list;
                for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(ctx.empty() ? it.key() : ctx + "." + it.key(), "unknown key (allowed: " + list + ")");
            }
        }
    }
    std::string str(const json& obj, const std::string& ctx, const char* key, bool required,
                    const std::string& def = "") const {
        std::string name = ctx.empty() ? key : ctx + "." + key;
        if (!obj.contains(key)) {
            if (required) fail(name, "required key is missing");
            return def;
        }
        if (!obj[key].is_string()) fail(name, "must be a string");
        std::string v = obj[key].get<std::string>();
        if (required && v.empty()) fail(name, "must not be empty");
        return v;
    }
    double num(const json& obj, const std::string& ctx, const char* key, bool required, double def) const {
        std::string name = ctx.empty() ? key : ctx + "." + key;
        if (!obj.contains(key)) {
            if (required) fail(name, "required key is missing");
            return def;
        }
        if (!obj[key].is_number()) fail(name, "must be a number");
        return obj[key].get<double>();
    }
    std::string data_path(const json& obj, const std::string& ctx, const char* key, bool required) const {
        std::string p = str(obj, ctx, key, required);
        if (p.empty()) return p;
        fs::path fp(p);
        std::string name = ctx.empty() ? key : ctx + "." + key;
        if (fp.is_absolute()) fail(name, "'" + p + "' must be relative to the data directory");
        for (const auto& part : fp)
            if (part == "..") fail(name, "'" + p + "' leaves the data directory ('..' is not allowed)");
        return p;
    }
};

} // namespace

namespace {

// Parses JSON, refusing a key given twice in one object (nlohmann would keep the last silently).
json parse_strict(const std::string& text, const std::string& path) {
    std::vector<std::set<std::string>> keys;
    std::string duplicate;
    auto cb = [&](int, json::parse_event_t ev, json& parsed) {
        if (ev == json::parse_event_t::object_start) keys.emplace_back();
        else if (ev == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
        else if (ev == json::parse_event_t::key && !keys.empty() && duplicate.empty() &&
                 !keys.back().insert(parsed.get<std::string>()).second)
            duplicate = parsed.get<std::string>();
        return true;
    };
    json j;
    try {
        j = json::parse(text, cb);
    } catch (const json::exception& e) {  // syntax errors, and numbers too large to hold (found by fuzzing)
        throw DataError(where(path, 0, "", std::string("not valid JSON: ") + e.what()));
    }
    if (!duplicate.empty())
        throw DataError(where(path, 0, duplicate, "the key appears twice in the same object (which one is meant?)"));
    return j;
}

void read_header(const Reader& r, const json& j, LayerSpec& s) {
    r.only_keys(j, "", {"id", "title", "description", "kind", "geography", "period", "count",
                        "denominator", "rate", "limit", "user_columns", "points",
                        "classification", "attribution", "breaks", "parts", "titles", "missing", "pressure",
                        "pressure_if_missing", "value", "weight", "section"});
    s.id = r.str(j, "", "id", true);
    for (char c : s.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            r.fail("id", "'" + s.id + "' may hold only letters, digits, '_' and '-'");
    s.title = r.str(j, "", "title", true);
    s.description = r.str(j, "", "description", false);
    s.period = r.str(j, "", "period", true);
    s.attribution = r.str(j, "", "attribution", true);
    s.missing_means = r.str(j, "", "missing", false);
    s.section = r.str(j, "", "section", false);
    if (j.contains("section") && s.section.empty()) r.fail("section", "must not be empty (leave it out for the main list)");
    if (j.contains("titles")) {
        if (!j["titles"].is_object()) r.fail("titles", "must be an object: output column -> title");
        for (auto it = j["titles"].begin(); it != j["titles"].end(); ++it) {
            if (!it.value().is_string() || it.value().get<std::string>().empty())
                r.fail("titles." + it.key(), "must be a non-empty string");
            s.column_titles[it.key()] = it.value().get<std::string>();
        }
    }
    std::string kind = r.str(j, "", "kind", true);
    if (kind == "rate") s.kind = LayerKind::Rate;
    else if (kind == "value") s.kind = LayerKind::Value;
    else if (kind == "points") s.kind = LayerKind::Points;
    else r.fail("kind", "'" + kind + "' is not a layer kind (rate, value, points)");
    std::string geo = r.str(j, "", "geography", false, "district");
    auto g = parse_geography(geo);
    if (!g || (*g != Geography::District && *g != Geography::County))
        r.fail("geography", "'" + geo + "' is not a published geography (district, county)");
    s.native = *g;
    std::string pressure = r.str(j, "", "pressure", false);
    if (pressure == "higher") s.higher_is_pressure = true;
    else if (pressure == "lower") s.higher_is_pressure = false;
    else if (j.contains("pressure"))
        r.fail("pressure", "'" + pressure + "' is not a direction: \"higher\" (a higher value means more pressure on the area) or \"lower\"");
    if (s.higher_is_pressure && !s.has_figures()) r.fail("pressure", "only a rate or value layer can be a pressure (a factor of the fair-share rule)");
    std::string if_missing = r.str(j, "", "pressure_if_missing", false, "mean");
    if (if_missing == "zero") s.missing_is_zero = true;
    else if (if_missing != "mean")
        r.fail("pressure_if_missing", "'" + if_missing + "' is not a choice: \"mean\" (an area with no figure takes the others' mean pressure) "
               "or \"zero\" (it counts as a figure of 0: the source publishes no zero rows)");
    if (j.contains("pressure_if_missing") && !s.higher_is_pressure)
        r.fail("pressure_if_missing", "belongs to a layer that declares its \"pressure\" direction");
    if (s.missing_is_zero && s.kind != LayerKind::Rate)  // a rank or ratio of 0 is not "none" (rank 0 would be the most deprived)
        r.fail("pressure_if_missing", "\"zero\" is for counts (a rate layer): a missing ratio, rank or percentage is not 0");
}

std::string date_key(const Reader& r, const json& obj, const std::string& ctx, const char* key) {
    std::string v = r.str(obj, ctx, key, false);
    if (!v.empty() && !is_iso_date(v)) r.fail(ctx + "." + key, "'" + v + "' is not a date YYYY-MM-DD");
    return v;
}

// One count file: file, key, value, column, and for a time series its period column or date.
FigureSource read_count_source(const Reader& r, const json& c, const std::string& ctx, LayerSpec& s, bool first) {
    r.only_keys(c, ctx, {"file", "key", "value", "column", "period", "as_at", "crosswalk", "pathway"});
    FigureSource f;
    f.file = r.data_path(c, ctx, "file", true);
    f.key = r.str(c, ctx, "key", false, "code");
    f.value = r.str(c, ctx, "value", false, "value");
    f.period_column = r.str(c, ctx, "period", false);
    f.as_at = date_key(r, c, ctx, "as_at");
    f.crosswalk = r.data_path(c, ctx, "crosswalk", false);
    f.pathway = r.str(c, ctx, "pathway", false);
    if (c.contains("pathway") && f.pathway.empty()) r.fail(ctx + ".pathway", "must not be empty");
    if (!f.period_column.empty() && !f.as_at.empty()) r.fail(ctx + ".as_at", "give a period column or a date (as_at), not both");
    std::string column = r.str(c, ctx, "column", false, first ? "count" : s.count_column);
    if (first) s.count_column = column;
    else if (column != s.count_column) r.fail(ctx + ".column", "every count file must fill the same column ('" + s.count_column + "')");
    return f;
}

void read_counts(const Reader& r, const json& j, LayerSpec& s) {
    if (!j.contains("count")) r.fail("count", "required key is missing for a rate layer");
    const json& c = j["count"];
    if (c.is_array()) {
        if (c.empty()) r.fail("count", "an array of count files must not be empty");
        for (size_t i = 0; i < c.size(); ++i) {
            FigureSource f = read_count_source(r, c[i], "count[" + std::to_string(i) + "]", s, i == 0);
            if (f.as_at.empty() && f.period_column.empty())
                r.fail("count[" + std::to_string(i) + "].as_at", "several count files each need a period column or the date they are as at");
            if (i > 0 && f.pathway.empty() && !f.as_at.empty() && !s.counts.back().as_at.empty() && !(f.as_at > s.counts.back().as_at))
                r.fail("count[" + std::to_string(i) + "].as_at", "count files must be listed oldest first, one per date");
            if (i > 0 && f.pathway.empty() != s.counts.back().pathway.empty())
                r.fail("count[" + std::to_string(i) + "].pathway", "either every count file names its pathway or none does");
            s.counts.push_back(f);
        }
        std::set<std::string> pathways;
        for (const auto& f : s.counts) if (!f.pathway.empty()) pathways.insert(f.pathway);
        if (pathways.size() == 1) r.fail("count[0].pathway", "pathways add up several parts: name at least two");
    } else {
        s.counts.push_back(read_count_source(r, c, "count", s, true));
        if (!s.counts.back().pathway.empty()) r.fail("count.pathway", "pathways add up several count files: give an array of them");
    }
    s.count = s.counts.front();
}

// One dated population estimate of a time series.
FigureSource read_estimate(const Reader& r, const json& e, const std::string& ctx) {
    r.only_keys(e, ctx, {"file", "key", "value", "as_at", "until", "crosswalk", "label"});
    FigureSource f;
    f.file = r.data_path(e, ctx, "file", true);
    f.key = r.str(e, ctx, "key", false, "code");
    f.value = r.str(e, ctx, "value", false, "value");
    f.as_at = date_key(r, e, ctx, "as_at");
    if (f.as_at.empty()) r.fail(ctx + ".as_at", "required key is missing (the estimate's date)");
    f.until = date_key(r, e, ctx, "until");
    f.crosswalk = r.data_path(e, ctx, "crosswalk", false);
    f.label = r.str(e, ctx, "label", true);
    return f;
}

// The denominator of a rate ("denominator"), or the weight that combines a value layer's groups
// ("weight"): one file or column, or population estimates by date.
void read_denominator(const Reader& r, const json& j, LayerSpec& s, const std::string& key = "denominator") {
    if (!j.contains(key)) return;
    const json& d = j[key];
    if (key == "weight") {  // a weight may be a fraction (households in thousands): shown with its decimals
        r.only_keys(d, key, {"file", "key", "value", "column", "label", "estimates", "decimals"});
        double dec = r.num(d, key, "decimals", false, 0);
        if (!(dec >= 0 && dec <= 6) || dec != std::floor(dec)) r.fail(key + ".decimals", "must be a whole number from 0 to 6");
        s.denominator_decimals = static_cast<int>(dec);
    } else {
        r.only_keys(d, key, {"file", "key", "value", "column", "label", "estimates"});
    }
    s.denominator_column = r.str(d, key, "column", false, "population");
    FigureSource f;
    f.label = r.str(d, key, "label", false);
    if (d.contains("estimates")) {
        if (d.contains("file") || d.contains("value") || d.contains("key"))
            r.fail(key + ".estimates", "give either estimates or one file/value, not both");
        if (!d["estimates"].is_array() || d["estimates"].empty()) r.fail(key + ".estimates", "must be a non-empty array");
        for (size_t i = 0; i < d["estimates"].size(); ++i) {
            s.estimates.push_back(read_estimate(r, d["estimates"][i], key + ".estimates[" + std::to_string(i) + "]"));
            if (i > 0 && !(s.estimates[i].as_at > s.estimates[i - 1].as_at))
                r.fail(key + ".estimates", "estimates must be listed oldest first");
        }
        s.denominator = s.estimates.back();
        return;
    }
    f.file = r.data_path(d, key, "file", false);
    f.key = r.str(d, key, "key", false, "code");
    f.value = r.str(d, key, "value", true);
    s.denominator = f;
}

// A value layer: its one figures file ("value": file, key, value, column, period or as_at,
// unit, decimals) and the optional weight that combines groups.
void read_value_layer(const Reader& r, const json& j, LayerSpec& s) {
    if (!j.contains("value")) r.fail("value", "required key is missing for a value layer");
    for (const char* k : {"count", "denominator", "rate", "limit", "parts", "user_columns"})
        if (j.contains(k)) r.fail(k, "a value layer has no counts, rates or limits (its figure is published as it is)");
    const json& v = j["value"];
    r.only_keys(v, "value", {"file", "key", "value", "column", "period", "as_at", "unit", "decimals"});
    FigureSource f;
    f.file = r.data_path(v, "value", "file", true);
    f.key = r.str(v, "value", "key", false, "code");
    f.value = r.str(v, "value", "value", false, "value");
    f.period_column = r.str(v, "value", "period", false);
    f.as_at = date_key(r, v, "value", "as_at");
    if (!f.period_column.empty() && !f.as_at.empty()) r.fail("value.as_at", "give a period column or a date (as_at), not both");
    s.counts = {f};
    s.count = f;
    s.count_column.clear();
    s.rate_column = r.str(v, "value", "column", true);
    s.rate_unit = r.str(v, "value", "unit", true);
    double d = r.num(v, "value", "decimals", false, 2);
    if (!(d >= 0 && d <= 6) || d != std::floor(d)) r.fail("value.decimals", "must be a whole number from 0 to 6");
    s.rate_decimals = static_cast<int>(d);
    read_denominator(r, j, s, "weight");
}

void read_count_and_denominator(const Reader& r, const json& j, LayerSpec& s) {
    read_counts(r, j, s);
    read_denominator(r, j, s);
    if (!s.counts.front().pathway.empty()) {  // each pathway file would add its own copy of a row's denominator or part
        if (s.denominator && s.estimates.empty() && s.denominator->file.empty())
            r.fail("denominator", "a count of several pathways needs its denominator's own file or estimates, not a column of the count files");
        if (j.contains("parts")) r.fail("parts", "a count of several pathways has no parts read from its rows");
    }
    bool temporal = s.temporal();
    for (const auto& c : s.counts)
        if (temporal != (!c.period_column.empty() || !c.as_at.empty()))
            r.fail("count", "either every count file is dated (period or as_at) or none is");
}

// Series breaks: notes carried with the periods they affect.
void read_breaks(const Reader& r, const json& j, LayerSpec& s) {
    if (!j.contains("breaks")) return;
    if (!j["breaks"].is_array()) r.fail("breaks", "must be an array of {from, to, note}");
    for (size_t i = 0; i < j["breaks"].size(); ++i) {
        std::string ctx = "breaks[" + std::to_string(i) + "]";
        const json& b = j["breaks"][i];
        r.only_keys(b, ctx, {"from", "to", "note"});
        PeriodNote n{date_key(r, b, ctx, "from"), date_key(r, b, ctx, "to"), r.str(b, ctx, "note", true)};
        if (n.from.empty() || n.to.empty()) r.fail(ctx, "needs both from and to (ISO dates)");
        if (n.to < n.from) r.fail(ctx + ".to", "is before from");
        s.breaks.push_back(n);
    }
    if (!s.temporal()) r.fail("breaks", "series breaks belong to a time series (a count file with a period)");
}

// Earlier limit rules (e.g. the NTS threshold of 0.07% before August 2022).
void read_limit_history(const Reader& r, const json& l, LayerSpec& s) {
    s.limit_places = r.num(l, "limit", "places", false, 1);
    if (!(s.limit_places > 0)) r.fail("limit.places", "must be positive");
    s.limit_label = r.str(l, "limit", "label", false);
    s.limit_rule_column = r.str(l, "limit", "rule_column", false);
    if (!l.contains("history")) return;
    if (!l["history"].is_array()) r.fail("limit.history", "must be an array of {until, per, places, label}");
    for (size_t i = 0; i < l["history"].size(); ++i) {
        std::string ctx = "limit.history[" + std::to_string(i) + "]";
        const json& h = l["history"][i];
        r.only_keys(h, ctx, {"until", "per", "places", "label"});
        LimitRule rule{date_key(r, h, ctx, "until"), r.num(h, ctx, "per", true, 0), r.num(h, ctx, "places", false, 1),
                       r.str(h, ctx, "label", true)};
        if (rule.until.empty()) r.fail(ctx + ".until", "required key is missing");
        if (!(rule.per >= 1) || !(rule.places > 0)) r.fail(ctx, "per must be at least 1 and places positive");
        if (!s.limit_history.empty() && !(rule.until > s.limit_history.back().until)) r.fail(ctx, "list rules oldest first");
        s.limit_history.push_back(rule);
    }
    if (!s.limit_history.empty() && s.limit_label.empty()) r.fail("limit.label", "name the current rule when earlier ones are given");
}

void read_rate_and_limit(const Reader& r, const json& j, LayerSpec& s) {
    if (j.contains("rate")) {
        const json& rt = j["rate"];
        r.only_keys(rt, "rate", {"per", "unit", "column"});
        s.rate_per = r.num(rt, "rate", "per", true, 10000);
        if (!(s.rate_per > 0)) r.fail("rate.per", "must be positive");
        s.rate_unit = r.str(rt, "rate", "unit", false, s.rate_unit);
        s.rate_column = r.str(rt, "rate", "column", false, "rate");
        if (!s.denominator) r.fail("rate", "a rate needs a 'denominator'");
    }
    if (j.contains("limit")) {
        const json& l = j["limit"];
        r.only_keys(l, "limit", {"per", "column", "headroom_column", "share_column",
                                 "status_column", "near_pct", "places", "label", "history", "rule_column"});
        if (!s.denominator) r.fail("limit", "a limit needs a 'denominator'");
        s.limit_per = r.num(l, "limit", "per", true, 0);
        if (!(s.limit_per >= 1)) r.fail("limit.per", "must be at least 1 (residents per place)");
        s.limit_column = r.str(l, "limit", "column", false, "limit");
        s.headroom_column = r.str(l, "limit", "headroom_column", false, s.headroom_column);
        s.share_column = r.str(l, "limit", "share_column", false, s.share_column);
        s.status_column = r.str(l, "limit", "status_column", false, s.status_column);
        s.near_share_pct = r.num(l, "limit", "near_pct", false, 90);
        if (!(s.near_share_pct > 0 && s.near_share_pct <= 100))
            r.fail("limit.near_pct", "must be in (0, 100]");
        read_limit_history(r, l, s);
    }
    if (j.contains("parts")) {
        if (!j["parts"].is_array()) r.fail("parts", "must be an array of {\"value\": COLUMN, \"column\": NAME}");
        for (size_t i = 0; i < j["parts"].size(); ++i) {
            std::string ctx = "parts[" + std::to_string(i) + "]";
            const json& p = j["parts"][i];
            r.only_keys(p, ctx, {"value", "column"});
            s.parts.push_back({r.str(p, ctx, "value", true), r.str(p, ctx, "column", true)});
        }
    }
    if (j.contains("user_columns")) {
        if (!j["user_columns"].is_array()) r.fail("user_columns", "must be an array of strings");
        for (const auto& u : j["user_columns"]) {
            if (!u.is_string()) r.fail("user_columns", "must be an array of strings");
            s.user_columns.push_back(u.get<std::string>());
        }
    }
}

void read_points_source(const Reader& r, const json& j, LayerSpec& s) {
    if (!j.contains("points")) r.fail("points", "required key is missing for a points layer");
    const json& p = j["points"];
    r.only_keys(p, "points", {"file", "label", "column"});
    s.points_file = r.data_path(p, "points", "file", true);
    s.point_label = r.str(p, "points", "label", false, "name");
    s.points_count_column = r.str(p, "points", "column", false, "count");
}

void read_classification(const Reader& r, const json& j, LayerSpec& s) {
    if (!j.contains("classification")) return;
    const json& c = j["classification"];
    r.only_keys(c, "classification", {"measure", "legend", "method", "classes", "palette", "breaks"});
    s.class_measure = r.str(c, "classification", "measure", false);
    s.class_legend = r.str(c, "classification", "legend", false);
    s.class_method = r.str(c, "classification", "method", false, "quantile");
    if (!parse_class_method(s.class_method))
        r.fail("classification.method", "'" + s.class_method +
               "' is not a method (quantile, equal, jenks, stddev, manual)");
    double k = r.num(c, "classification", "classes", false, 5);
    if (k != static_cast<int>(k) || k < 2 || k > 12)
        r.fail("classification.classes", "must be a whole number from 2 to 12");
    s.classes = static_cast<int>(k);
    s.palette = r.str(c, "classification", "palette", false, s.palette);
    if (!palette_exists(s.palette)) r.fail("classification.palette", "'" + s.palette + "' is not a palette");
    if (c.contains("breaks")) {
        if (!c["breaks"].is_array()) r.fail("classification.breaks", "must be an array of numbers");
        for (const auto& b : c["breaks"]) {
            if (!b.is_number()) r.fail("classification.breaks", "must be an array of numbers");
            double v = b.get<double>();
            if (!s.manual_breaks.empty() && !(v > s.manual_breaks.back()))
                r.fail("classification.breaks", "must be strictly ascending");
            s.manual_breaks.push_back(v);
        }
    }
    if (s.class_method == "manual" && s.manual_breaks.empty())
        r.fail("classification.breaks", "method 'manual' needs breaks (an array of class upper bounds)");
    if (s.class_method != "manual" && !s.manual_breaks.empty())
        r.fail("classification.breaks", "breaks are used only with method 'manual' (the method is '" + s.class_method + "')");
}

// Output columns must have distinct names (a count column called "rate" would hide the rate),
// and the classified measure must be one of the numeric ones.
void check_columns(const Reader& r, LayerSpec& s) {
    std::vector<std::pair<std::string, std::string>> cols;  // (key in the layer file, column)
    if (s.kind == LayerKind::Points) {
        cols = {{"points.column", s.points_count_column}};
    } else if (s.kind == LayerKind::Value) {
        if (s.denominator) cols.push_back({"weight.column", s.denominator_column});
        cols.push_back({"value.column", s.rate_column});
    } else {
        cols.push_back({"count.column", s.count_column});
        if (s.denominator) {
            cols.push_back({"denominator.column", s.denominator_column});
            cols.push_back({"rate.column", s.rate_column});
        }
        if (!s.limit_column.empty())
            for (auto kv : std::initializer_list<std::pair<std::string, std::string>>{
                     {"limit.column", s.limit_column}, {"limit.headroom_column", s.headroom_column},
                     {"limit.share_column", s.share_column}, {"limit.status_column", s.status_column}})
                cols.push_back(kv);
        if (!s.limit_rule_column.empty()) cols.push_back({"limit.rule_column", s.limit_rule_column});
        for (const auto& u : s.user_columns) cols.push_back({"user_columns", u});
        for (const auto& p : s.parts) cols.push_back({"parts.column", p.column});
    }
    std::map<std::string, std::string> seen{{"code", "(the area code)"}, {"name", "(the area name)"}};
    if (s.kind == LayerKind::Points) { seen["nearest"] = "(the nearest point)"; seen["distance_km"] = "(its distance)"; }
    for (const auto& [key, col] : cols) {
        if (col.empty()) r.fail(key, "the column name must not be empty");
        if (auto it = seen.find(col); it != seen.end())
            r.fail(key, "'" + col + "' is already the name of another output column " + it->second);
        seen[col] = "(" + key + ")";
    }
    for (const auto& [col, title] : s.column_titles)
        if (!seen.count(col) && col != "member_areas" && col != "members_without_figure")
            r.fail("titles." + col, "'" + col + "' is not an output column of this layer");
    if (s.class_measure.empty()) {
        if (s.kind == LayerKind::Points) s.class_measure = s.points_count_column;
        else if (!s.limit_column.empty()) s.class_measure = s.share_column;
        else if (s.denominator || s.kind == LayerKind::Value) s.class_measure = s.rate_column;
        else s.class_measure = s.count_column;
    }
    bool numeric = false;
    for (const auto& [key, col] : cols) numeric |= col == s.class_measure && key != "limit.status_column" && key != "limit.rule_column";
    if (s.kind == LayerKind::Points) numeric = s.class_measure == s.points_count_column;
    if (!numeric) {
        std::string list;
        for (const auto& [key, col] : cols)
            if (key != "limit.status_column" && key != "limit.rule_column" && (s.has_figures() || key == "points.column"))
                list += (list.empty() ? "" : ", ") + col;
        r.fail("classification.measure", "'" + s.class_measure + "' is not a numeric column of this layer (" + list + ")");
    }
    if (s.class_legend.empty()) s.class_legend = s.class_measure;
}

} // namespace

LayerSpec parse_layer_spec(const std::string& text, const std::string& path) {
    // a layer file saved as UTF-16 (Windows Notepad's "Unicode") was "not valid JSON ... '\xff'"
    if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0 ||
        (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0')))
        throw DataError(where(path, 1, "", "the file is UTF-16 text; layer files are UTF-8: save it again as UTF-8"));
    json j = parse_strict(text, path);
    Reader r{path};
    LayerSpec s;
    s.path = path;
    read_header(r, j, s);
    if (s.kind == LayerKind::Rate) {
        for (const char* k : {"value", "weight"})
            if (j.contains(k)) r.fail(k, "belongs to a value layer (\"kind\": \"value\"); a rate layer has count and denominator");
        read_count_and_denominator(r, j, s);
        read_rate_and_limit(r, j, s);
    } else if (s.kind == LayerKind::Value) {
        read_value_layer(r, j, s);
    } else {
        for (const char* k : {"count", "denominator", "rate", "limit", "value", "weight", "parts", "user_columns"})
            if (j.contains(k)) r.fail(k, "a points layer counts the places of its points file; it has no figures of its own");
        read_points_source(r, j, s);
    }
    read_breaks(r, j, s);
    read_classification(r, j, s);
    check_columns(r, s);
    return s;
}

LayerSpec read_layer_spec(const std::string& path) {
    if (std::string why = not_a_file_reason(path, "a layer file"); !why.empty()) throw DataError(where(path, 0, "", why));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(where(path, 0, "", "cannot open the layer file"));
    note_input_file(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_layer_spec(ss.str(), path);
}

std::vector<LayerSpec> read_layer_dir(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") files.push_back(e.path().string());
    if (ec) throw DataError(where(dir, 0, "", "cannot read the layer directory: " + ec.message()));
    std::sort(files.begin(), files.end());
    std::vector<LayerSpec> out;
    std::map<std::string, std::string> seen;
    for (const auto& f : files) {
        LayerSpec s = read_layer_spec(f);
        if (auto it = seen.find(s.id); it != seen.end())
            throw DataError(where(f, 0, "id", "'" + s.id + "' is already used by " + it->second));
        seen[s.id] = f;
        out.push_back(std::move(s));
    }
    if (out.empty())  // an empty folder listed a header and nothing, exit 0
        throw DataError(where(dir, 0, "", "the layer folder holds no layer files (*.json); give the folder that has them, or leave out --layers"));
    return out;
}

std::string find_layer_dir(const std::optional<std::string>& flag) {
    std::vector<std::string> cands;
    if (flag) cands.push_back(*flag);
    else {
        if (const char* e = std::getenv("SESPM_LAYERS"); e && *e) cands.push_back(e);
        cands.push_back("layers");
#ifdef SESPM_SOURCE_DIR
        cands.push_back(std::string(SESPM_SOURCE_DIR) + "/layers");
#endif
    }
    std::string tried;
    for (const auto& c : cands) {
        std::error_code ec;
        if (fs::is_directory(c, ec)) return c;
        tried += "\n  " + c;
    }
    throw DataError("no layer directory found; looked in:" + tried + "\nPass --layers DIR.");
}

} // namespace sespm
