// csv.cpp: the CSV reader and figure parser declared in csv.h.
#include "core/csv.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/input_files.h"

namespace sespm {

// Header names match without regard to ASCII case ("Code" is the column "code").
static bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

int CsvTable::column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    for (size_t i = 0; i < header.size(); ++i)
        if (same_name(header[i], name)) return static_cast<int>(i);
    return -1;
}

// Two columns of one name (any case; empty names aside): which holds the figure? The first was
// taken without a word. DataError naming the column and both positions.
void check_header_unique(const std::string& path, const std::vector<std::string>& header, long line) {
    for (size_t i = 0; i < header.size(); ++i)
        for (size_t j = i + 1; j < header.size(); ++j)
            if (!header[i].empty() && same_name(header[i], header[j]))
                throw DataError(where(path, line, header[j], "the column appears twice (columns " + std::to_string(i + 1) + " and " +
                                                              std::to_string(j + 1) + "), so which one holds the figures is not clear: "
                                                              "rename or remove one"));
}

// A header that is one cell holding semicolons: the file is separated by ';', not ','.
static bool semicolon_header(const std::vector<std::string>& header) {
    return header.size() == 1 && header[0].find(';') != std::string::npos;
}
static const char* kSemicolonHint =
    "; the header looks separated by ';' (the likely separator): save the file as comma-separated CSV";

std::string separator_hint(const CsvTable& t) { return semicolon_header(t.header) ? kSemicolonHint : ""; }

int CsvTable::require_column(std::string_view name) const {
    int c = column(name);
    if (c < 0) {
        std::string have;
        for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
        throw DataError(where(path, 1, std::string(name),
                              "required column is missing (the header has: " + have + ")" +
                                  (semicolon_header(header) ? kSemicolonHint : "")));
    }
    return c;
}

// The spaces a cell may carry unseen from a spreadsheet or a web page: a no-break space, the
// narrow one, zero-width spaces and joiners, the word joiner and a byte-order mark.
static size_t invisible_space_at(std::string_view s, size_t i) {
    if (static_cast<unsigned char>(s[i]) < 0xC2) return 0;  // every one starts with a byte from 0xC2 up
    static const std::string_view kSpaces[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
                                               "\xE2\x81\xA0", "\xEF\xBB\xBF"};
    for (auto sp : kSpaces)
        if (s.substr(i, sp.size()) == sp) return sp.size();
    return 0;
}
static size_t invisible_space_before(std::string_view s, size_t e) {
    if (e == 0 || static_cast<unsigned char>(s[e - 1]) < 0x80) return 0;  // ends in plain ASCII
    for (size_t n : {size_t{2}, size_t{3}})
        if (e >= n && invisible_space_at(s, e - n) == n) return n;
    return 0;
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    for (size_t n = 1; n > 0 && b < e;) {
        n = (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n') ? 1 : invisible_space_at(s, b);
        b += n;
    }
    for (size_t n = 1; n > 0 && e > b;) {
        n = (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n') ? 1 : invisible_space_before(s.substr(0, e), e);
        e -= n;
    }
    return std::string(s.substr(b, e - b));
}

// Returns the 1-based line of the first invalid UTF-8 byte sequence, or 0 if valid.
static long invalid_utf8_line(std::string_view t) {
    long line = 1;
    for (size_t i = 0; i < t.size();) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (c == '\n') ++line;
        if (c < 0x80) { ++i; continue; }
        int n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (n < 0 || c == 0xC0 || c == 0xC1) return line;
        for (int k = 1; k <= n; ++k) {
            if (i + k >= t.size()) return line;
            if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return line;
        }
        i += static_cast<size_t>(n) + 1;
    }
    return 0;
}

CsvTable parse_csv(std::string_view text, const std::string& path) {
    CsvTable t;
    t.path = path;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (long bad = invalid_utf8_line(text))
        throw DataError(where(path, bad, "", "text is not UTF-8 (save the file as UTF-8 CSV)"));

    std::vector<std::string> row;
    std::string cell;
    long line = 1, row_start = 1;
    bool in_quotes = false, any = false, cell_quoted = false;
    auto end_row = [&](long at_line) {
        row.push_back(cell);
        cell.clear();
        cell_quoted = false;
        bool blank = row.size() == 1 && row[0].empty();
        if (!blank) {
            if (t.header.empty()) {
                for (auto& h : row) h = trim(h);
                t.header = std::move(row);
                check_header_unique(path, t.header);
            } else {
                if (row.size() != t.header.size())
                    throw DataError(where(path, row_start, "",
                        "expected " + std::to_string(t.header.size()) + " cells as in the header, found " +
                        std::to_string(row.size()) +
                        (semicolon_header(t.header) ? std::string(kSemicolonHint)
                         : row.size() > t.header.size() ? " (is there an unquoted comma, e.g. 1,234 not in quotes?)" : "")));
                t.rows.push_back(std::move(row));
                t.row_line.push_back(row_start);
            }
        }
        row.clear();
        row_start = at_line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        any = true;
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
                else in_quotes = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && trim(cell).empty() && !cell_quoted) { in_quotes = true; cell_quoted = true; cell.clear(); }
        else if (c == ',') { row.push_back(cell); cell.clear(); cell_quoted = false; }
        else if (c == '\r') {  // CRLF: the \n ends the row; a CR alone (old Mac files) ends it itself
            if (i + 1 >= text.size() || text[i + 1] != '\n') { ++line; end_row(line); }
        }
        else if (c == '\n') { ++line; end_row(line); }
        else cell += c;
    }
    if (in_quotes) throw DataError(where(path, row_start, "", "a quoted cell is never closed"));
    if (any && (!cell.empty() || !row.empty())) end_row(line);
    if (t.header.empty()) throw DataError(where(path, 0, "", "the file is empty (no header row)"));
    return t;
}

