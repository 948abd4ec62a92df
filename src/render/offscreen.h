// offscreen.h: an OpenGL 3.3 core context with no window and no X server (EGL on Mesa's
// surfaceless platform), drawing into a multisampled framebuffer that is resolved and read
// back as RGBA rows, top row first.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sespm {

class OffscreenGl {
public:
    // Throws DataError when no EGL display or GL 3.3 context can be had.
    OffscreenGl(int width, int height, int samples = 4);
    ~OffscreenGl();
    OffscreenGl(const OffscreenGl&) = delete;
    OffscreenGl& operator=(const OffscreenGl&) = delete;
    void bind();
    std::vector<uint8_t> read_rgba();
    int width() const { return w_; }
    int height() const { return h_; }

private:
    int w_, h_;
    void* display_ = nullptr;
    void* context_ = nullptr;
    unsigned ms_fbo_ = 0, ms_rb_ = 0, fbo_ = 0, rb_ = 0;
};

// Writes RGBA rows as a PNG through a temporary file that is renamed into place.
// Throws DataError naming the path when it cannot be written.
void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

} // namespace sespm
