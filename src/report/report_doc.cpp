// report_doc.cpp: see report_doc.h.
#include "report/report_doc.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <ctime>

#include "core/error.h"
#include "print/pdf_accessibility.h"
#include "print/pdf_tags.h"
#include "print/print_text.h"

namespace sespm {

ReportDoc::ReportDoc(std::string title, std::string period, std::string attribution)
    : title_(std::move(title)), period_(std::move(period)), attribution_(std::move(attribution)) {
    surface_ = cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, kWidth, kHeight);
    cr_ = cairo_create(surface_);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title_.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, "South East Strategic Partnership for Migration");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "SESPM Map");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, ("Board report, " + period_).c_str());
    char date[32];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", std::gmtime(&now));
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

ReportDoc::~ReportDoc() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
}

void ReportDoc::footer() {
    set_rgb(cr_, 0x666666);
    double h = text_height(cr_, content_width() - 60, attribution_, "DejaVu Sans 5.5");
    print_text(cr_, kMargin, kHeight - kMargin - h + 8, content_width() - 60, attribution_, "DejaVu Sans 5.5");
    print_text(cr_, kWidth - kMargin - 50, kHeight - kMargin, 50, "page " + std::to_string(pages_), "DejaVu Sans 7", Align::Right);
}

void ReportDoc::new_page(const std::string& section, const std::string& heading) { start_page(section, heading, false); }

// A continued page repeats its heading as page furniture (an artifact), not as a second heading.
void ReportDoc::start_page(const std::string& section, const std::string& heading, bool continued) {
    if (pages_ > 0) cairo_show_page(cr_);
    ++pages_;
    heading_ = heading;
    if (!section.empty())
        cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, section.c_str(),
                                      ("page=" + std::to_string(pages_)).c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    set_rgb(cr_, 0x666666);
    // The running header on one line: the period at the right, the title in the rest.
    double period_w = std::min(text_width(cr_, period_, "DejaVu Sans 7"), content_width() / 2);
    print_line(cr_, kMargin, 22, content_width() - period_w - 12, title_, "DejaVu Sans 7");
    print_text(cr_, kWidth - kMargin - period_w - 1, 22, period_w + 1, period_, "DejaVu Sans 7", Align::Right);
    set_rgb(cr_, 0xcccccc);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, 33);
    cairo_line_to(cr_, kWidth - kMargin, 33);
    cairo_stroke(cr_);
    y = kMargin + 6;
    if (!heading.empty()) {
        set_rgb(cr_, 0x1a1a1a);
        if (!continued) cairo_tag_begin(cr_, "H2", "");
        y += print_text(cr_, kMargin, y, content_width(), heading, "DejaVu Sans Bold 15") + 8;
        if (!continued) cairo_tag_end(cr_, "H2");
    }
    footer();
}

void ReportDoc::need(double height) {
    if (y + height <= bottom()) return;
    std::string base = heading_;
    start_page("", base.empty() ? "" : base + " (continued)", true);
    heading_ = base;
}

// The figure is drawn into a group (cairo writes it as a Form XObject), so the page's own
// content stays small: print/pdf_accessibility rewrites each page's content to mark its
// artifacts, and the maps' long paths then pass through untouched.
void ReportDoc::figure(const std::string& alt, const std::function<void()>& draw) {
    figure_alts_.push_back(alt);
    PdfTag tag(cr_, "Figure");
    cairo_push_group(cr_);
    draw();
    cairo_pop_group_to_source(cr_);
    cairo_paint(cr_);
}

std::string ReportDoc::finish() {
    cairo_show_page(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    cairo_status_t st = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (st != CAIRO_STATUS_SUCCESS) throw DataError(std::string("the report could not be drawn: ") + cairo_status_to_string(st));
    return make_pdf_accessible(bytes_, {"en-GB", figure_alts_});
}

} // namespace sespm
