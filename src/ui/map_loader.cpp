// map_loader.cpp: the background loader of the window: one job at a time builds a map (view and
// tessellated mesh) or an overlay off the main thread; the main thread adopts the result, uploads
// it to the GPU, or drops it when it was cancelled.
#include "ui/map_app.h"

#include <algorithm>

#include "core/error.h"
#include "map/evaluate.h"
#include "render/mesh_cache.h"
#include "widgets/frame_trace.h"

namespace sespm {

namespace {

// A period picked on one layer and kept when another is chosen: a layer without figures for it
// shows the last of its periods up to that date (else its first) instead, and the note says so.
std::string period_for_layer(Atlas& atlas, const std::vector<LayerSpec>& layers, MapRequest& req) {
    if (req.period.empty() || req.period == "latest" || req.period == "earliest" || !req.open_file.empty()) return "";
    auto spec = std::find_if(layers.begin(), layers.end(), [&](const LayerSpec& l) { return l.id == req.layer_id; });
    if (spec == layers.end()) return "";
    std::vector<std::string> periods = layer_periods(atlas, *spec);
    std::string wanted = req.period;
    if (periods.empty()) {
        req.period.clear();  // not a time series: its one edition
    } else if (std::find(periods.begin(), periods.end(), wanted) != periods.end()) {
        return "";
    } else {
        auto after = std::upper_bound(periods.begin(), periods.end(), wanted);  // ISO dates sort as text
        req.period = after == periods.begin() ? periods.front() : *std::prev(after);
    }
    return spec->title + " has no figures for " + wanted + (req.period.empty() ? ": showing its one edition" : ": showing " + req.period);
}

} // namespace

void MapApp::request_map(bool refit) {
    if (!session_ || !window_) return;  // before the window opens (the constructor's project load): run() asks
    if (job_.valid()) {  // one load at a time: remember the latest wish
        pending_ = true;
        pending_refit_ = pending_refit_ || refit;
        return;
    }
    progress_ = 0;
    frame_trace().note("job_started");
    MapRequest opts = screen.wanted;
    // The same areas (only figures, classes or colours change): keep the tessellated mesh.
    bool same_areas = screen.map && screen.map->view.options.geography == opts.geography && screen.map->view.options.open_file == opts.open_file &&
                      screen.map->view.options.by == opts.by;
    cancel_ = false;
    int width = screen.camera.width, height = screen.camera.height;
    // another layer chosen at a period picked on the last one (a typed --period stays strict)
    bool layer_changed = screen.map && screen.map->view.options.layer_id != opts.layer_id;
    job_started_ = std::chrono::steady_clock::now();
    job_ = std::async(std::launch::async, [this, opts, refit, same_areas, width, height, layer_changed]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        MapRequest o = opts;
        if (layer_changed) b->period_note = period_for_layer(*session_->atlas, session_->layers, o);
        b->view = build_map_view(*session_->atlas, session_->layers, o);
        if (cancel_) throw MeshCancelled();
        MeshOptions mo;
        mo.cancel = &cancel_;
        if (!same_areas) {
            const AreaSet& set = *b->view.set;
            std::optional<MapMesh> cached = read_cached_mesh(set);
            if (cached) {
                b->mesh = std::move(*cached);
            } else if (is_large_mesh(session_->geos, set)) {  // first the level the fitted view shows, then the rest
                const Bbox& e = b->view.selection_bbox;
                mo.only_for_mpp = std::max((e.maxx - e.minx) / std::max(1, width), (e.maxy - e.miny) / std::max(1, height));
                mo.label_points = false;
                b->mesh = build_mesh_uncached(session_->geos, set, &progress_, mo);
                b->quick_mesh = true;
            } else {
                b->mesh = build_mesh(session_->geos, set, &progress_, mo);
            }
        }
        b->refit = refit;
        return b;
    });
}

void MapApp::start_mesh_upgrade() {
    mesh_upgrading_ = true;
    progress_ = 0;
    cancel_ = false;
    const AreaSet* set = screen.map->view.set;
    job_started_ = std::chrono::steady_clock::now();
    job_ = std::async(std::launch::async, [this, set]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->view.set = set;
        MeshOptions mo;
        mo.cancel = &cancel_;
        b->mesh = build_mesh(session_->geos, *set, &progress_, mo);  // and keeps its copy for the next time
        b->kind = MapBundle::Kind::MeshUpgrade;
        return b;
    });
}

// The full mesh replaces the quick one if the same areas are still on the map.
void MapApp::adopt_mesh_upgrade(std::unique_ptr<MapBundle> b) {
    if (screen.map && screen.map->quick_mesh && screen.map->view.set == b->view.set) {
        screen.map->mesh = std::move(b->mesh);
        screen.map->quick_mesh = false;
        label_cache_ = LabelFitCache{};
        renderer_->upload(screen.map->mesh, &screen.map->view.colours);
        frame_trace().note("full_mesh_adopted");
    }
    add_pending_overlay();
}

void MapApp::add_pending_overlay() {
    if (options.overlay.empty() || pending_ || !screen.map || screen.map->quick_mesh) return;  // --overlay waits for the first map
    std::string o = options.overlay;
    options.overlay.clear();
    add_overlay(o);
}

void MapApp::adopt_report(std::unique_ptr<MapBundle> b) {
    panels.report.last_path = b->report_path;
    screen.status = "Wrote " + b->report_path + " (" + std::to_string(b->report.pages) + " pages)";
}

