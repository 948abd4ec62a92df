// test_hooks.h: what the window does only for tests and benchmarks, kept out of the window's own
// code. With $SESPM_UI_LAYOUT=FILE the window writes where some widgets are ("pledge CODE x0 y0 x1
// y1" in window pixels), the legend's labels, the selection, the period and the map's title after each frame that
// changed them, so tests can click widgets by name and see what the map then shows. With
// --bench-frames N it pans and zooms (or, with --bench-play, plays the time slider) and prints
// frame-time statistics. Without either, every call here does nothing.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/types.h"

namespace sespm {

class MapApp;

class TestHooks {
public:
    explicit TestHooks(MapApp& app);

    // $SESPM_UI_LAYOUT: widgets by name, written after the frame (write_layout)
    void note_widget(const std::string& name);   // the last ImGui item
    void note_rect(const std::string& name, float x0, float y0, float x1, float y1);
    void note_export_bbox(const Bbox& b) { exported_png_bbox_ = b; }   // "export-png-bbox", BNG metres
    void write_layout();

    // --bench-frames: one benchmark step before a frame is drawn, then the frame's time;
    // true when enough frames were counted and their statistics printed.
    bool benchmarking() const;
    void bench_step();
    bool bench_frame_done(double ms);

private:
    MapApp& app_;
    std::string layout_file_;              // $SESPM_UI_LAYOUT
    std::optional<Bbox> exported_png_bbox_;  // what the last PNG export framed
    std::map<std::string, std::array<int, 4>> widgets_, widgets_written_;
    std::string legend_written_;
    std::vector<double> frame_ms_;
    int bench_periods_ = 0;                // periods shown while a --bench-play benchmark ran
    bool bench_fitted_ = false;
    int bench_settled_frames_ = 0;         // frames drawn after the fit, before --bench-play presses Play
    std::string bench_last_period_;
    void print_frame_stats(size_t areas) const;
};

} // namespace sespm