CsvTable read_csv(const std::string& path) {
    if (std::string why = not_a_file_reason(path, "a CSV file"); !why.empty()) throw DataError(where(path, 0, "", why));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(where(path, 0, "", "cannot open the file"));
    note_input_file(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_csv(ss.str(), path);
}

FigureParse parse_figure_text(std::string_view cell, bool allow_negative) {
    std::string s = trim(cell);
    if (s.empty() || s == "*" || s == "-" || s == "c" || s == "z" || s == ".." || s == "x" ||
        s == ":" || s == "n/a" || s == "N/A" || s == "[c]" || s == "[x]" || s == "[z]")
        return {};
    // thousands separators: digits grouped by commas, e.g. 1,234 or 12,345.6
    std::string num;
    bool bad_grouping = false;
    if (s.find(',') != std::string::npos) {
        size_t dot = s.find('.');
        std::string intpart = s.substr(0, dot);
        size_t start = (!intpart.empty() && (intpart[0] == '-' || intpart[0] == '+')) ? 1 : 0;
        // groups after the first must be exactly 3 digits
        size_t pos = intpart.find(',', start);
        if (pos == start || pos - start > 3) bad_grouping = true;
        while (pos != std::string::npos && !bad_grouping) {
            size_t next = intpart.find(',', pos + 1);
            size_t len = (next == std::string::npos ? intpart.size() : next) - pos - 1;
            if (len != 3) bad_grouping = true;
            pos = next;
        }
        for (char ch : s) if (ch != ',') num += ch;
    } else {
        num = s;
    }
    double v = 0;
    const char* b = num.data();
    const char* e = num.data() + num.size();
    if (*b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    FigureParse r;
    if (ec == std::errc::result_out_of_range) r.error = "'" + s + "' is too large to be a figure";
    else if (bad_grouping || ec != std::errc() || p != e) r.error = "'" + s + "' is not a number";
    else if (!std::isfinite(v)) r.error = "'" + s + "' is not a finite number";
    else if (v < 0 && !allow_negative) r.error = "'" + s + "' is negative; a count cannot be";
    else r.value = v;
    return r;
}

std::optional<double> parse_figure(std::string_view cell, const std::string& file, long line,
                                   const std::string& field, bool allow_negative) {
    FigureParse r = parse_figure_text(cell, allow_negative);
    if (!r.error.empty()) throw DataError(where(file, line, field, r.error));
    return r.value;
}

} // namespace sespm
