// bench_period.cpp: owns the period-step benchmark (target bench_period_step, linked to
// sespm_headless; run by bench/period_step.sh). One period step is what the window does when
// the time slider moves: recompute the layer's measures for the new period from the figures
// kept in memory (evaluate_layer) and restyle them with the classes pooled over every period
// (style_with_classes). Timed over every period of the dispersal series, for the South East's
// 64 districts and England's 309, after one warm-up that reads the files and pools the classes.
// Also times the whole build_map_view of a period (pooling included) for comparison.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "rules/classify.h"
#include "core/data_dir.h"
#include "rules/styling.h"
#include "map/evaluate.h"
#include "map/map_view.h"

using namespace sespm;

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void bench(Atlas& atlas, const std::vector<LayerSpec>& layers, const std::optional<std::string>& within, const char* label) {
    const LayerSpec* spec = nullptr;
    for (const auto& l : layers) if (l.id == "dispersal") spec = &l;
    MapRequest req;
    req.within = within;
    req.for_drawing = false;
    MapView warm = build_map_view(atlas, layers, req);  // reads figures, boundaries; pools classes
    const Classification pooled = warm.styled.classification;
    EvaluateOptions eo = evaluate_options_of(req);
    std::vector<std::string> periods = layer_periods(atlas, *spec);
    std::vector<double> step, whole;
    for (int rep = 0; rep < 10; ++rep)
        for (const auto& p : periods) {
            auto t0 = std::chrono::steady_clock::now();
            eo.period = p;
            LayerResult r = evaluate_layer(atlas, *spec, eo);
            Styled s = style_with_classes(r.class_values, pooled, spec->palette);
            step.push_back(ms_since(t0));
            if (s.class_index.size() != r.rows.size()) std::fprintf(stderr, "mismatch\n");
            if (rep > 0) continue;
            t0 = std::chrono::steady_clock::now();
            req.period = p;
            MapView v = build_map_view(atlas, layers, req);
            whole.push_back(ms_since(t0));
        }
    auto report = [&](const char* what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        std::printf("%-22s %-32s median %7.3f ms  p95 %7.3f ms  max %7.3f ms  (%zu steps)\n", label, what, v[v.size() / 2],
                    v[v.size() * 95 / 100], v.back(), v.size());
    };
    std::printf("%s: %zu areas, %zu periods\n", label, warm.result.rows.size(), periods.size());
    report("step: recompute+restyle", step);
    report("build_map_view (pooled)", whole);
}

} // namespace

int main(int argc, char** argv) {
    std::string data = find_data_dir(argc > 1 ? std::optional<std::string>(argv[1]) : std::nullopt);
    GeosContext geos;
    Atlas atlas(data, geos);
    std::vector<LayerSpec> layers = read_layer_dir(find_layer_dir(std::nullopt));
    bench(atlas, layers, std::string("E12000008"), "South East (64)");
    bench(atlas, layers, std::nullopt, "England (309)");
    return 0;
}
