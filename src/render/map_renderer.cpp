// map_renderer.cpp: see map_renderer.h.
#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/error.h"
#include "render/gl.h"

namespace sespm {

std::string find_shader_dir() {
    std::vector<std::string> cands;
    if (const char* e = std::getenv("SESPM_SHADERS"); e && *e) cands.push_back(e);
    cands.push_back("shaders");
#ifdef SESPM_SOURCE_DIR
    cands.push_back(std::string(SESPM_SOURCE_DIR) + "/shaders");
#endif
    std::string tried;
    for (const auto& c : cands) {
        if (std::filesystem::exists(c + "/fill.vert")) return c;
        tried += " " + c;
    }
    throw DataError("no shaders found (fill.vert); looked in:" + tried + ". Set SESPM_SHADERS.");
}

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw DataError(where(path, 0, "", "cannot open the shader file"));
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    // GLSL needs #version first: drop the leading comment lines that describe the file.
    auto v = s.find("#version");
    return v == std::string::npos ? s : s.substr(v);
}

// The object's log when its `status` (GL_COMPILE_STATUS of a shader, GL_LINK_STATUS of a
// program) says it failed; nothing when it did not.
template <class GetStatus, class GetLog>
std::optional<std::string> gl_failure(unsigned object, GLenum status, GetStatus get_status, GetLog get_log) {
    int ok = 0;
    get_status(object, status, &ok);
    if (ok) return std::nullopt;
    char log[2048];
    get_log(object, sizeof log, nullptr, log);
    return std::string(log);
}

unsigned compile(GLenum type, const std::string& path) {
    std::string src = read_text(path);
    const char* p = src.c_str();
    unsigned sh = glCreateShader(type);
    glShaderSource(sh, 1, &p, nullptr);
    glCompileShader(sh);
    if (auto log = gl_failure(sh, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog)) {
        glDeleteShader(sh);
        throw DataError(where(path, 0, "", "shader does not compile: " + *log));
    }
    return sh;
}

void set_camera_uniforms(unsigned prog, const Camera& cam, const MapMesh& m) {
    glUniform2f(glGetUniformLocation(prog, "u_centre"), static_cast<float>(cam.cx - m.origin_x),
                static_cast<float>(cam.cy - m.origin_y));
    glUniform2f(glGetUniformLocation(prog, "u_scale"), static_cast<float>(2.0 / (cam.width * cam.mpp)),
                static_cast<float>(2.0 / (cam.height * cam.mpp)));
    glUniform2f(glGetUniformLocation(prog, "u_viewport"), static_cast<float>(cam.width), static_cast<float>(cam.height));
}

// A VAO drawing a 4-vertex strip (attribute 0, from `corners`) once per instance (attribute 1,
// `components` floats per instance, from a new `instance_vbo` filled later; when that is null,
// attribute 1 is pointed at a buffer before each draw).
void make_instanced_vao(unsigned& vao, unsigned& corner_vbo, const float (&corners)[8], unsigned* instance_vbo,
                        int components) {
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &corner_vbo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, corner_vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    if (instance_vbo) {
        glGenBuffers(1, instance_vbo);
        glBindBuffer(GL_ARRAY_BUFFER, *instance_vbo);
        glVertexAttribPointer(1, components, GL_FLOAT, GL_FALSE, 0, nullptr);
    }
    glEnableVertexAttribArray(1);
    glVertexAttribDivisor(1, 1);
}

uint8_t to8(float f) { return static_cast<uint8_t>(std::lround(std::clamp(f, 0.f, 1.f) * 255.f)); }

} // namespace

unsigned MapRenderer::program(const std::string& dir, const char* vert, const char* frag) {
    unsigned vs = compile(GL_VERTEX_SHADER, dir + "/" + vert);
    unsigned fs = compile(GL_FRAGMENT_SHADER, dir + "/" + frag);
    unsigned p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (auto log = gl_failure(p, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog))
        throw DataError(dir + "/" + vert + " + " + frag + ": shaders do not link: " + *log);
    return p;
}

