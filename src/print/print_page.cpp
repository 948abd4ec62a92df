// print_page.cpp: see print_page.h.
#include "print/print_page.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cmath>

#include "core/error.h"
#include "core/output_file.h"
#include "map/map_alt_text.h"
#include "print/pdf_accessibility.h"
#include "print/pdf_tags.h"
#include "print/print_map.h"
#include "print/print_text.h"

namespace sespm {

// The left margin: title (H1), period, legend, attribution (P), drawn before the map so a
// screen reader meets them in that order.
static void draw_margin(cairo_t* cr, const MapView& v, double w, double h) {
    double x = 16, y = 18, tw = w - 28;
    set_rgb(cr, 0x1a1a1a);
    {
        PdfTag h1(cr, "H1");
        y += print_text(cr, x, y, tw, v.title, "DejaVu Sans Bold 13") + 4;
    }
    set_rgb(cr, 0x555555);
    {
        PdfTag p(cr, "P");
        y += print_text(cr, x, y, tw, v.subtitle, "DejaVu Sans 8") + 12;
    }
    {
        PdfTag p(cr, "P");
        y += draw_print_legend(cr, v, x, y, tw) + 12;
    }
    set_rgb(cr, 0x666666);
    PdfTag p(cr, "P");
    double ah = text_height(cr, tw, v.attribution, "DejaVu Sans 5.5");
    print_text(cr, x, std::max(y, h - ah - 14), tw, v.attribution, "DejaVu Sans 5.5");
}

// cairo's PDF made accessible (print/pdf_accessibility): language, title, each map's alt text.
static void finish_pdf(std::string& bytes, std::vector<std::string> alts) {
    bytes = make_pdf_accessible(bytes, {"en-GB", std::move(alts)});
}

void write_vector_map(const GeosContext& geos, const MapView& v, const std::string& path, const VectorPageOptions& opt) {
    bool svg = path.size() > 4 && path.substr(path.size() - 4) == ".svg";
    std::string bytes;
    cairo_surface_t* surface = svg ? cairo_svg_surface_create_for_stream(append_to_string, &bytes, opt.width, opt.height)
                                   : cairo_pdf_surface_create_for_stream(append_to_string, &bytes, opt.width, opt.height);
    if (!svg) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (v.title + (v.subtitle.empty() ? "" : ", " + v.subtitle)).c_str());
    cairo_t* cr = cairo_create(surface);
    set_rgb(cr, 0xffffff);
    cairo_paint(cr);
    double margin = opt.legend ? std::min(220.0, opt.width * 0.3) : 0;
    PrintMapOptions mo;
    mo.labels = opt.labels;
    mo.labels_out = opt.labels_out;
    mo.furniture_out = opt.furniture_out;
    // without the margin the attribution is printed over the map's bottom right: no name under it
    PrintBox attribution{opt.width * 0.4, opt.height - 12, opt.width * 0.6 - 6, 8};
    if (!opt.legend) mo.keep_clear.push_back(attribution);
    if (opt.legend) draw_margin(cr, v, margin, opt.height);
    {
        PdfTag figure(cr, "Figure");
        draw_print_map(cr, geos, v, {margin, 0, opt.width - margin, opt.height}, mo);
    }
    if (!opt.legend) {
        set_rgb(cr, 0x444444);
        PdfTag p(cr, "P");
        print_text(cr, attribution.x, attribution.y, attribution.w, v.attribution, "DejaVu Sans 4.5", Align::Right);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) throw DataError(where(path, 0, "", std::string("the map could not be drawn: ") + cairo_status_to_string(st)));
    if (!svg) finish_pdf(bytes, {map_alt_text(v)});
    write_output_file(path, bytes.data(), bytes.size());
}

static void draw_grid(cairo_t* cr, const GeosContext& geos, const std::vector<MapView>& views, const VectorPageOptions& opt) {
    set_rgb(cr, 0xffffff);
    cairo_paint(cr);
    const MapView& first = views.front();
    double margin = 200, top = 40, gap = 10;
    set_rgb(cr, 0x1a1a1a);
    {
        PdfTag h1(cr, "H1");
        print_text(cr, 16, 12, opt.width - 32, first.title, "DejaVu Sans Bold 14");
    }
    {
        PdfTag p(cr, "P");
        draw_print_legend(cr, first, 16, top + 10, margin - 28);
    }
    int n = static_cast<int>(views.size()), cols = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    int rows = (n + cols - 1) / cols;
    double cw = (opt.width - margin - gap * cols) / cols, ch = (opt.height - top - 30 - gap * rows) / rows;
    for (int k = 0; k < n; ++k) {
        double x = margin + (k % cols) * (cw + gap), y = top + (k / cols) * (ch + gap);
        PdfTag figure(cr, "Figure");
        set_rgb(cr, 0x333333);
        print_text(cr, x, y, cw, views[k].result.period, "DejaVu Sans Bold 9");
        PrintMapOptions mo;
        mo.labels = false;  // 64 names on a map this small would hide the colours the grid compares
        mo.north_arrow = mo.scale_bar = k == 0;
        draw_print_map(cr, geos, views[k], {x, y + 14, cw, ch - 14}, mo);
    }
    set_rgb(cr, 0x666666);
    PdfTag p(cr, "P");
    print_text(cr, 16, opt.height - 24, opt.width - 32, first.attribution, "DejaVu Sans 5.5");
}

void write_small_multiples(const GeosContext& geos, const std::vector<MapView>& views, const std::string& path,
                           const VectorPageOptions& opt) {
    if (views.empty()) throw UsageError("--small-multiples: list at least one period");
    std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
    std::string bytes;
    cairo_surface_t* surface =
        ext == ".png" ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(opt.width), static_cast<int>(opt.height))
        : ext == ".svg" ? cairo_svg_surface_create_for_stream(append_to_string, &bytes, opt.width, opt.height)
                        : cairo_pdf_surface_create_for_stream(append_to_string, &bytes, opt.width, opt.height);
    cairo_t* cr = cairo_create(surface);
    draw_grid(cr, geos, views, opt);
    cairo_destroy(cr);
    if (ext == ".png") cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) throw DataError(where(path, 0, "", std::string("the maps could not be drawn: ") + cairo_status_to_string(st)));
    if (ext != ".png" && ext != ".svg") {
        std::vector<std::string> alts;
        for (const auto& v : views) alts.push_back(map_alt_text(v));
        finish_pdf(bytes, alts);
    }
    write_output_file(path, bytes.data(), bytes.size());
}

} // namespace sespm
