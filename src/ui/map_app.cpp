// map_app.cpp: the window and its frame loop: start-up, the menu bar, panels, drawing the map and
// its overlays, exports and screenshots (see map_app.h; input is in map_input.cpp, loading in
// map_loader.cpp, framing in map_framing.cpp, edits and undo in open_project.cpp, files in
// window_files.cpp, test and benchmark hooks in test_hooks.cpp).
#include "core/user_folders.h"
#include "ui/map_app.h"

#include "render/gl.h"  // before GLFW, so GL prototypes are declared
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>

#include "core/error.h"
#include "rules/styling.h"
#include "outputs/attribution.h"
#include "core/output_file.h"
#include "map/export_view.h"
#include "render/gl.h"
#include "render/headless.h"
#include "render/map_furniture.h"
#include "render/offscreen.h"
#include "widgets/frame_trace.h"
#include "widgets/window_settings.h"

namespace sespm {

MapApp::MapApp(AppOptions opt) : options(std::move(opt)), project(*this), live(*this), hooks(*this), files(*this) {
    screen.wanted = options.view;
    screen.table_expanded = options.table_open;
    files.settings_path = window_settings_path();
    files.settings = load_window_settings(files.settings_path);
    if (!options.project.empty()) {
        project.path = options.project;
    } else {
        project.path = home_folder_or_current() + "/sespm-project.sespm";
    }
    ui_geos_ = std::make_unique<GeosContext>();
    try {
        SessionOptions so;
        so.data_dir = options.data_dir;
        so.layers_dir = options.layers_dir;
        so.project = project.path;
        session_ = std::make_unique<Session>(so);
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
        return;
    }
    project.reload();
    files.note_recent_project();
    if (options.scenario.empty()) return;
    project.open_scenario(options.scenario);
    if (!project.scenario) {
        screen.error = project.path + ": no scenario called '" + options.scenario + "'";
        return;
    }
    if (!options.compare.empty()) {
        project.compare_with(options.compare);
        if (!project.compare_scenario) screen.error = project.path + ": no scenario called '" + options.compare + "'";
    }
    project.scenario_on_map = true;
    panels.open(PanelId::Scenario) = true;
    project.refresh_scenario_view();
}

MapApp::~MapApp() {
    if (!job_.valid()) return;
    if (mesh_upgrading_) cancel_ = true;  // as close_window
    job_.wait();
}

const std::vector<LayerSpec>& MapApp::layers() const {
    static const std::vector<LayerSpec> none;
    return session_ ? session_->layers : none;
}

std::string MapApp::data_dir() const { return session_ ? session_->data_dir : ""; }

bool MapApp::with_session(const std::function<void(Session&)>& f) {
    if (job_.valid() || !session_) return false;
    f(*session_);
    return true;
}

void MapApp::show_place(const PlaceMatch& m) {
    if (!screen.map) return;
    std::vector<std::string> members{m.code};
    with_session([&](Session& s) {
        try {
            members = s.atlas->members_of(m.code);
        } catch (const std::exception&) {  // a code of its own geography only: itself
        }
    });
    std::set<std::string> want(members.begin(), members.end());
    const AreaSet& set = *screen.map->view.set;
    screen.selected.clear();
    Bbox b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
           std::numeric_limits<double>::lowest()};
    for (size_t i = 0; i < set.areas.size(); ++i) {
        const Area& a = set.areas[i];
        bool hit = a.code == m.code || std::any_of(a.members.begin(), a.members.end(), [&](const std::string& d) { return want.count(d) > 0; });
        if (!hit) continue;
        screen.selected.insert(static_cast<int>(i));
        const Bbox& ab = screen.map->mesh.areas[i].bbox;
        b = {std::min(b.minx, ab.minx), std::min(b.miny, ab.miny), std::max(b.maxx, ab.maxx), std::max(b.maxy, ab.maxy)};
    }
    if (screen.selected.empty()) {
        screen.status = m.name + " is not on this map (" + std::string(geography_name(screen.map->view.options.geography)) + ")";
        return;
    }
    double pad = std::max(b.width(), b.height()) * 0.3;
    frame_world({b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad}, {});
    screen.status = "Found " + m.name + " (" + m.kind + ")";
}

