// fair_share_factors.cpp: see fair_share_factors.h.
#include "map/fair_share_factors.h"

#include <cmath>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/error.h"
#include "map/evaluate.h"

namespace sespm {

namespace {

// The shortest text that reads back as the same double (the notes must rebuild the same model).
std::string weight_text(double w) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, w);
    return std::string(buf, r.ptr);
}

const LayerSpec& factor_layer(const std::vector<LayerSpec>& layers, const FactorWeight& fw) {
    if (!(fw.weight >= 0) || !std::isfinite(fw.weight))
        throw SettingError("factor", fw.layer, "a weight is a number, 0 or more");
    const LayerSpec* spec = nullptr;
    for (const auto& l : layers) if (l.id == fw.layer) spec = &l;
    if (!spec) {
        std::string ids;
        for (const auto& l : layers)
            if (l.higher_is_pressure && l.native == Geography::District) ids += (ids.empty() ? "" : ", ") + l.id;
        throw SettingError("factor", fw.layer, "no such layer (the layers that can be factors: " + ids + ")");
    }
    if (!spec->has_figures())
        throw SettingError("factor", fw.layer, "a factor is a rate or value layer (this one is points)");
    if (spec->native != Geography::District)
        throw SettingError("factor", fw.layer, "its figures are published by " + std::string(geography_name(spec->native)) +
                           " only; a factor of a district allocation needs a figure for each district");
    if (!spec->higher_is_pressure)
        throw SettingError("factor", fw.layer, "its layer file (" + spec->path + ") does not say which way its pressure runs: "
                           "add \"pressure\": \"higher\" (a higher rate means more pressure on the area) or \"lower\"");
    return *spec;
}

} // namespace

std::vector<Factor> read_factors(Session& s, const std::vector<FactorWeight>& weights, const std::optional<std::string>& within,
                                 const std::vector<AllocationInput>& areas, std::vector<std::string>& said) {
    return read_factors(*s.atlas, s.layers, weights, within, areas, said);
}

std::vector<Factor> read_factors(Atlas& atlas, const std::vector<LayerSpec>& layers, const std::vector<FactorWeight>& weights,
                                 const std::optional<std::string>& within, const std::vector<AllocationInput>& areas,
                                 std::vector<std::string>& said) {
    std::vector<Factor> out;
    for (const FactorWeight& fw : weights) {
        const LayerSpec& spec = factor_layer(layers, fw);
        EvaluateOptions opt;
        opt.within = within;
        LayerResult r = evaluate_layer(atlas, spec, opt);
        std::map<std::string, double> rate;
        for (const auto& m : r.measures)
            if (m.rate) rate[m.code] = *m.rate;
        Factor f{fw.layer, fw.weight, *spec.higher_is_pressure, {}, spec.missing_is_zero};
        for (const auto& a : areas) {
            auto it = rate.find(a.code);
            f.values.push_back(it == rate.end() ? std::nullopt : std::optional<double>(it->second));
        }
        std::vector<std::string> without;
        factor_pressure(f, areas, &without);
        std::string line = "factor " + fw.layer + " (weight " + weight_text(fw.weight) + "): " + spec.title +
                           ", " + (r.period.empty() ? spec.period : r.period) + "; a higher " +
                           (spec.kind == LayerKind::Value ? "value" : "rate") + " means " +
                           (*spec.higher_is_pressure ? "more" : "less") + " pressure";
        if (!without.empty()) {
            line += "; no figure for " + std::to_string(without.size()) +
                    (spec.missing_is_zero ? std::string(" (counted as 0: the layer file says a missing figure most likely means none):")
                                          : std::string(" (they take the others' mean pressure):"));
            for (const auto& c : without) line += " " + c;
        }
        said.push_back(line);
        out.push_back(std::move(f));
    }
    return out;
}

namespace {
const char* kExtraWords = "places to add";
const char* kStockWords = "the total to hold in all (stock)";
const char* kPopulationOnly = "population only";
} // namespace

std::string model_text(const FairShareModel& m) {
    std::string out;
    for (const auto& fw : m.factors) out += (out.empty() ? "" : ", ") + fw.layer + "=" + weight_text(fw.weight);
    if (out.empty()) out = kPopulationOnly;
    out += std::string("; ") + (m.meaning == TotalMeaning::Stock ? kStockWords : kExtraWords);
    if (m.floor > 0) out += "; at least " + std::to_string(m.floor) + " each";
    if (m.cap_ratio > 0) out += "; capped at 1 per " + weight_text(m.cap_ratio) + " residents";
    return out;
}

std::optional<FairShareModel> parse_model_text(const std::string& text) {
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        size_t semi = text.find("; ", start);
        parts.push_back(text.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
        if (semi == std::string::npos) break;
        start = semi + 2;
    }
    if (parts.size() < 2 || parts.size() > 4) return std::nullopt;
    FairShareModel m;
    if (parts[0] != kPopulationOnly)
        for (size_t start = 0;;) {
            size_t comma = parts[0].find(", ", start);
            std::string one = parts[0].substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            size_t eq = one.find('=');
            if (eq == std::string::npos || eq == 0) return std::nullopt;
            char* end = nullptr;
            double w = std::strtod(one.c_str() + eq + 1, &end);
            if (*end != '\0' || !(w >= 0)) return std::nullopt;
            m.factors.push_back({one.substr(0, eq), w});
            if (comma == std::string::npos) break;
            start = comma + 2;
        }
    if (parts[1] == kStockWords) m.meaning = TotalMeaning::Stock;
    else if (parts[1] != kExtraWords) return std::nullopt;
    for (size_t k = 2; k < parts.size(); ++k) {
        const std::string& p = parts[k];
        if (p.rfind("at least ", 0) == 0) {
            if (std::sscanf(p.c_str(), "at least %lld each", &m.floor) != 1) return std::nullopt;
        } else if (p.rfind("capped at 1 per ", 0) == 0) {
            std::string n = p.substr(16, p.size() - 16 - std::string(" residents").size());
            char* end = nullptr;
            m.cap_ratio = std::strtod(n.c_str(), &end);
            if (n.empty() || *end != '\0' || !(m.cap_ratio >= 1) || p.compare(p.size() - 10, 10, " residents") != 0) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return m;
}

} // namespace sespm
