// pdf_update.h: an incremental update of a PDF (ISO 32000 7.5.6): new versions of some objects
// appended after the file's end with their own cross-reference section and a trailer pointing
// back to the old one. print/pdf_accessibility changes a few hundred of the report's thousands
// of objects; rewriting the whole file through qpdf cost more than drawing the tables.
#pragma once
#include <map>
#include <string>

namespace sespm {

// `pdf` with the objects (number -> body: a dictionary, or a dictionary, "stream", data and
// "endstream"; generation 0) appended. `trailer` is the new trailer dictionary without /Prev and
// /Size (set here from `old_size` and the numbers written). Throws DataError when `pdf` has no
// startxref to point back to.
std::string append_pdf_update(const std::string& pdf, const std::map<int, std::string>& objects, const std::string& trailer,
                              int old_size);

} // namespace sespm
