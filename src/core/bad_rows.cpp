// bad_rows.cpp: the log of rejected rows and notes, and the input options (see bad_rows.h).
#include "core/bad_rows.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/error.h"

namespace sespm {

std::string RejectedRow::message() const {
    if (feature) return where(file + ": feature " + std::to_string(line), 0, field, reason);
    if (sheet_row) return where(file + ": row " + std::to_string(line), 0, field, reason);
    return where(file, line, field, reason);
}

void InputLog::reject(RejectedRow r) {
    std::lock_guard<std::mutex> l(m_);
    rows_.push_back(std::move(r));
}

void InputLog::note(std::string text) {
    std::lock_guard<std::mutex> l(m_);
    if (std::find(notes_.begin(), notes_.end(), text) == notes_.end()) notes_.push_back(std::move(text));
}

std::vector<RejectedRow> InputLog::rejected() const {
    std::lock_guard<std::mutex> l(m_);
    return rows_;
}

std::vector<std::string> InputLog::notes() const {
    std::lock_guard<std::mutex> l(m_);
    return notes_;
}

size_t InputLog::rejected_count() const {
    std::lock_guard<std::mutex> l(m_);
    return rows_.size();
}

void InputLog::clear() {
    std::lock_guard<std::mutex> l(m_);
    rows_.clear();
    notes_.clear();
}

InputLog& input_log() {
    static InputLog log;
    return log;
}

InputOptions& input_options() {
    static InputOptions o;
    return o;
}

void RowRejections::add(long line, const std::string& field, const std::string& reason) {
    rows.push_back({file, line, field, reason, features, sheet_rows});
}

size_t distinct_rows(const std::vector<RejectedRow>& rows) {
    std::set<std::tuple<std::string, long, bool>> seen;
    size_t unnumbered = 0;
    for (const auto& r : rows) {
        if (r.line <= 0) ++unnumbered;
        else seen.insert({r.file, r.line, r.feature});
    }
    return seen.size() + unnumbered;
}

void RowRejections::finish(size_t good_rows, const std::string& what_rows) {
    if (good_rows == 0 && !rows.empty()) {
        size_t n = distinct_rows(rows);
        std::string msg = "no usable " + what_rows + ": " + (n == 1 ? std::string("the only row was") : "all " + std::to_string(n) + " rows were") + " rejected";
        for (size_t i = 0; i < rows.size() && i < 3; ++i) msg += "\n  " + rows[i].message();
        if (rows.size() > 3) msg += "\n  ... and " + std::to_string(rows.size() - 3) + " more";
        throw DataError(where(file, 0, "", msg));
    }
    for (auto& r : rows) input_log().reject(std::move(r));
    rows.clear();
}

} // namespace sespm