void MapRenderer::init(const std::string& dir) {
    fill_prog_ = program(dir, "fill.vert", "fill.frag");
    line_prog_ = program(dir, "line.vert", "line.frag");
    thin_prog_ = program(dir, "thinline.vert", "line.frag");
    point_prog_ = program(dir, "point.vert", "point.frag");

    // The VAOs' per-level attributes (fill positions and colours, segments) point at the buffers
    // of the level drawn (use_level); the corners are shared.
    glGenVertexArrays(1, &fill_vao_);
    glBindVertexArray(fill_vao_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);

    // Outline quads: 4 corners (along, across), one instance per segment (ax, ay, bx, by).
    const float corners[] = {0, -1, 1, -1, 0, 1, 1, 1};
    make_instanced_vao(line_vao_, corner_vbo_, corners, nullptr, 4);  // the segments: each level's buffer (use_level)

    // The same segment buffer read as GL_LINES: each segment's (ax, ay) and (bx, by) are a pair.
    glGenVertexArrays(1, &thin_vao_);
    glBindVertexArray(thin_vao_);
    glEnableVertexAttribArray(0);

    // Point circles: a quad of 4 corners, one instance per point (x, y).
    const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    make_instanced_vao(point_vao_, quad_vbo_, quad, &point_vbo_, 2);
    glBindVertexArray(0);
}

MapRenderer::~MapRenderer() {
    unsigned bufs[] = {corner_vbo_, quad_vbo_, point_vbo_};
    unsigned vaos[] = {fill_vao_, line_vao_, point_vao_, thin_vao_};
    if (fill_prog_) {
        drop_levels();
        glDeleteBuffers(3, bufs);
        glDeleteVertexArrays(4, vaos);
        for (unsigned p : {fill_prog_, line_prog_, thin_prog_, point_prog_}) glDeleteProgram(p);
    }
}

void MapRenderer::drop_levels() {
    for (auto& b : levels_)
        if (b.uploaded) {
            unsigned ids[] = {b.fill, b.colour, b.segments};
            glDeleteBuffers(3, ids);
        }
    levels_.clear();
}

void MapRenderer::upload(const MapMesh& m, const std::vector<Rgba>* colours) {
    drop_levels();
    mesh_ = &m;
    levels_.assign(m.levels.size(), LevelBuffers{});
    if (colours) colours_ = *colours;
    else colours_.assign(m.areas.size(), Rgba{0.8f, 0.8f, 0.8f, 1});
}

void MapRenderer::ensure_level(size_t k) {
    if (!mesh_ || k >= levels_.size() || levels_[k].uploaded) return;
    const MeshLevel& lv = mesh_->levels[k];
    LevelBuffers& b = levels_[k];
    unsigned ids[3];
    glGenBuffers(3, ids);
    b.fill = ids[0];
    b.colour = ids[1];
    b.segments = ids[2];
    glBindBuffer(GL_ARRAY_BUFFER, b.fill);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lv.fill_xy.size() * sizeof(float)), lv.fill_xy.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, b.segments);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lv.segments.size() * sizeof(float)), lv.segments.data(), GL_STATIC_DRAW);
    b.uploaded = true;
    write_level_colours(k);
}

// Points the VAOs at level k's buffers.
void MapRenderer::use_level(size_t k) {
    const LevelBuffers& b = levels_[k];
    glBindVertexArray(fill_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, b.fill);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, b.colour);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
    glBindVertexArray(line_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, b.segments);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(thin_vao_);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
}

bool MapRenderer::upload_next_level() {
    size_t best = levels_.size();
    for (size_t k = 0; k < levels_.size(); ++k) {
        if (levels_[k].uploaded) continue;
        auto dist = [&](size_t a) { return a > last_level_ ? a - last_level_ : last_level_ - a; };
        if (best == levels_.size() || dist(k) < dist(best)) best = k;
    }
    if (best == levels_.size()) return false;
    ensure_level(best);
    return true;
}

void MapRenderer::set_area_colours(const std::vector<Rgba>& colours) {
    if (!mesh_) return;
    colours_ = colours;
    for (size_t k = 0; k < levels_.size(); ++k)
        if (levels_[k].uploaded) write_level_colours(k);
}

