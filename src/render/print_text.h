// print_text.h: text for print (PDF, SVG) through pango on a cairo context: a paragraph in a
// box of a given width, in points, with a font description ("DejaVu Sans 9", "DejaVu Sans Bold
// 14"); returns the height used so pages can be laid out top to bottom.
#pragma once
#include <cairo.h>

#include <string>

namespace sespm {

enum class Align { Left, Centre, Right };

// Draws `text` (plain, not markup) with its top-left at (x, y), wrapped to `width` points.
double print_text(cairo_t* cr, double x, double y, double width, const std::string& text,
                  const std::string& font = "DejaVu Sans 9", Align align = Align::Left);
// One line cut to `width` with an ellipsis when it is too long (table cells).
void print_line(cairo_t* cr, double x, double y, double width, const std::string& text,
                const std::string& font = "DejaVu Sans 9", Align align = Align::Left);
// Table cells and headings: wrapped between words only (never inside a word, never hyphenated),
// at most `max_lines` lines, the last cut with an ellipsis only when the text needs more; returns
// the height used. With draw false, only measures.
double print_words(cairo_t* cr, double x, double y, double width, const std::string& text, const std::string& font,
                   Align align, int max_lines, bool draw = true);
// The height the same call would use, without drawing.
double text_height(cairo_t* cr, double width, const std::string& text, const std::string& font = "DejaVu Sans 9");
// The width of one line of `text` (no wrapping).
double text_width(cairo_t* cr, const std::string& text, const std::string& font = "DejaVu Sans 9");

void set_rgb(cairo_t* cr, unsigned hex);   // 0xrrggbb

// A cairo write function that appends to the std::string at `closure`: PDF, SVG and PNG are
// drawn into memory, then written whole (io/output_file).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

} // namespace sespm
