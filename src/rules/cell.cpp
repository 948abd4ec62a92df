// cell.cpp: see cell.h.
#include "rules/cell.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace sespm {

double round_to(double v, int decimals) {
    double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

std::string Cell::format() const {
    if (is_text) return text;
    if (!num) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *num);
    std::string s = buf;
    if (s == "-0" || s == "-0.0" || s == "-0.00") s.erase(0, 1);
    return s;
}

std::string Cell::display() const {
    std::string s = format();
    if (is_text || s.empty()) return s;
    size_t start = s[0] == '-' ? 1 : 0;
    size_t dot = s.find('.');
    size_t end = dot == std::string::npos ? s.size() : dot;
    for (long i = static_cast<long>(end) - 3; i > static_cast<long>(start); i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

// Word by word, never inside a word ("residents" keeps its "nts"): the abbreviations the
// layer files use, "pct" as (%), "10k" as 10,000, a run of two numbers as a range.
std::string column_title(const std::string& c) {
    static const std::map<std::string, std::string> program{
        {"code", "Code"}, {"name", "Name"}, {"member_areas", "Areas summed"},
        {"members_without_figure", "Of which no published figure"}, {"nearest", "Nearest"}, {"distance_km", "Distance (km)"}};
    if (auto it = program.find(c); it != program.end()) return it->second;
    static const std::map<std::string, std::string> words{
        {"pct", "(%)"}, {"10k", "10,000"}, {"nts", "NTS"}, {"uasc", "UASC"}, {"eu", "EU"}, {"esol", "ESOL"}, {"km", "km"}, {"km2", "km²"}};
    std::vector<std::string> parts;
    std::string w;
    for (char ch : c + "_") {
        if (ch != '_' && ch != ' ') { w += ch; continue; }
        if (!w.empty()) parts.push_back(w);
        w.clear();
    }
    std::string t;
    for (size_t i = 0; i < parts.size(); ++i) {
        bool digits = parts[i].find_first_not_of("0123456789") == std::string::npos;
        bool next_digits = i + 1 < parts.size() && parts[i + 1].find_first_not_of("0123456789") == std::string::npos;
        if (digits && next_digits) {  // children_0_17 -> children (0-17)
            t += (t.empty() ? "" : " ") + ("(" + parts[i] + "-" + parts[i + 1] + ")");
            ++i;
            continue;
        }
        auto it = words.find(parts[i]);
        t += (t.empty() ? "" : " ") + (it != words.end() ? it->second : parts[i]);
    }
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t;
}

std::string column_title(const LayerSpec& spec, const std::string& column) {
    if (auto it = spec.column_titles.find(column); it != spec.column_titles.end()) return it->second;
    return column_title(column);
}

int column_index(const std::vector<std::string>& columns, const std::string& name) {
    for (size_t c = 0; c < columns.size(); ++c) if (columns[c] == name) return static_cast<int>(c);
    return -1;
}

} // namespace sespm