void MapApp::export_png(const std::string& path, bool only_selected) {
    if (!screen.map) return;
    try {
        // The same framing as `render --legend`: the legend in a margin on the left and, right
        // of it, the part of the map the user sees between the panels, fitted to the image.
        RenderOptions ro;
        ro.width = std::max(screen.camera.width, static_cast<int>(960 * screen.ui_scale));
        ro.height = std::max(screen.camera.height, static_cast<int>(600 * screen.ui_scale));
        ro.scale = screen.ui_scale;
        ro.legend = true;
        ro.labels = screen.labels;
        ro.furniture = screen.furniture;
        ro.bbox = only_selected && !screen.selected.empty() ? selected_bbox() : visible_map_bbox();
        hooks.note_export_bbox(*ro.bbox);
        std::vector<uint8_t> px = render_map_rgba(screen.map->view, screen.map->mesh, ro);
        write_png(path, ro.width, ro.height, px);
        screen.status = "Saved " + path;
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
    }
}

void MapApp::export_vector(const std::string& path) {
    if (!screen.map) return;
    try {
        check_output_path(path);
        export_view(screen.map->view, path);  // the same rows, classes and colours as the map shown
        screen.status = "Saved " + path;
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
    }
}

void MapApp::draw_frame() {
    int fw, fh;
    glfwGetFramebufferSize(window_, &fw, &fh);
    screen.camera.width = std::max(1, fw);
    screen.camera.height = std::max(1, fh);
    if (screen.table_height <= 0)  // the height remembered from the last run, else a third of the window
        screen.table_height = files.table_height_logical() > 0 ? files.table_height_logical() * screen.ui_scale : 0.3f * static_cast<float>(screen.camera.height);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    FrameTrace& trace = frame_trace();
    trace.mark("newframe");
    handle_input();
    live.refresh();  // ui/project_live.cpp: other planners' edits on a shared server
    draw_menu_bar();
    for (const PanelInfo& p : all_panels())
        if (p.always || panels.is_open(p.id)) p.draw(*this);
    files.draw_dialogs();
    draw_tooltip();
    draw_banners();
    files.update_title();
    refit_after_panels();
    trace.mark("panels");
    draw_map();
    hooks.write_layout();
    ImGui::Render();
    trace.mark("imgui_render");
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    trace.mark("imgui_gl");
    // this whole frame has seen the quick keys down (Ctrl with them): now let them go, so the
    // next frame sees them up (a release before the menu bar would drop Ctrl from Ctrl+E)
    pressed_this_frame_.clear();
    ctrl_chords_.clear();
    for (const auto& k : deferred_releases_) ImGui_ImplGlfw_KeyCallback(window_, k.key, k.scancode, GLFW_RELEASE, k.mods);
    deferred_releases_.clear();
}

// The menu bar and its keyboard shortcuts.
void MapApp::draw_menu_bar() {
    if (ImGui::BeginMainMenuBar()) {
        files.menu();  // ui/window_files.cpp (with project_menu: the project open, a server location)
        if (ImGui::BeginMenu("Edit")) {
            if (ImGui::MenuItem("Undo", "Ctrl+Z", false, project.history.can_undo())) project.undo();
            if (ImGui::MenuItem("Redo", "Ctrl+Y", false, project.history.can_redo())) project.redo();
            ImGui::EndMenu();
        }
        bool view_menu = ImGui::BeginMenu("View");
        hooks.note_widget("menu View");
        if (view_menu) {
            if (ImGui::MenuItem("Fit to region", "F")) fit_to_selection();
            if (ImGui::MenuItem("Export...", "Ctrl+E")) panels.open(PanelId::Export) = true;
            ImGui::MenuItem("District names", nullptr, &screen.labels);
            ImGui::MenuItem("Scale bar and north arrow", nullptr, &screen.furniture);
            for (const PanelInfo& p : all_panels()) {
                if (!p.view_menu) continue;
                ImGui::MenuItem(p.view_menu, nullptr, &panels.open(p.id));
                hooks.note_widget(std::string("menu-item ") + p.view_menu);
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("About and data sources")) panels.open(PanelId::About) = true;
            ImGui::EndMenu();
        }
        ImGui::Dummy(ImVec2(20 * screen.ui_scale, 0));
        panel_find(*this);
        ImGui::TextDisabled("   %s", screen.status.c_str());
        ImGui::EndMainMenuBar();
    }
    if (ctrl_chord(GLFW_KEY_Q)) glfwSetWindowShouldClose(window_, 1);
    if (ctrl_chord(GLFW_KEY_E)) panels.open(PanelId::Export) = true;
    int steps = undo_requested_;  // Ctrl+Z / Ctrl+Y, counted in the key callback
    undo_requested_ = 0;
    for (; steps < 0; ++steps) project.undo();
    for (; steps > 0; --steps) project.redo();
}

