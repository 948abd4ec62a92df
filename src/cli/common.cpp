// common.cpp: see common.h.
#include "cli/common.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/data_dir.h"
#include "core/error.h"
#include "io/project_store.h"

namespace sespm {

std::set<std::string> with_common(std::set<std::string> opts) {
    opts.insert(kCommonValueOpts.begin(), kCommonValueOpts.end());
    return opts;
}

std::map<std::string, std::map<std::string, double>> project_user_values(const Args& a) {
    std::map<std::string, std::map<std::string, double>> out;
    if (auto p = a.get("--project")) {
        ProjectStore store(*p, false);
        for (const auto& [code, n] : store.pledges()) out["pledges"][code] = n;
    }
    return out;
}

std::unique_ptr<Session> open_session(const Args& a) {
    auto s = std::make_unique<Session>();
    s->data_dir = find_data_dir(a.get("--data"));
    s->layers = read_layer_dir(find_layer_dir(a.get("--layers")));
    s->atlas = std::make_unique<Atlas>(s->data_dir, s->geos);
    return s;
}

const LayerSpec& find_layer(const Session& s, const std::string& id) {
    std::string ids;
    for (const auto& l : s.layers) {
        if (l.id == id) return l;
        ids += (ids.empty() ? "" : ", ") + l.id;
    }
    throw UsageError("--layer " + id + ": no such layer (layers: " + ids + ")");
}

Geography geography_option(const Args& a) {
    auto v = a.get("--geography");
    if (!v) return Geography::District;
    auto g = parse_geography(*v);
    if (!g) throw UsageError("--geography " + *v + ": use district, county, lep, subregion or region");
    return *g;
}

EvaluateOptions evaluate_options(const Args& a) {
    EvaluateOptions opt;
    opt.geography = geography_option(a);
    opt.within = a.get("--within");
    opt.ratio_overrides = ratio_options(a);
    opt.points_file = a.get("--points").value_or("");
    opt.user_values = project_user_values(a);
    return opt;
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
