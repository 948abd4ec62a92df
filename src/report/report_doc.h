// report_doc.h: the board report as a document: an A4 cairo PDF surface written into memory
// (then saved whole through core/output_file, so a failed write leaves nothing), pages with a
// header (title, period), a footer (attribution, page number), bookmarks per section, document
// metadata, and a cursor that lays content out from top to bottom. A tagged PDF: page headings are
// H2 (the cover's title H1, drawn by its page), each figure's alternative text is recorded as it
// is drawn, and finish() hands the bytes to print/pdf_accessibility (language, Alt, artifacts).
#pragma once
#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

namespace sespm {

class ReportDoc {
public:
    static constexpr double kWidth = 595.276, kHeight = 841.89;   // A4 in points
    static constexpr double kMargin = 40;

    ReportDoc(std::string title, std::string period, std::string attribution);
    ~ReportDoc();
    ReportDoc(const ReportDoc&) = delete;
    ReportDoc& operator=(const ReportDoc&) = delete;

    cairo_t* cr() { return cr_; }
    // Starts a page; `section` non-empty adds a bookmark for it (and a page heading).
    void new_page(const std::string& section, const std::string& heading);
    double y = 0;                        // where the next content goes on this page
    double content_width() const { return kWidth - 2 * kMargin; }
    double bottom() const { return kHeight - kMargin - 42; }   // above the footer's attribution
    // A new page (same heading, "continued") when `height` does not fit below y.
    void need(double height);
    int pages() const { return pages_; }
    // Draws a Figure (a map, a chart) with its alternative text: what it shows and its largest values.
    void figure(const std::string& alt, const std::function<void()>& draw);
    // Finishes the document; returns the PDF bytes. Throws DataError when cairo reports an error.
    std::string finish();

private:
    void footer();
    void start_page(const std::string& section, const std::string& heading, bool continued);
    std::string title_, period_, attribution_, heading_;
    std::string bytes_;
    std::vector<std::string> figure_alts_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    int pages_ = 0;
};

} // namespace sespm
