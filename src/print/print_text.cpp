// print_text.cpp: see print_text.h.
#include "print/print_text.h"

#include <pango/pangocairo.h>

namespace sespm {

namespace {

PangoLayout* make_layout(cairo_t* cr, double width, const std::string& text, const std::string& font, Align align,
                         bool hyphens = true) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    if (width > 0) pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == Align::Centre ? PANGO_ALIGN_CENTER : align == Align::Right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    // No ligatures: a PDF's "fi" stays two letters, so its text reads, searches and copies as written.
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_font_features_new("liga=0, clig=0"));
    if (!hyphens) pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    return layout;
}

} // namespace

double print_text(cairo_t* cr, double x, double y, double width, const std::string& text, const std::string& font, Align align) {
    PangoLayout* layout = make_layout(cr, width, text, font, align);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
}

void print_line(cairo_t* cr, double x, double y, double width, const std::string& text, const std::string& font, Align align) {
    PangoLayout* layout = make_layout(cr, width, text, font, align);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_single_paragraph_mode(layout, TRUE);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

double text_height(cairo_t* cr, double width, const std::string& text, const std::string& font) {
    PangoLayout* layout = make_layout(cr, width, text, font, Align::Left);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
}

double text_width(cairo_t* cr, const std::string& text, const std::string& font) {
    PangoLayout* layout = make_layout(cr, -1, text, font, Align::Left);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(w) / PANGO_SCALE;
}

TextCells::TextCells(cairo_t* cr) : cr_(cr), layout_(make_layout(cr, -1, "", "DejaVu Sans 9", Align::Left, false)) {
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD);
}

TextCells::~TextCells() { g_object_unref(layout_); }

void TextCells::set(const std::string& text, const std::string& font, double width, int max_lines) {
    if (font != font_) {
        PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
        pango_layout_set_font_description(layout_, desc);
        pango_font_description_free(desc);
        font_ = font;
    }
    pango_layout_set_width(layout_, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_height(layout_, max_lines > 0 ? -max_lines : -1);
    pango_layout_set_ellipsize(layout_, max_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
}

double TextCells::width(const std::string& text, const std::string& font) {
    set(text, font, -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

double TextCells::words_height(double width, const std::string& text, const std::string& font) {
    set(text, font, width);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

void TextCells::draw(double x, double y, double width, const std::string& text, const std::string& font, Align align, int max_lines) {
    set(text, font, width, max_lines);
    pango_layout_set_alignment(layout_, align == Align::Centre ? PANGO_ALIGN_CENTER : align == Align::Right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_rgb(cairo_t* cr, unsigned hex) {
    cairo_set_source_rgb(cr, ((hex >> 16) & 255) / 255.0, ((hex >> 8) & 255) / 255.0, (hex & 255) / 255.0);
}

} // namespace sespm
