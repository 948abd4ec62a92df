// spreadsheet.h: a council officer's workbook (.xlsx, .ods) read as a table, through GDAL's
// XLSX and ODS drivers, wherever a CSV of points is taken. Every cell is read as the text it
// shows; the sheet is the one named by --sheet, else the only one whose header the caller
// recognises (else an error listing the sheets); the header row is found by reading (a title
// and blank rows above it are fine); rows are numbered as the spreadsheet numbers them, so a
// message says "row 6" where the officer sees row 6.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/csv.h"

namespace sespm {

// .xlsx or .ods (any case).
bool is_spreadsheet_path(const std::string& path);

// The chosen sheet as a CsvTable (header = the recognised row; rows after it, blank rows
// skipped; row_line = spreadsheet row numbers; path "FILE, sheet NAME"). `is_header` says
// whether a row's cells are the header the caller needs; `needed` words it for messages
// ("lat,lon, easting,northing or postcode columns"). DataError naming the file otherwise.
CsvTable read_spreadsheet(const std::string& path, const std::function<bool(const std::vector<std::string>&)>& is_header,
                          const std::string& needed);

} // namespace sespm
