// print_text.h: text for print (PDF, SVG) through pango on a cairo context: a paragraph in a
// box of a given width, in points, with a font description ("DejaVu Sans 9", "DejaVu Sans Bold
// 14"); returns the height used so pages can be laid out top to bottom.
#pragma once
#include <cairo.h>

#include <string>

struct _PangoLayout;   // pango's PangoLayout, for TextCells

namespace sespm {

enum class Align { Left, Centre, Right };

// Draws `text` (plain, not markup) with its top-left at (x, y), wrapped to `width` points.
double print_text(cairo_t* cr, double x, double y, double width, const std::string& text,
                  const std::string& font = "DejaVu Sans 9", Align align = Align::Left);
// One line cut to `width` with an ellipsis when it is too long (table cells).
void print_line(cairo_t* cr, double x, double y, double width, const std::string& text,
                const std::string& font = "DejaVu Sans 9", Align align = Align::Left);
// The height the same call would use, without drawing.
double text_height(cairo_t* cr, double width, const std::string& text, const std::string& font = "DejaVu Sans 9");
// The width of one line of `text` (no wrapping).
double text_width(cairo_t* cr, const std::string& text, const std::string& font = "DejaVu Sans 9");

// Table cells and headings, many with one pango layout (a layout a call is most of the cost of a
// table): text wrapped between words only (never inside a word, never hyphenated), at most
// `max_lines` lines (0: no limit), the last cut with an ellipsis only when the text needs more;
// one line's width; the height such a cell takes.
class TextCells {
public:
    explicit TextCells(cairo_t* cr);
    ~TextCells();
    TextCells(const TextCells&) = delete;
    TextCells& operator=(const TextCells&) = delete;
    double width(const std::string& text, const std::string& font);
    double words_height(double width, const std::string& text, const std::string& font);
    void draw(double x, double y, double width, const std::string& text, const std::string& font, Align align, int max_lines);

private:
    void set(const std::string& text, const std::string& font, double width, int max_lines = 0);
    cairo_t* cr_;
    ::_PangoLayout* layout_;
    std::string font_;
};

void set_rgb(cairo_t* cr, unsigned hex);   // 0xrrggbb

// A cairo write function that appends to the std::string at `closure`: PDF, SVG and PNG are
// drawn into memory, then written whole (core/output_file).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

} // namespace sespm