// The loading progress (with Cancel) and the error banner.
void MapApp::draw_banners() {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    // a job of a moment (a period step while the slider plays, new classes) shows no banner:
    // it would flash over the map at every step
    bool shown_long = std::chrono::steady_clock::now() - job_started_ > std::chrono::milliseconds(250);
    if (loading() && (report_running_ || shown_long)) {
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 60 * screen.ui_scale), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        if (report_running_) {  // a report is written whole or not at all: it is not cancelled half way
            ImGui::TextUnformatted("Writing the board report...");
            ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(260 * screen.ui_scale, 0));
        } else {
            // the full mesh of a large file shown first without names (its first opening)
            ImGui::TextUnformatted(mesh_upgrading_ ? "Adding the names and finer detail (kept for next time)..." : "Loading and tessellating...");
            ImGui::ProgressBar(progress(), ImVec2(260 * screen.ui_scale, 0));
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) cancel_loading();  // the map shown stays; the load is dropped
        }
        ImGui::End();
    }
    if (!screen.error.empty()) {
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 20 * screen.ui_scale), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::SetNextWindowSizeConstraints(ImVec2(300 * screen.ui_scale, 0), ImVec2(900 * screen.ui_scale, FLT_MAX));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(120, 20, 20, 240));
        ImGui::Begin("Error", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::PushTextWrapPos(880 * screen.ui_scale);
        ImGui::TextUnformatted(screen.error.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Dismiss")) screen.error.clear();
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

// The map, then its overlays beneath the panels.
void MapApp::draw_map() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    screen.style.highlighted.assign(screen.selected.begin(), screen.selected.end());
    if (screen.hovered >= 0 && !screen.selected.count(screen.hovered)) screen.style.highlighted.push_back(screen.hovered);
    screen.style.background = Rgba::from(sea_colour);
    screen.style.outline_px = 0.8f * screen.ui_scale;
    if (screen.map) {
        screen.layer_stack.draw(*renderer_, screen.style, screen.camera);  // the map and the files over it, bottom up
        frame_trace().mark("map_gl");
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        OverlayOptions oo;
        oo.labels = screen.labels && screen.layer_stack.map_visible && !screen.map->quick_mesh;  // a quick mesh has no label points yet
        oo.scale = screen.ui_scale;
        oo.origin = ImVec2(0, 0);  // the map fills the window under the menu bar: names sit where the camera puts them
        oo.bottom_inset = bottom_pane_px();
        for (const ScreenBox& b : docked_now_)  // as refit_after_panels found them this frame
            oo.keep_clear.push_back({static_cast<float>(b.x0), static_cast<float>(b.y0), static_cast<float>(b.x1), static_cast<float>(b.y1)});
        std::vector<PlacedLabel> placed = layout_labels(*ui_geos_, screen.map->view, screen.map->mesh, screen.camera, screen.fonts, oo, &label_cache_);
        draw_labels(dl, placed, screen.camera, screen.fonts, oo);
        frame_trace().mark("labels");
        for (const auto& l : placed) {  // where each named area's pole is on screen (SESPM_UI_LAYOUT)
            double sx, sy;
            screen.camera.world_to_screen(l.leader_x, l.leader_y, sx, sy);
            hooks.note_rect("pole " + l.code, static_cast<float>(sx), static_cast<float>(sy), static_cast<float>(sx), static_cast<float>(sy));
        }
        oo.origin = ImVec2(0, ImGui::GetFrameHeight());  // the legend box goes below the menu bar
        draw_legend_box(dl, screen.map->view, screen.fonts, oo);
        if (screen.furniture) {
            float s = screen.ui_scale;
            float base = static_cast<float>(screen.camera.height) - bottom_pane_px() - 62 * s;  // above the attribution strip
            draw_scale_bar(dl, screen.camera, screen.fonts, s, ImVec2(20 * s, base));
            draw_north_arrow(dl, screen.fonts, s, ImVec2(30 * s, base - 52 * s));
        }
        oo.origin = ImVec2(0, 0);
        ImVec4 r = draw_attribution(dl, screen.map->view, screen.camera, screen.fonts, oo);
        hooks.note_rect("attribution", r.x, r.y, r.z, r.w);
    } else {
        glViewport(0, 0, screen.camera.width, screen.camera.height);
        glClearColor(sea_colour.r / 255.f, sea_colour.g / 255.f, sea_colour.b / 255.f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
    }
}

// How long the loop may sleep for input before the next frame: not at all while a button is
// held (dragging), a benchmark runs or a screenshot or export waits for its frame; until the
// next step while the slider plays; a twentieth of a second while a map loads (the progress
// bar moves, and the loader keeps the cores: drawing flat out would take half of them on a
// software rasteriser); else a quarter of a second.
double MapApp::idle_wait_s() const {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) return 0;
    if (loading()) return 0.05;
    if (options.bench_frames > 0 || !options.screenshot.empty() || !options.export_data.empty() || !options.export_png.empty())
        return 0;
    if (panels.time.playing) {
        double next = panels.time.last_step + 1.0 / std::max(0.1f, panels.time.quarters_per_second) - ImGui::GetTime();
        return std::clamp(next, 0.0, 0.25);
    }
    return 0.25;
}

bool MapApp::save_screenshot(const std::string& path) {
    int fw, fh;
    glfwGetFramebufferSize(window_, &fw, &fh);
    std::vector<uint8_t> px(static_cast<size_t>(fw) * fh * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    std::vector<uint8_t> flipped(px.size());
    size_t row = static_cast<size_t>(fw) * 4;
    for (int y = 0; y < fh; ++y) std::copy_n(px.begin() + static_cast<long>(row * (fh - 1 - y)), row, flipped.begin() + static_cast<long>(row * y));
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    try {
        write_png(path, fw, fh, flipped);
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: error: " << e.what() << "\n";
        return false;
    }
    return true;
}

int MapApp::run() {
    if (!open_window()) return 1;
    int code = 0;
    renderer_ = std::make_unique<MapRenderer>();
    try {
        renderer_->init(find_shader_dir());
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
    }
    int fw, fh;
    glfwGetFramebufferSize(window_, &fw, &fh);
    screen.camera.width = fw;
    screen.camera.height = fh;
    request_map(true);

    int frame = 0;
    if (options.bench_frames > 0) glfwSwapInterval(0);
    FrameTrace& trace = frame_trace();
    // a benchmark frame is the whole turn of the loop, events to swap, as the user sees it
    auto frame_start = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window_)) {
        trace.begin_frame();
        double wait = idle_wait_s();
        if (wait <= 0) {
            glfwPollEvents();
        } else if (loading()) {  // the loader finishing wakes it at once (input waits at most `wait`)
            job_.wait_for(std::chrono::duration<double>(wait));
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(wait);  // any input wakes it at once
        }
        trace.mark("events");
        poll_job();
        trace.mark("poll");
        if (hooks.benchmarking()) hooks.bench_step();
        draw_frame();
        if (hooks.benchmarking()) {
            glFinish();  // count the GPU (llvmpipe) work in the frame
            trace.mark("finish");
        }
        if (after_frame(frame, code)) break;
        glfwSwapBuffers(window_);
        trace.mark("swap");
        if (renderer_ && renderer_->upload_next_level()) trace.mark("level_upload");  // the levels not shown yet, one a frame
        trace.end_frame();
        auto frame_end = std::chrono::steady_clock::now();
        if (hooks.benchmarking() && hooks.bench_frame_done(std::chrono::duration<double, std::milli>(frame_end - frame_start).count()))
            break;
        frame_start = frame_end;
        // the map is on the screen (a quick first view of a large file counts: its names follow)
        if (options.first_frame && screen.map && (!loading() || screen.map->quick_mesh)) {
            glFinish();
            break;
        }
    }
    close_window();
    return code;
}

