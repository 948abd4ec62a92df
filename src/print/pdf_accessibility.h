// pdf_accessibility.h: the step after cairo that makes a tagged PDF accessible (WCAG 2.2 AA,
// PDF/UA's asks), for the board report and `render -o FILE.pdf`. cairo 1.16 writes the structure
// tree (cairo_tag_begin "H1", "P", "Table", "Figure" ...) but no document language, no /MarkInfo
// (so readers say "Tagged: no"), no alternative text on a Figure and no artifacts. This reads the
// bytes with libqpdf and appends an incremental update: /Lang, /MarkInfo /Marked,
// /ViewerPreferences /DisplayDocTitle in the catalog; the top-level elements under one Document
// element; /Alt on each /Figure element (cairo's figures are top-level) in document order from
// the alts the drawing code recorded; /Scope /Column on header cells (TH, each table's first
// row); and every piece of page content outside a structure element (running header, footer,
// page numbers, rules) wrapped as an /Artifact. Bookmarks, metadata and drawing are kept.
#pragma once
#include <string>
#include <vector>

namespace sespm {

struct PdfAccessibility {
    std::string lang = "en-GB";
    std::vector<std::string> figure_alts;   // one per Figure element, in the order they were tagged
};

// Returns the rewritten PDF. Throws DataError when the bytes are not a PDF qpdf can read, or when
// the count of Figure elements differs from the count of alts (a figure without its words).
std::string make_pdf_accessible(const std::string& pdf, const PdfAccessibility& a);

} // namespace sespm
