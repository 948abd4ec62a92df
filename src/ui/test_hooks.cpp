// test_hooks.cpp: see test_hooks.h.
#include "ui/test_hooks.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/output_file.h"
#include "ui/map_app.h"

namespace sespm {

TestHooks::TestHooks(MapApp& app) : app_(app) {
    if (const char* f = std::getenv("SESPM_UI_LAYOUT")) layout_file_ = f;
}

void TestHooks::note_widget(const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    note_rect(name, a.x, a.y, b.x, b.y);
}

void TestHooks::note_rect(const std::string& name, float x0, float y0, float x1, float y1) {
    if (layout_file_.empty()) return;
    widgets_[name] = {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1), static_cast<int>(y1)};
}

void TestHooks::write_layout() {
    std::string legend;
    if (app_.screen.map) for (const auto& e : app_.screen.map->view.legend) legend += e.label + "\n";
    for (int i : app_.screen.selected) legend += std::to_string(i) + "\n";
    if (app_.screen.map) legend += app_.screen.map->view.result.period + "\n" + app_.screen.map->view.title;
    if (const auto& b = exported_png_bbox_)  // BNG metres, for tests of what the export framed
        note_rect("export-png-bbox", static_cast<float>(b->minx), static_cast<float>(b->miny), static_cast<float>(b->maxx), static_cast<float>(b->maxy));
    if (layout_file_.empty() || (widgets_ == widgets_written_ && legend == legend_written_)) {
        widgets_.clear();
        return;
    }
    std::string text;
    if (app_.screen.map) {  // and what the map's legend says and which areas are selected, for tests of what a click changed
        for (const auto& e : app_.screen.map->view.legend) text += "legend " + e.label + "\n";
        for (int i : app_.screen.selected) text += "selected " + app_.screen.map->view.set->areas[i].code + "\n";
        if (!app_.screen.map->view.result.period.empty()) text += "period " + app_.screen.map->view.result.period + "\n";
        text += "title " + app_.screen.map->view.title + "\n";
    }
    for (const auto& [name, r] : widgets_)
        text += name + " " + std::to_string(r[0]) + " " + std::to_string(r[1]) + " " + std::to_string(r[2]) + " " + std::to_string(r[3]) + "\n";
    try {
        write_output_file(layout_file_, text.data(), text.size());
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: warning: SESPM_UI_LAYOUT: " << e.what() << "\n";
        layout_file_.clear();
    }
    widgets_written_ = std::move(widgets_);
    widgets_.clear();
    legend_written_ = legend;
}

bool TestHooks::benchmarking() const { return app_.options.bench_frames > 0 && app_.screen.map; }

// One benchmark frame: a slow pan across the map with a zoom in and back out, so every frame
// redraws everything the way a user's drag and wheel would.
void TestHooks::bench_step() {
    int i = static_cast<int>(frame_ms_.size());
    if (i == 0 && !bench_fitted_) app_.fit_to_selection();  // once: playing keeps the camera still, as a user's would be
    bench_fitted_ = true;
    if (app_.options.bench_play) {  // the slider playing at its fastest speed (8 periods a second), round and round
        if (app_.screen.map->view.result.period != bench_last_period_) ++bench_periods_;
        bench_last_period_ = app_.screen.map->view.result.period;
        // Play is pressed once the map has settled (the panels docked, the camera refitted), as a
        // user presses it on a map they are looking at: the start's refits are not the slider's
        if (app_.refit_frames_ > 0 || ++bench_settled_frames_ < 10) return;
        if (!app_.panels.time.playing && app_.screen.map->view.result.periods.size() > 1) {
            app_.screen.wanted.period = app_.screen.map->view.result.periods.front();
            app_.request_map(false);
            app_.panels.time.playing = true;
        }
        app_.panels.time.quarters_per_second = 8;  // the fastest the speed slider offers
        return;
    }
    int n = std::max(1, app_.options.bench_frames);
    double phase = static_cast<double>(i) / n;
    app_.screen.camera.pan_pixels(std::sin(phase * 6.283) * 6.0, std::cos(phase * 6.283) * 3.0);
    app_.screen.camera.zoom_at(app_.screen.camera.width / 2.0, app_.screen.camera.height / 2.0, phase < 0.5 ? 1.01 : 1 / 1.01);
}

// A frame's time, counted once the benchmark has started: playing, from the first period shown
// after the start (the window's first frames, fonts and shaders, are the start's cost, not the
// slider's). True when the last frame was counted and the statistics printed.
bool TestHooks::bench_frame_done(double ms) {
    if (!app_.options.bench_play || bench_periods_ >= 2) frame_ms_.push_back(ms);
    if (static_cast<int>(frame_ms_.size()) < app_.options.bench_frames) return false;
    print_frame_stats(app_.screen.map->view.result.rows.size());
    return true;
}

void TestHooks::print_frame_stats(size_t areas) const {
    const std::vector<double>& ms = frame_ms_;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double m : ms) sum += m;
    double mean = sum / ms.size();
    std::printf("frames=%zu areas=%zu width=%d height=%d mean_ms=%.2f p50_ms=%.2f p95_ms=%.2f max_ms=%.2f fps=%.1f",
                ms.size(), areas, app_.screen.camera.width, app_.screen.camera.height, mean, sorted[sorted.size() / 2],
                sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)], sorted.back(), 1000.0 / mean);
    if (app_.options.bench_play) std::printf(" periods_shown=%d", bench_periods_);
    std::printf("\n");
    std::fflush(stdout);
}


} // namespace sespm
