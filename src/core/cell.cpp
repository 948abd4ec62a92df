// cell.cpp: see cell.h.
#include "core/cell.h"

#include <cmath>
#include <cstdio>

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

std::string column_title(const std::string& c) {
    std::string t = c;
    auto replace = [&](const std::string& from, const std::string& to) {
        auto p = t.find(from);
        if (p != std::string::npos) t.replace(p, from.size(), to);
    };
    replace("_pct", " (%)");
    replace("per_10k", "per 10,000");
    replace("_0_17", " (0-17)");
    replace("nts", "NTS");
    replace("uasc", "UASC");
    replace("eu_", "EU ");
    for (auto& ch : t) if (ch == '_') ch = ' ';
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t;
}

} // namespace sespm
