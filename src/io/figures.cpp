// figures.cpp: see figures.h.
#include "io/figures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/bad_rows.h"
#include "core/csv.h"
#include "core/data_dir.h"
#include "core/error.h"
#include "io/boundaries.h"

namespace sespm {

std::string join_code(const std::string& code) {
    std::string c = trim(code);
    for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return c;
}

namespace {

enum class FigureKind { Count, Denominator };

// The reason a published value cannot be used, or "" when it can.
std::string value_problem(double v, const std::string& cell, FigureKind kind) {
    if (v != std::floor(v))
        return "'" + cell + "' is not a whole number; a " +
               (kind == FigureKind::Count ? "count" : "denominator (a number of people)") + " must be";
    if (kind == FigureKind::Denominator && v == 0)
        return "the denominator is 0: rates and limits cannot be computed from it (blank it if it is not published)";
    return "";
}

// Reads key -> value from `table`; `dest` gets only published values. Bad rows are rejected
// (logged with line and reason), never dropped silently.
void read_column(const CsvTable& t, const std::string& key, const std::string& value, FigureKind kind,
                 std::unordered_map<std::string, double>& dest, std::vector<std::string>* codes) {
    int kc = t.require_column(key), vc = t.require_column(value);
    std::map<std::string, std::pair<std::optional<double>, long>> seen;
    RowRejections bad{t.path, false, {}};
    size_t good = 0;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        std::string shown = trim(row[kc]), code = join_code(row[kc]);
        long line = t.row_line[r];
        if (code.empty()) { bad.add(line, key, "the code is empty"); continue; }
        FigureParse f = parse_figure_text(row[vc]);
        if (f.error.empty() && f.value) f.error = value_problem(*f.value, trim(row[vc]), kind);
        if (!f.error.empty()) { bad.add(line, value, f.error + " (code " + shown + ")"); continue; }
        if (auto it = seen.find(code); it != seen.end()) {
            if (it->second.first != f.value)
                throw DataError(where(t.path, line, value, "code " + shown + " appears again with a different value (first on line " +
                                      std::to_string(it->second.second) + ")"));
            continue;
        }
        ++good;
        seen[code] = {f.value, line};
        if (codes) codes->push_back(shown);
        if (f.value) dest[code] = *f.value;
    }
    bad.finish(good, "rows");
}

CsvTable read_source(const std::string& data_dir, const LayerSpec& spec, const std::string& rel, const std::string& field) {
    return read_csv(resolve_in_data_dir(data_dir, rel, spec.path, field));
}

} // namespace

LoadedFigures read_figures(const std::string& data_dir, const LayerSpec& spec) {
    LoadedFigures out;
    if (spec.kind != LayerKind::Rate) return out;
    CsvTable counts = read_source(data_dir, spec, spec.count.file, "count.file");
    out.count_file = counts.path;
    read_column(counts, spec.count.key, spec.count.value, FigureKind::Count, out.data.count, &out.source_codes);
    if (spec.denominator) {
        if (spec.denominator->file.empty()) {
            read_column(counts, spec.count.key, spec.denominator->value, FigureKind::Denominator, out.data.denominator, nullptr);
        } else {
            CsvTable d = read_source(data_dir, spec, spec.denominator->file, "denominator.file");
            read_column(d, spec.denominator->key, spec.denominator->value, FigureKind::Denominator, out.data.denominator, nullptr);
        }
    }
    return out;
}

// A source joins when at least half of its codes, and at least one, are areas of the layer's
// geography. Real files also carry codes that legitimately match no area (other nations,
// 2023 merged districts, "N/A" rows), so some unmatched codes are expected; a file where most
// codes match nothing has the wrong key (lower case is accepted, names or another vintage are
// not).
void check_join(const LoadedFigures& f, const JoinReport& r, const AreaSet& native) {
    const std::string& file = f.count_file;
    if (f.source_codes.empty())
        throw DataError(where(file, 0, "", "the file holds no rows of figures (only a header?)"));
    size_t matched = f.source_codes.size() - r.unmatched.size();
    if (matched > 0 && matched * 2 >= f.source_codes.size()) return;
    std::string examples;
    for (size_t i = 0; i < r.unmatched.size() && i < 3; ++i) examples += (i ? ", '" : "'") + r.unmatched[i] + "'";
    throw DataError(where(file, 0, "", std::to_string(matched) + " of " + std::to_string(f.source_codes.size()) +
                                           " codes match an area of " + native.source + "; codes that match none: " +
                                           examples + (r.unmatched.size() > 3 ? ", ..." : "") +
                                           " (is the key column the GSS code, e.g. E07000112, of the right geography?)"));
}

JoinReport join_report(const LoadedFigures& f, const AreaSet& native) {
    JoinReport r;
    r.areas = native.areas.size();
    for (const auto& a : native.areas) {
        if (f.data.count.count(join_code(a.code))) ++r.matched;
        else r.missing.push_back(a.code);
    }
    for (const auto& c : f.source_codes)
        if (!native.find(join_code(c))) r.unmatched.push_back(c);
    if (!f.count_file.empty()) check_join(f, r, native);
    return r;
}

std::string join_notes(const std::string& layer_id, const JoinReport& r) {
    if (r.unmatched.empty()) return "";
    std::string list;
    for (const auto& c : r.unmatched) list += (list.empty() ? "" : " ") + c;
    return "layer '" + layer_id + "': " + std::to_string(r.unmatched.size()) + " source code" +
           (r.unmatched.size() == 1 ? "" : "s") + " match no boundary area (other nations, older or merged "
           "areas, totals): " + list;
}

void note_unmatched(const std::string& layer_id, const JoinReport& r) {
    if (std::string n = join_notes(layer_id, r); !n.empty()) input_log().note(n);
}

} // namespace sespm