// On top of the layer list, with its own GPU buffers.
void MapApp::adopt_overlay(std::unique_ptr<MapBundle> b) {
    ExtraLayer l;
    l.renderer = std::make_unique<MapRenderer>();
    l.renderer->init(find_shader_dir());
    l.renderer->upload(b->mesh);
    l.path = b->view.options.open_file;
    l.name = b->view.result.spec.id;
    screen.status = "Added " + l.name + " (" + std::to_string(b->view.set->areas.size()) + " areas)";
    l.bundle = std::move(b);
    screen.layer_stack.add_on_top(std::move(l));
}

// The map to show; false when another job (the --overlay) starts at once, so the request
// pending waits for it.
bool MapApp::adopt_map(std::unique_ptr<MapBundle> b) {
    bool same_set = screen.map && screen.map->view.set == b->view.set;
    bool restyled = b->mesh.levels.empty() && same_set;
    if (restyled) {  // restyled only (a period step, new classes): reuse the mesh, the picker, the label fits
        b->mesh = std::move(screen.map->mesh);
        b->quick_mesh = screen.map->quick_mesh;
        b->picker = std::move(screen.map->picker);
        if (label_cache_.mesh == &screen.map->mesh) label_cache_.mesh = &b->mesh;
    }
    if (!b->picker) b->picker = std::make_unique<AreaPicker>(*ui_geos_, *b->view.set);
    screen.map = std::move(b);
    frame_trace().note(restyled ? "restyled_map_adopted" : "map_adopted");
    if (restyled) {  // already on the GPU
        renderer_->mesh_moved(screen.map->mesh);
        renderer_->set_area_colours(screen.map->view.colours);
    } else {
        renderer_->upload(screen.map->mesh, &screen.map->view.colours);
    }
    renderer_->set_points(screen.map->view.points.x, screen.map->view.points.y);
    if (!same_set) {
        screen.selected.clear();
        panels.reset_results();
    }
    if (screen.map->refit) fit_to_selection();
    screen.status = std::to_string(screen.map->view.result.rows.size()) + " areas";
    if (!screen.map->period_note.empty()) {  // the slider follows what is shown
        screen.status = screen.map->period_note;
        screen.wanted.period = screen.map->view.options.period;
    }
    if (!screen.status_after_load.empty()) screen.status = screen.status_after_load + "; " + screen.status;
    screen.status_after_load.clear();
    if (screen.map->quick_mesh) {
        start_mesh_upgrade();  // the names and the finer levels follow (the request pending waits for it)
    } else if (!options.overlay.empty() && !pending_) {
        add_pending_overlay();
        return false;
    }
    return true;
}

void MapApp::poll_job() {
    if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    report_running_ = false;
    mesh_upgrading_ = false;
    try {
        std::unique_ptr<MapBundle> b = job_.get();
        if (cancel_) throw MeshCancelled();  // finished, but the user had cancelled it
        switch (b->kind) {
        case MapBundle::Kind::Report: adopt_report(std::move(b)); break;
        case MapBundle::Kind::Overlay: adopt_overlay(std::move(b)); break;
        case MapBundle::Kind::MeshUpgrade: adopt_mesh_upgrade(std::move(b)); break;
        case MapBundle::Kind::Map:
            if (!adopt_map(std::move(b))) return;
            break;
        }
    } catch (const MeshCancelled&) {
        screen.status = "Loading cancelled";
        screen.wanted = screen.map ? screen.map->view.options : options.view;  // back to what is shown
    } catch (const std::exception& e) {
        if (cancel_) screen.status = "Loading cancelled";
        else screen.error = message_for_people(e);
        screen.wanted = screen.map ? screen.map->view.options : options.view;  // back to what is shown
    }
    cancel_ = false;
    run_pending_request();
}

// The latest map asked for while a job ran.
void MapApp::run_pending_request() {
    if (!pending_) return;
    pending_ = false;
    request_map(pending_refit_);
    pending_refit_ = false;
}

void MapApp::open_file(const std::string& path) {
    panels.open_path = path;
    screen.wanted.open_file = path;
    screen.wanted.pressure.clear();   // a file's own areas: no model's pressure index
    panels.scenario.pressure_on_map = false;
    screen.wanted.by = "area";
    screen.wanted.within.reset();
    screen.wanted.classes.method.clear();
    request_map(true);
}

void MapApp::start_report(const ReportRequest& req) {
    if (!session_) return;
    if (job_.valid()) {
        screen.status = "Still loading: write the report again in a moment";
        return;
    }
    progress_ = 0;
    cancel_ = false;
    report_running_ = true;
    job_started_ = std::chrono::steady_clock::now();
    job_ = std::async(std::launch::async, [this, req]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->report = write_report(*session_, req);
        b->report_path = req.output;
        b->kind = MapBundle::Kind::Report;
        return b;
    });
}

void MapApp::add_overlay(const std::string& path) {
    if (!session_) return;
    if (job_.valid()) {
        screen.status = "Still loading: add the layer again in a moment";
        return;
    }
    progress_ = 0;
    MapRequest opts;
    opts.open_file = path;
    opts.by = "area";
    opts.within.reset();
    cancel_ = false;
    job_started_ = std::chrono::steady_clock::now();
    job_ = std::async(std::launch::async, [this, opts]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->view = build_map_view(*session_->atlas, session_->layers, opts);
        if (cancel_) throw MeshCancelled();
        MeshOptions mo;
        mo.cancel = &cancel_;
        b->mesh = build_mesh(session_->geos, *b->view.set, &progress_, mo);
        b->kind = MapBundle::Kind::Overlay;
        b->refit = false;
        return b;
    });
}

} // namespace sespm