bool MapApp::open_window() {
    glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "sespm-map: GLFW error " << code << ": " << msg << "\n"; });
    if (!glfwInit()) {
        std::cerr << "sespm-map: error: cannot open a window (no display?). Use `sespm-map render` for a PNG without one.\n";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // MSAA quadruples llvmpipe's fill cost; outlines are thin anyway
    window_ = glfwCreateWindow(options.width, options.height, "SESPM Map", nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        std::cerr << "sespm-map: error: cannot create an OpenGL 3.3 window\n";
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window_, &xs, &ys);
    screen.ui_scale = std::clamp(std::max(xs, ys), 1.0f, 3.0f);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    screen.fonts = load_fonts(screen.ui_scale);
    ImGui::StyleColorsLight();
    ImGuiStyle& st = ImGui::GetStyle();
    st.WindowRounding = 6;
    st.FrameRounding = 4;
    st.ScaleAllSizes(screen.ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    // Files dropped on the window open as a layer.
    glfwSetWindowUserPointer(window_, this);
    glfwSetDropCallback(window_, [](GLFWwindow* w, int n, const char** paths) {
        if (n > 0) static_cast<MapApp*>(glfwGetWindowUserPointer(w))->open_file(paths[0]);
    });
    // F12 saves the whole window (panels too) to sespm-window-N.png; Ctrl+Z undoes, Ctrl+Y (or
    // Ctrl+Shift+Z) redoes unless a text field has the keys. Caught in the key callback, not per
    // frame, so a press and release between two frames is not lost; ImGui still sees keys.
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        MapApp* app = static_cast<MapApp*>(glfwGetWindowUserPointer(w));
        if (key == GLFW_KEY_F12 && action == GLFW_PRESS) app->screenshot_requested_ = true;
        bool ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
        if (action == GLFW_PRESS && ctrl) app->ctrl_chords_.insert(key);  // by the event's own mods: a quick tap's Ctrl may be up by the frame
        if (action != GLFW_RELEASE && ctrl && !ImGui::GetIO().WantTextInput) {
            if (key == GLFW_KEY_Z && !shift) --app->undo_requested_;
            if (key == GLFW_KEY_Y || (key == GLFW_KEY_Z && shift)) ++app->undo_requested_;
        }
        // ImGui 1.86 reads key state once a frame, so a press released before the next frame
        // (a quick tap: Esc, Enter, Ctrl+A) would never be seen; its release waits a frame.
        if (action == GLFW_PRESS) app->pressed_this_frame_.insert(key);
        // Later releases wait behind a deferred one, in order (Ctrl let go after E in Ctrl+E).
        if (action == GLFW_RELEASE && (app->pressed_this_frame_.count(key) || !app->deferred_releases_.empty())) {
            app->deferred_releases_.push_back({key, scancode, mods});
            return;
        }
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    });
    ImGui_ImplOpenGL3_Init("#version 330");

    return true;
}

