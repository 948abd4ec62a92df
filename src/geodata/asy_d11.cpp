// asy_d11.cpp: see asy_d11.h.
#include "geodata/asy_d11.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/csv.h"
#include "core/error.h"
#include "geodata/spreadsheet.h"
#include "rules/periods.h"

namespace sespm {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The dataset's columns by what their headings start with (the date's heading ends "(as at…)").
struct Columns {
    int date = -1, support = -1, region = -1, area = -1, code = -1, accommodation = -1, people = -1;
};

Columns columns_of(const std::vector<std::string>& head) {
    Columns c;
    for (size_t i = 0; i < head.size(); ++i) {
        std::string h = lower(trim(head[i]));
        int k = static_cast<int>(i);
        if (h.rfind("date", 0) == 0) c.date = k;
        else if (h == "support type") c.support = k;
        else if (h == "uk region") c.region = k;
        else if (h == "local authority") c.area = k;
        else if (h == "lad code") c.code = k;
        else if (h == "accommodation type") c.accommodation = k;
        else if (h == "people") c.people = k;
    }
    return c;
}

bool is_header(const std::vector<std::string>& row) {
    Columns c = columns_of(row);
    return c.date >= 0 && c.support >= 0 && c.area >= 0 && c.code >= 0 && c.accommodation >= 0 && c.people >= 0;
}

bool suppressed(const std::string& cell) {
    std::string t = trim(cell);
    return t == "*" || t == ".." || t == "-" || t == ":" || t == "[c]" || t == "[x]";
}

} // namespace

std::string asy_d11_date(const std::string& text) {
    static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string t = trim(text);
    int d = 0, m = 0, y = 0;
    char word[32] = {0};
    char sep = 0;
    if (std::sscanf(t.c_str(), "%4d%c%2d%c%2d", &y, &sep, &m, &sep, &d) == 5 && (sep == '/' || sep == '-') && t.size() == 10) {
        // a date cell as GDAL writes it, or an ISO date
    } else if (std::sscanf(t.c_str(), "%2d %31s %4d", &d, word, &y) == 3) {
        std::string w = lower(word);
        for (int i = 0; i < 12; ++i)
            if (w.rfind(months[i], 0) == 0 && (w.size() == 3 || std::string("january february march april may june july august september october november december")
                                                                      .find(w) != std::string::npos))
                m = i + 1;
    } else {
        return "";
    }
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return m >= 1 && is_iso_date(iso) ? std::string(iso) : std::string();
}

AsyD11 read_asy_d11(const std::string& path) {
    CsvTable t = read_spreadsheet(path, is_header, "the Asy_D11 columns (Date, Support Type, Local Authority, LAD Code, "
                                                   "Accommodation Type, People)");
    Columns c = columns_of(t.header);
    AsyD11 out;
    out.source = t.path;
    auto at = [&](long row, int col) { return where(t.path + ", row " + std::to_string(row), 0, t.header[static_cast<size_t>(col)], ""); };
    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, size_t> seen;  // -> index in out.rows
    std::set<std::string> periods;
    bool ended = false;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        long line = t.row_line[r];
        std::string first = trim(row[static_cast<size_t>(c.date)]);
        if (lower(first) == "end of table") { ended = true; continue; }
        if (ended) throw DataError(at(line, c.date) + "a row after 'End of table': is the file two tables, or cut and pasted?");
        AsyD11Row x;
        x.row = line;
        x.period = asy_d11_date(first);
        if (x.period.empty()) throw DataError(at(line, c.date) + "'" + clip(first, 40) + "' is not a date (30 Sep 2024, 30 September 2024 or a date cell)");
        x.support = trim(row[static_cast<size_t>(c.support)]);
        x.region = c.region >= 0 ? trim(row[static_cast<size_t>(c.region)]) : "";
        x.area = trim(row[static_cast<size_t>(c.area)]);
        x.code = trim(row[static_cast<size_t>(c.code)]);
        x.accommodation = trim(row[static_cast<size_t>(c.accommodation)]);
        x.not_an_area = x.area.rfind("N/A", 0) == 0 || x.code.rfind("N/A", 0) == 0;
        std::string cell = trim(row[static_cast<size_t>(c.people)]);
        if (!suppressed(cell)) {
            FigureParse f = parse_figure_text(cell);
            if (!f.error.empty() || !f.value) throw DataError(at(line, c.people) + "'" + clip(cell, 40) + "' is not a number of people" +
                                                              (f.error.empty() ? "" : " (" + f.error + ")"));
            if (*f.value != static_cast<double>(static_cast<long long>(*f.value)))
                throw DataError(at(line, c.people) + "'" + clip(cell, 40) + "' is not a whole number of people");
            x.people = static_cast<long long>(*f.value);
        }
        // the area's name is part of the key: the Sep 2023 edition's Section 98 rows at 31 Dec 2022 give
        // several places one code (Barnsley, Bradford, ... all E06000010), a publisher's slip that
        // checking codes against names must report, not a row given twice
        auto key = std::make_tuple(x.period, x.support, x.code + "|" + x.area, x.accommodation, x.region);
        if (auto it = seen.find(key); it != seen.end()) {
            const AsyD11Row& first_row = out.rows[it->second];
            if (first_row.people == x.people)  // a row pasted twice: its people would be counted twice
                throw DataError(at(line, c.code) + "the same date, support type, area, accommodation type and figure as row " +
                                std::to_string(first_row.row) + ": the figure would be counted twice");
            // the publisher's own: two figures for one category (City of Edinburgh's Section 98 hotels
            // at 31 Dec 2022 are 7 and 35 in the Sep 2023 edition); both kept, and said
            out.repeated.push_back({first_row.row, line});
        } else {
            seen[key] = out.rows.size();
        }
        periods.insert(x.period);
        out.rows.push_back(std::move(x));
    }
    if (!ended) throw DataError(where(t.path, 0, "", "has no 'End of table' row: the file may be cut short"));
    out.periods.assign(periods.begin(), periods.end());
    return out;
}

} // namespace sespm