// The colour of every fill vertex of level k, from its area's colour (the levels not on the
// GPU yet get theirs when they go there).
void MapRenderer::write_level_colours(size_t k) {
    const MeshLevel& lv = mesh_->levels[k];
    std::vector<uint8_t> rgba(lv.fill_xy.size() / 2 * 4, 0);
    for (size_t i = 0; i < lv.ranges.size() && i < colours_.size(); ++i) {
        const AreaRange& a = lv.ranges[i];
        uint8_t c[4] = {to8(colours_[i].r), to8(colours_[i].g), to8(colours_[i].b), to8(colours_[i].a)};
        for (size_t v = a.first_vertex; v < a.first_vertex + a.vertex_count; ++v) std::copy(c, c + 4, rgba.begin() + static_cast<long>(v) * 4);
    }
    glBindBuffer(GL_ARRAY_BUFFER, levels_[k].colour);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(rgba.size()), rgba.data(), GL_DYNAMIC_DRAW);
}

void MapRenderer::set_points(const std::vector<double>& x, const std::vector<double>& y) {
    if (!mesh_) return;
    std::vector<float> xy;
    xy.reserve(x.size() * 2);
    for (size_t i = 0; i < x.size(); ++i) {
        xy.push_back(static_cast<float>(x[i] - mesh_->origin_x));
        xy.push_back(static_cast<float>(y[i] - mesh_->origin_y));
    }
    point_count_ = x.size();
    glBindBuffer(GL_ARRAY_BUFFER, point_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * sizeof(float)), xy.data(), GL_DYNAMIC_DRAW);
}

void MapRenderer::draw(const Camera& cam, const DrawStyle& st) {
    glViewport(st.viewport_x, st.viewport_y, cam.width, cam.height);
    if (st.clear) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(st.viewport_x, st.viewport_y, cam.width, cam.height);
        glClearColor(st.background.r, st.background.g, st.background.b, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    if (!mesh_) return;
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);

    size_t k = mesh_->level_for(cam.mpp);
    last_level_ = k;
    ensure_level(k);
    use_level(k);
    const MeshLevel& lv = mesh_->levels[k];
    glUseProgram(fill_prog_);
    set_camera_uniforms(fill_prog_, cam, *mesh_);
    glUniform1f(glGetUniformLocation(fill_prog_, "u_opacity"), st.opacity);
    glBindVertexArray(fill_vao_);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(lv.fill_xy.size() / 2));

    if (st.outline_px > 0 && st.outline_px <= 1.25f) {
        glUseProgram(thin_prog_);
        set_camera_uniforms(thin_prog_, cam, *mesh_);
        glUniform4f(glGetUniformLocation(thin_prog_, "u_colour"), st.outline.r, st.outline.g, st.outline.b,
                    st.outline.a * std::min(1.0f, st.outline_px));
        glBindVertexArray(thin_vao_);
        glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(lv.segments.size() / 2));
    }
    glUseProgram(line_prog_);
    set_camera_uniforms(line_prog_, cam, *mesh_);
    glBindVertexArray(line_vao_);
    if (st.outline_px > 1.25f) {
        glUniform1f(glGetUniformLocation(line_prog_, "u_width"), st.outline_px);
        glUniform4f(glGetUniformLocation(line_prog_, "u_colour"), st.outline.r, st.outline.g, st.outline.b, st.outline.a);
        glDrawArraysInstancedBaseInstance(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(lv.segments.size() / 4),
                                          0);
    }
    if (!st.highlighted.empty()) {
        glUniform1f(glGetUniformLocation(line_prog_, "u_width"), st.highlight_px);
        glUniform4f(glGetUniformLocation(line_prog_, "u_colour"), st.highlight.r, st.highlight.g, st.highlight.b, st.highlight.a);
        for (int i : st.highlighted) {
            if (i < 0 || static_cast<size_t>(i) >= lv.ranges.size()) continue;
            const AreaRange& a = lv.ranges[i];
            glDrawArraysInstancedBaseInstance(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(a.segment_count),
                                              static_cast<GLuint>(a.first_segment));
        }
    }
    if (point_count_ > 0) {
        glUseProgram(point_prog_);
        set_camera_uniforms(point_prog_, cam, *mesh_);
        glUniform1f(glGetUniformLocation(point_prog_, "u_radius"), st.point_radius_px);
        glUniform4f(glGetUniformLocation(point_prog_, "u_colour"), st.point_colour.r, st.point_colour.g, st.point_colour.b, st.point_colour.a);
        glBindVertexArray(point_vao_);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(point_count_));
    }
    glBindVertexArray(0);
}

} // namespace sespm