bool MapApp::ctrl_chord(int key) const { return ctrl_chords_.count(key) > 0 && !ImGui::GetIO().WantTextInput; }

// Where F12 puts screenshots: ~/Pictures if there is one, else the home folder (never the
// folder the program happened to be started from).
static std::string screenshot_folder() {
    std::string h = home_folder_or_current();
    std::error_code ec;
    if (std::filesystem::is_directory(h + "/Pictures", ec)) return h + "/Pictures";
    return h;
}

// What happens once a frame is drawn: --export-data and --screenshot when the map has loaded,
// and F12. Returns true when the window should close (with `code` as the exit status).
bool MapApp::after_frame(int& frame, int& code) {
    if (!options.export_data.empty() && (screen.map || !screen.error.empty()) && !loading()) {
        if (screen.map) export_vector(options.export_data);  // File > Export > Save data, once
        options.export_data.clear();
        if (options.screenshot.empty()) {
            if (!screen.error.empty()) std::cerr << "sespm-map: error: " << screen.error << "\n";
            code = screen.error.empty() ? 0 : 1;
            return true;
        }
    }
    if (!options.export_png.empty() && (screen.map || !screen.error.empty()) && !loading() && ++frame >= options.frames) {
        if (screen.map) export_png(options.export_png);  // File > Export > Save PNG, once the view is fitted
        if (!screen.error.empty()) std::cerr << "sespm-map: error: " << screen.error << "\n";
        code = screen.error.empty() ? 0 : 1;
        return true;
    }
    // a screenshot waits for the first map to be loaded, then counts frames
    if (!options.screenshot.empty() && (screen.map || !screen.error.empty()) && !loading() && ++frame >= options.frames) {
        code = save_screenshot(options.screenshot) ? 0 : 1;
        if (!screen.error.empty()) {
            std::cerr << "sespm-map: error: " << screen.error << "\n";
            code = 1;
        }
        return true;
    }
    if (screenshot_requested_) {
        screenshot_requested_ = false;
        std::string name;  // the next free number: earlier screenshots are never overwritten
        do name = screenshot_folder() + "/sespm-window-" + std::to_string(++screenshot_count_) + ".png";
        while (std::filesystem::exists(name));
        if (save_screenshot(name)) screen.status = "Saved " + name;
        else screen.error = "Could not save the screenshot " + name + " (see the terminal for why)";
    }
    return false;
}

void MapApp::close_window() {
    if (job_.valid()) {
        if (mesh_upgrading_) cancel_ = true;  // only the full mesh of a map no longer shown (a report is finished, never cut)
        job_.wait();
    }
    screen.map.reset();
    screen.layer_stack.extras.clear();  // GL objects go while the context exists
    renderer_.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}
} // namespace sespm
