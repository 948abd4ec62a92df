// bad_rows.h: the one rule for partly bad input files (figures CSVs, points files). A reader
// keeps the good rows and reports every rejected row here, with its file, line and field and
// the reason; nothing is dropped silently. The command line lists them on stderr when the
// command ends and exits 1 unless --skip-bad-rows was given (then 0, still listing them); the
// window can show the same list. Notes (e.g. "recoded from Latin-1") are kept here too.
// Also the input choices every reader honours: --skip-bad-rows and --source-layer NAME.
#pragma once
#include <mutex>
#include <string>
#include <vector>

namespace sespm {

struct RejectedRow {
    std::string file;
    long line = 0;          // CSV line, or feature number for a GDAL file; 0 = not known
    std::string field;
    std::string reason;
    bool feature = false;   // `line` is a GDAL feature number: "FILE: feature N: ..."
    bool sheet_row = false; // `line` is a spreadsheet's row number: "FILE, sheet 'S': row N: ..."
    std::string message() const;   // "FILE:LINE: field 'F': reason"
};

class InputLog {
public:
    void reject(RejectedRow r);
    void note(std::string text);               // once per distinct text
    std::vector<RejectedRow> rejected() const;
    std::vector<std::string> notes() const;
    size_t rejected_count() const;
    void clear();

private:
    mutable std::mutex m_;
    std::vector<RejectedRow> rows_;
    std::vector<std::string> notes_;
};

// How many rows `rows` name: a row rejected for two fields is one row (entries without a line
// count one each).
size_t distinct_rows(const std::vector<RejectedRow>& rows);

// The process-wide log the readers write to.
InputLog& input_log();

struct InputOptions {
    bool skip_bad_rows = false;   // --skip-bad-rows: rejected rows do not make the exit status 1
    std::string source_layer;     // --source-layer NAME: the layer to read from a multi-layer file
    std::string sheet;            // --sheet NAME: the sheet to read from a workbook (.xlsx, .ods)
};
InputOptions& input_options();

// Collects the rejected rows of one file while it is read; `finish` hands them to input_log()
// and throws DataError when no row was usable (naming the file, the count and the first reasons).
struct RowRejections {
    std::string file;
    bool features = false;  // rows are GDAL features (numbered from 1), not CSV lines
    std::vector<RejectedRow> rows;
    bool sheet_rows = false;  // rows are a spreadsheet's numbered rows
    void add(long line, const std::string& field, const std::string& reason);
    void finish(size_t good_rows, const std::string& what_rows);
};

} // namespace sespm
