// asy_d11.h: the Home Office's Asy_D11 detailed dataset ("Asylum seekers in receipt of support by
// local authority", issue 24) read as the publisher lays it out, through GDAL's XLSX and ODS
// drivers (geodata/spreadsheet): the sheet whose header row has the dataset's columns, wherever
// that row is; dates as text ("30 Sep 2024", "30 September 2024") or as date cells; the "End of
// table" row; "N/A - ..." rows kept as what they are, never as an area; suppression marks (*, ..,
// -, :) as no figure. Anything else it refuses, naming the file, the row and the column.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sespm {

struct AsyD11Row {
    std::string period;                 // ISO date
    std::string support, region, area, code, accommodation;
    std::optional<long long> people;    // none: suppressed in the source
    bool not_an_area = false;           // "N/A - ...": a group the publisher counts without a place
    long row = 0;                       // the spreadsheet's row number, for messages
};

struct AsyD11 {
    std::string source;                 // "FILE, sheet 'NAME'"
    std::vector<AsyD11Row> rows;        // in the file's order, the "End of table" row left out
    std::vector<std::string> periods;   // every date, oldest first
    // Row pairs with the same date, support type, area and accommodation type but different
    // figures, as the publisher wrote them (both kept; an import says them): spreadsheet rows.
    std::vector<std::pair<long, long>> repeated;
};

// DataError: no sheet with the dataset's header (the sheets named), a date that is not one, a
// figure that is not a whole number of people, the same row twice with the same figure (date,
// support type, code and name, accommodation type, region: both rows named), rows after
// "End of table", no "End of table" row (the file may be cut short).
AsyD11 read_asy_d11(const std::string& path);

// "30 Sep 2024", "30 September 2024", "2024/09/30", "2024-09-30" (a date cell as GDAL shows it)
// -> "2024-09-30"; "" when the text is not such a date.
std::string asy_d11_date(const std::string& text);

} // namespace sespm
