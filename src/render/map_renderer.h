// map_renderer.h: draws a MapMesh with OpenGL 3.3 core: fills (per-area colours) at the mesh
// level of detail that suits the zoom, outlines of constant pixel width (one-pixel GL_LINES, or
// instanced quads extruded in the vertex shader when wider), highlighted outlines, and points as
// instanced circles. Owns its GL objects; needs a current context for every call. Shaders come
// from shaders/.
#pragma once
#include <string>
#include <vector>

#include "rules/classify.h"
#include "rules/types.h"
#include "render/camera.h"
#include "render/mesh.h"

namespace sespm {

struct DrawStyle {
    Rgba background{0.84f, 0.90f, 0.95f, 1};     // sea
    Rgba outline{1, 1, 1, 1};
    float outline_px = 1.0f;
    float opacity = 1.0f;
    std::vector<int> highlighted;                // area indices drawn with a dark outline
    Rgba highlight{0.1f, 0.1f, 0.1f, 1};
    float highlight_px = 3.0f;
    Rgba point_colour{0.13f, 0.30f, 0.62f, 1};
    float point_radius_px = 5.0f;
    int viewport_x = 0, viewport_y = 0;          // where the map sits in the framebuffer (GL pixels)
    bool clear = true;                           // false: draw over what is there (overlay layers)
};

// Where the shader files are: $SESPM_SHADERS, ./shaders, then the source tree's shaders/.
std::string find_shader_dir();

class MapRenderer {
public:
    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Compiles the shaders; throws DataError naming the shader file on failure.
    void init(const std::string& shader_dir);
    // Takes the mesh (which must outlive its use here) with `colours` (one per area; grey when
    // null). Each level's vertices go to the GPU when first drawn or by upload_next_level, so a
    // large mesh reaches the screen without copying the levels it does not show yet.
    void upload(const MapMesh& mesh, const std::vector<Rgba>* colours = nullptr);
    // Uploads one level not yet on the GPU, the nearest to the one drawn last (the window calls
    // it once a frame, so zooming later finds every level there); false when all are there.
    bool upload_next_level();
    // The mesh uploaded last has moved to `mesh` (the same vertices): follow it, upload nothing.
    void mesh_moved(const MapMesh& mesh) { mesh_ = &mesh; }
    // One colour per area (alpha 0 hides an area's fill).
    void set_area_colours(const std::vector<Rgba>& colours);
    void set_points(const std::vector<double>& x, const std::vector<double>& y);
    void draw(const Camera& cam, const DrawStyle& style);
    const MapMesh* mesh() const { return mesh_; }

private:
    unsigned program(const std::string& dir, const char* vert, const char* frag);
    unsigned fill_prog_ = 0, line_prog_ = 0, thin_prog_ = 0, point_prog_ = 0;
    unsigned thin_vao_ = 0;
    unsigned fill_vao_ = 0;
    unsigned line_vao_ = 0, corner_vbo_ = 0;
    unsigned point_vao_ = 0, quad_vbo_ = 0, point_vbo_ = 0;
    size_t point_count_ = 0;
    struct LevelBuffers {  // one mesh level on the GPU: fill positions and colours, outline segments
        bool uploaded = false;
        unsigned fill = 0, colour = 0, segments = 0;
    };
    std::vector<LevelBuffers> levels_;  // per mesh level
    std::vector<Rgba> colours_;         // per area, as last set
    void drop_levels();
    void ensure_level(size_t k);
    void use_level(size_t k);
    void write_level_colours(size_t k);
    const MapMesh* mesh_ = nullptr;
    size_t last_level_ = 0;
};

} // namespace sespm
