// csv.h: a small RFC 4180 CSV reader for the figure tables (quoted fields, embedded commas and
// quotes, CRLF, a UTF-8 BOM) that keeps line numbers so every error names file, line and field,
// and the parsing of published figures ("1,234", blank, "*", "-", "c", "z", ".." = not published).
#pragma once
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sespm {

struct CsvTable {
    std::string path;                            // for messages
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // every row has header.size() cells
    std::vector<long> row_line;                  // 1-based line number where each row starts
    bool sheet_rows = false;                     // row_line holds a spreadsheet's row numbers

    // Index of a column, or -1. Names match exactly first, then without regard to ASCII case.
    int column(std::string_view name) const;
    // Index of a column; throws DataError naming the file and the missing column (and hinting
    // at ';' as the separator when the header is one cell holding semicolons).
    int require_column(std::string_view name) const;
};

// Two columns of one name (any case; empty names aside) are refused: DataError naming the
// column, both positions and the header's line (or row).
void check_header_unique(const std::string& path, const std::vector<std::string>& header, long line = 1);

// "; the header looks separated by ';' ..." when the header is one cell holding semicolons,
// else "": for messages about missing columns.
std::string separator_hint(const CsvTable& t);

// Parse CSV text. Throws DataError (file, line) on an unterminated quote, a row with a
// different number of cells than the header, an empty file, or invalid UTF-8 (other encodings
// such as Windows-1252 must be converted first; the message says so).
CsvTable parse_csv(std::string_view text, const std::string& path_for_messages);
// Read and parse a file; throws DataError if it cannot be read or is a folder.
CsvTable read_csv(const std::string& path);

// A published figure: nullopt for "not published" markers (empty, "*", "-", "c", "z", "..",
// "x", ":", "n/a", and the current ONS/Home Office "[c]", "[x]", "[z]"); otherwise the number, with thousands separators accepted ("1,234").
// Throws DataError naming file, line and field when the cell is not a number, or is
// negative / non-finite and `allow_negative` is false.
std::optional<double> parse_figure(std::string_view cell, const std::string& file, long line,
                                   const std::string& field, bool allow_negative = false);

// The same without throwing: `error` (without the location) is set when the cell is bad.
struct FigureParse {
    std::optional<double> value;
    std::string error;
};
FigureParse parse_figure_text(std::string_view cell, bool allow_negative = false);

std::string trim(std::string_view s);

} // namespace sespm
