// pdf_tags.h: one structure element of a tagged PDF (cairo_tag_begin/end: "H1", "P", "Table",
// "TR", "TH", "TD", "L", "LI", "Figure" ...) as a scope guard, so elements always close in the
// order they opened. cairo ignores tags on SVG and image surfaces, so drawing code tags freely.
// What cairo cannot write (/Alt, /Lang, artifacts) is added after it: print/pdf_accessibility.
#pragma once
#include <cairo.h>

#include <utility>

namespace sespm {

class PdfTag {
public:
    PdfTag(cairo_t* cr, const char* name) : cr_(cr), name_(name) { cairo_tag_begin(cr_, name_, ""); }
    ~PdfTag() { cairo_tag_end(cr_, name_); }
    PdfTag(const PdfTag&) = delete;
    PdfTag& operator=(const PdfTag&) = delete;

private:
    cairo_t* cr_;
    const char* name_;
};

// Runs `draw` inside one element.
template <typename F>
void tagged(cairo_t* cr, const char* name, F&& draw) {
    PdfTag tag(cr, name);
    std::forward<F>(draw)();
}

} // namespace sespm
