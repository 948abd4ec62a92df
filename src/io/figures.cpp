// figures.cpp: see figures.h.
#include "io/figures.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/error.h"
#include "io/boundaries.h"

namespace sespm {

namespace {

// Reads key -> value from `table`; `dest` gets only published values.
void read_column(const CsvTable& t, const std::string& key, const std::string& value,
                 std::unordered_map<std::string, double>& dest, std::vector<std::string>* codes) {
    int kc = t.require_column(key), vc = t.require_column(value);
    std::map<std::string, std::pair<std::optional<double>, long>> seen;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        std::string code = trim(row[kc]);
        long line = t.row_line[r];
        if (code.empty()) throw DataError(where(t.path, line, key, "the code is empty"));
        std::optional<double> v = parse_figure(row[vc], t.path, line, value);
        if (auto it = seen.find(code); it != seen.end()) {
            if (it->second.first != v)
                throw DataError(where(t.path, line, value, "code " + code + " appears again with a different value (first on line " +
                                      std::to_string(it->second.second) + ")"));
            continue;
        }
        seen[code] = {v, line};
        if (codes) codes->push_back(code);
        if (v) dest[code] = *v;
    }
}

} // namespace

LoadedFigures read_figures(const std::string& data_dir, const LayerSpec& spec) {
    LoadedFigures out;
    if (spec.kind != LayerKind::Rate) return out;
    CsvTable counts = read_csv(data_dir + "/" + spec.count.file);
    read_column(counts, spec.count.key, spec.count.value, out.data.count, &out.source_codes);
    if (spec.denominator) {
        if (spec.denominator->file.empty()) {
            read_column(counts, spec.count.key, spec.denominator->value, out.data.denominator, nullptr);
        } else {
            CsvTable d = read_csv(data_dir + "/" + spec.denominator->file);
            read_column(d, spec.denominator->key, spec.denominator->value, out.data.denominator, nullptr);
        }
    }
    return out;
}

JoinReport join_report(const LoadedFigures& f, const AreaSet& native) {
    JoinReport r;
    r.areas = native.areas.size();
    for (const auto& a : native.areas) {
        if (f.data.count.count(a.code)) ++r.matched;
        else r.missing.push_back(a.code);
    }
    for (const auto& c : f.source_codes)
        if (!native.find(c)) r.unmatched.push_back(c);
    return r;
}

} // namespace sespm
