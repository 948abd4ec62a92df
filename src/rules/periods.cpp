// periods.cpp: see periods.h.
#include "rules/periods.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"

namespace sespm {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int month_days(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

void split(const std::string& s, int& y, int& m, int& d) {
    y = std::atoi(s.substr(0, 4).c_str());
    m = std::atoi(s.substr(5, 2).c_str());
    d = std::atoi(s.substr(8, 2).c_str());
}

} // namespace

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int y, m, d;
    split(s, y, m, d);
    return y >= 1800 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

long days_of(const std::string& iso) {
    int y, m, d;
    split(iso, y, m, d);
    // days from civil (Howard Hinnant's algorithm)
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int months_between(const std::string& a, const std::string& b) {
    int ya, ma, da, yb, mb, db;
    split(a, ya, ma, da);
    split(b, yb, mb, db);
    return (yb - ya) * 12 + (mb - ma);
}

std::string months_before(const std::string& iso, int months) {
    int y, m, d;
    split(iso, y, m, d);
    bool last_day = d == month_days(y, m);
    int index = y * 12 + (m - 1) - months;
    int ny = index / 12, nm = index % 12 + 1;
    int nd = last_day ? month_days(ny, nm) : std::min(d, month_days(ny, nm));
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", ny, nm, nd);
    return out;
}

int period_step_months(const std::vector<std::string>& periods) {
    int step = 0;
    for (size_t i = 1; i < periods.size(); ++i) {
        int gap = months_between(periods[i - 1], periods[i]);
        if (gap > 0 && (step == 0 || gap < step)) step = gap;
    }
    return step;
}

std::string choose_period(const std::vector<std::string>& periods, const std::string& wanted,
                          const std::string& layer, const std::string& setting) {
    if (periods.empty()) throw SettingError(setting, wanted, "layer '" + layer + "' has no periods");
    if (wanted.empty() || wanted == "latest") return periods.back();
    if (wanted == "earliest") return periods.front();
    if (!is_iso_date(wanted))
        throw SettingError(setting, clip(wanted), "give a date YYYY-MM-DD, latest or earliest");
    auto it = std::lower_bound(periods.begin(), periods.end(), wanted);
    if (it != periods.end() && *it == wanted) return wanted;
    std::string near;
    if (it != periods.begin()) near = *(it - 1);
    if (it != periods.end()) near += (near.empty() ? "" : " or ") + *it;
    throw SettingError(setting, wanted, "layer '" + layer + "' has no figures for that date; the nearest periods are " + near);
}

std::vector<std::string> periods_between(const std::vector<std::string>& periods, const std::string& from,
                                         const std::string& to, const std::string& layer) {
    if (!from.empty() && !is_iso_date(from)) throw SettingError("from", clip(from), "give a date YYYY-MM-DD");
    if (!to.empty() && !is_iso_date(to)) throw SettingError("to", clip(to), "give a date YYYY-MM-DD");
    std::vector<std::string> out;
    for (const auto& p : periods)
        if ((from.empty() || p >= from) && (to.empty() || p <= to)) out.push_back(p);
    if (out.empty())
        throw SettingError("from", "", "layer '" + layer + "' has no periods between " + (from.empty() ? "the start" : from) +
                         " and " + (to.empty() ? "the end" : to) + " (its periods run " +
                         (periods.empty() ? std::string("nowhere") : periods.front() + " to " + periods.back()) + ")");
    return out;
}

std::string quarter_label(const std::string& iso) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
    int m = std::atoi(iso.substr(5, 2).c_str()), d = std::atoi(iso.substr(8, 2).c_str());
    if (m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + iso.substr(0, 4);
}

} // namespace sespm
