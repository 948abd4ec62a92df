// map_loader.cpp: the background loader of the window: one job at a time builds a map (view and
// tessellated mesh) or an overlay off the main thread; the main thread adopts the result, uploads
// it to the GPU, or drops it when it was cancelled.
#include "ui/map_app.h"

#include "core/error.h"
#include "ui/frame_trace.h"

namespace sespm {

void MapApp::request_map(bool refit) {
    if (!session_ || !window_) return;  // before the window opens (the constructor's project load): run() asks
    if (job_.valid()) {  // one load at a time: remember the latest wish
        pending_ = true;
        pending_refit_ = pending_refit_ || refit;
        return;
    }
    progress_ = 0;
    frame_trace().note("job_started");
    MapRequest opts = wanted;
    // The same areas (only figures, classes or colours change): keep the tessellated mesh.
    bool same_areas = map && map->view.options.geography == opts.geography && map->view.options.open_file == opts.open_file &&
                      map->view.options.by == opts.by;
    cancel_ = false;
    job_ = std::async(std::launch::async, [this, opts, refit, same_areas]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->view = build_map_view(*session_->atlas, session_->layers, opts);
        if (cancel_) throw MeshCancelled();
        MeshOptions mo;
        mo.cancel = &cancel_;
        if (!same_areas) b->mesh = build_mesh(session_->geos, *b->view.set, &progress_, mo);
        b->refit = refit;
        return b;
    });
}

void MapApp::poll_job() {
    if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    report_running_ = false;
    try {
        std::unique_ptr<MapBundle> b = job_.get();
        if (cancel_) throw MeshCancelled();  // finished, but the user had cancelled it
        if (b->is_report) {
            last_report = b->report_path;
            status = "Wrote " + b->report_path + " (" + std::to_string(b->report.pages) + " pages)";
            if (pending_) {
                pending_ = false;
                request_map(pending_refit_);
                pending_refit_ = false;
            }
            return;
        }
        if (b->is_overlay) {  // on top of the layer list, with its own GPU buffers
            ExtraLayer l;
            l.renderer = std::make_unique<MapRenderer>();
            l.renderer->init(find_shader_dir());
            l.renderer->upload(b->mesh);
            l.path = b->view.options.open_file;
            l.name = b->view.result.spec.id;
            status = "Added " + l.name + " (" + std::to_string(b->view.set->areas.size()) + " areas)";
            l.bundle = std::move(b);
            layer_stack.add_on_top(std::move(l));
            if (pending_) {
                pending_ = false;
                request_map(pending_refit_);
                pending_refit_ = false;
            }
            return;
        }
        bool same_set = map && map->view.set == b->view.set;
        bool restyled = b->mesh.levels.empty() && same_set;
        if (restyled) {  // restyled only (a period step, new classes): reuse the mesh, the picker, the label fits
            b->mesh = std::move(map->mesh);
            b->picker = std::move(map->picker);
            if (label_cache_.mesh == &map->mesh) label_cache_.mesh = &b->mesh;
        }
        if (!b->picker) b->picker = std::make_unique<AreaPicker>(*ui_geos_, *b->view.set);
        map = std::move(b);
        frame_trace().note(restyled ? "restyled_map_adopted" : "map_adopted");
        if (restyled) {  // already on the GPU
            renderer_->mesh_moved(map->mesh);
            renderer_->set_area_colours(map->view.colours);
        } else {
            renderer_->upload(map->mesh, &map->view.colours);
        }
        renderer_->set_points(map->view.points.x, map->view.points.y);
        if (!same_set) {
            selected.clear();
            reset_panels();
        }
        if (map->refit) fit_to_selection();
        status = std::to_string(map->view.result.rows.size()) + " areas";
        if (!options.overlay.empty() && !pending_) {  // --overlay waits for the first map
            std::string o = options.overlay;
            options.overlay.clear();
            add_overlay(o);
            return;
        }
    } catch (const MeshCancelled&) {
        status = "Loading cancelled";
        wanted = map ? map->view.options : options.view;  // back to what is shown
    } catch (const std::exception& e) {
        if (cancel_) status = "Loading cancelled";
        else error = e.what();
        wanted = map ? map->view.options : options.view;  // back to what is shown
    }
    cancel_ = false;
    if (pending_) {
        pending_ = false;
        request_map(pending_refit_);
        pending_refit_ = false;
    }
}

void MapApp::open_file(const std::string& path) {
    open_path = path;
    wanted.open_file = path;
    wanted.by = "area";
    wanted.within.reset();
    wanted.classes.method.clear();
    request_map(true);
}

void MapApp::start_report(const ReportRequest& req) {
    if (!session_) return;
    if (job_.valid()) {
        status = "Still loading: write the report again in a moment";
        return;
    }
    progress_ = 0;
    cancel_ = false;
    report_running_ = true;
    job_ = std::async(std::launch::async, [this, req]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->report = write_report(*session_, req);
        b->report_path = req.output;
        b->is_report = true;
        return b;
    });
}

void MapApp::add_overlay(const std::string& path) {
    if (!session_) return;
    if (job_.valid()) {
        status = "Still loading: add the layer again in a moment";
        return;
    }
    progress_ = 0;
    MapRequest opts;
    opts.open_file = path;
    opts.by = "area";
    opts.within.reset();
    cancel_ = false;
    job_ = std::async(std::launch::async, [this, opts]() -> std::unique_ptr<MapBundle> {
        auto b = std::make_unique<MapBundle>();
        b->view = build_map_view(*session_->atlas, session_->layers, opts);
        if (cancel_) throw MeshCancelled();
        MeshOptions mo;
        mo.cancel = &cancel_;
        b->mesh = build_mesh(session_->geos, *b->view.set, &progress_, mo);
        b->is_overlay = true;
        b->refit = false;
        return b;
    });
}

} // namespace sespm
