// spreadsheet.cpp: see spreadsheet.h. GDAL opens the workbook with HEADERS=DISABLE (every row a
// feature, its FID the spreadsheet's row number) and FIELD_TYPES=STRING (cells as shown).
#include "geodata/spreadsheet.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>

#include "core/bad_rows.h"
#include "core/error.h"
#include "core/input_files.h"
#include "geodata/gdal_input.h"
#include "geodata/gdal_util.h"

namespace sespm {

namespace {

struct Sheet {
    std::string name;
    std::vector<std::vector<std::string>> rows;  // every row, blank ones too
    std::vector<long> numbers;                   // the spreadsheet's row numbers
    long header = -1;                            // index into rows of the recognised header
};

bool blank(const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); });
}

Sheet read_sheet(OGRLayer& layer, const std::string& path) {
    Sheet s;
    s.name = layer.GetName();
    int fields = layer.GetLayerDefn()->GetFieldCount();
    long count = 0;
    for (auto& f : layer) {
        ++count;
        // a sparse sheet with one cell far out (XFD1048576) would be billions of empty strings
        if (static_cast<double>(count) * fields > 2e7)
            throw DataError(where(path + ", sheet '" + s.name + "'", 0, "", "the sheet is too large to be a list of points (over " +
                                                                               std::to_string(count) + " rows of " + std::to_string(fields) +
                                                                               " columns); is there a stray cell far below or to the right?"));
        std::vector<std::string> row(static_cast<size_t>(fields));
        for (int i = 0; i < fields; ++i)
            if (f->IsFieldSetAndNotNull(i)) row[static_cast<size_t>(i)] = trim(gdal_text(f->GetFieldAsString(i), path, count, "column " + std::to_string(i + 1)));
        s.rows.push_back(std::move(row));
        s.numbers.push_back(f->GetFID() > 0 ? static_cast<long>(f->GetFID()) : count);
    }
    return s;
}

// The sheet as a table from its header row down: trailing empty columns dropped, blank rows skipped.
CsvTable table_of(const Sheet& s, const std::string& path) {
    CsvTable t;
    t.path = path + ", sheet '" + s.name + "'";
    t.sheet_rows = true;
    const auto& head = s.rows[static_cast<size_t>(s.header)];
    size_t width = head.size();
    while (width > 0 && head[width - 1].empty()) --width;
    t.header.assign(head.begin(), head.begin() + static_cast<long>(width));
    check_header_unique(t.path, t.header, s.numbers[static_cast<size_t>(s.header)]);
    for (size_t r = static_cast<size_t>(s.header) + 1; r < s.rows.size(); ++r) {
        if (blank(s.rows[r])) continue;
        std::vector<std::string> row(s.rows[r].begin(), s.rows[r].begin() + static_cast<long>(width));
        for (size_t c = width; c < s.rows[r].size(); ++c)
            if (!s.rows[r][c].empty())
                throw DataError(where(t.path + ", row " + std::to_string(s.numbers[r]), 0, "", "a cell beyond the header's last column (column " +
                                                                                                  std::to_string(c + 1) + ") holds '" + clip(s.rows[r][c], 40) +
                                                                                                  "': give that column a name in the header row"));
        t.rows.push_back(std::move(row));
        t.row_line.push_back(s.numbers[r]);
    }
    return t;
}

std::string sheet_list(const std::vector<Sheet>& sheets) {
    std::string out;
    for (const auto& s : sheets) out += (out.empty() ? "'" : ", '") + s.name + "'";
    return out;
}

} // namespace

bool is_spreadsheet_path(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".xlsx" || ext == ".ods";
}

CsvTable read_spreadsheet(const std::string& path, const std::function<bool(const std::vector<std::string>&)>& is_header,
                          const std::string& needed) {
    gdal_init();
    note_input_file(path);
    GdalErrorCapture capture;
    // The drivers read the open options for every sheet but the first, which they parse while
    // opening (GDAL 3.6): the config options reach that one too. Thread-local, undone on return.
    CPLConfigOptionSetter xlsx_headers("OGR_XLSX_HEADERS", "DISABLE", true), xlsx_types("OGR_XLSX_FIELD_TYPES", "STRING", true);
    CPLConfigOptionSetter ods_headers("OGR_ODS_HEADERS", "DISABLE", true), ods_types("OGR_ODS_FIELD_TYPES", "STRING", true);
    const char* drivers[] = {"XLSX", "ODS", nullptr};
    const char* options[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr));
    if (!ds) {
        std::string why = capture.last();
        throw DataError(where(path, 0, "", "GDAL cannot read it as a spreadsheet (.xlsx or .ods)" + (why.empty() ? std::string(": is it a workbook saved under another name?") : ": " + why)));
    }
    std::vector<Sheet> sheets;
    for (int i = 0; i < ds->GetLayerCount(); ++i) sheets.push_back(read_sheet(*ds->GetLayer(i), path));
    for (auto& s : sheets)
        for (size_t r = 0; r < s.rows.size() && s.header < 0; ++r)
            if (!blank(s.rows[r]) && is_header(s.rows[r])) s.header = static_cast<long>(r);
    const std::string& named = input_options().sheet;
    if (!named.empty()) {
        auto it = std::find_if(sheets.begin(), sheets.end(), [&](const Sheet& s) { return s.name == named; });
        if (it == sheets.end()) throw DataError(where(path, 0, "", "has no sheet '" + clip(named) + "' ({sheet}); its sheets: " + sheet_list(sheets)));
        if (it->header < 0) throw DataError(where(path + ", sheet '" + it->name + "'", 0, "", "no row of it is a header with " + needed));
        return table_of(*it, path);
    }
    std::vector<const Sheet*> fits;
    for (const auto& s : sheets) if (s.header >= 0) fits.push_back(&s);
    if (fits.size() == 1) return table_of(*fits[0], path);
    if (fits.empty()) throw DataError(where(path, 0, "", "no sheet has a header row with " + needed + "; its sheets: " + sheet_list(sheets)));
    std::vector<Sheet> names;
    for (const Sheet* s : fits) names.push_back({s->name, {}, {}, -1});
    throw DataError(where(path, 0, "", std::to_string(fits.size()) + " sheets have " + needed + ": " + sheet_list(names) +
                                           "; choose one by its name ({sheet})"));
}

} // namespace sespm
