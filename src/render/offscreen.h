// offscreen.h: an OpenGL 3.3 core context with no window and no X server (EGL on Mesa's
// surfaceless platform), and a multisampled framebuffer object, usable in any current context
// (the window's too), that is resolved and read back as RGBA rows, top row first.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sespm {

class EglContext {
public:
    // Makes a surfaceless GL 3.3 core context current. Throws DataError when none can be had.
    EglContext();
    ~EglContext();
    EglContext(const EglContext&) = delete;
    EglContext& operator=(const EglContext&) = delete;

private:
    void* display_ = nullptr;
    void* context_ = nullptr;
};

class Framebuffer {
public:
    // Needs a current GL context; throws DataError if the framebuffer is incomplete.
    Framebuffer(int width, int height, int samples = 4);
    ~Framebuffer();
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;
    void bind();
    std::vector<uint8_t> read_rgba();
    int width() const { return w_; }
    int height() const { return h_; }

private:
    int w_, h_;
    unsigned ms_fbo_ = 0, ms_rb_ = 0, fbo_ = 0, rb_ = 0;
};

// Writes RGBA rows as a PNG through a temporary file that is renamed into place.
// Throws DataError naming the path when it cannot be written.
void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

} // namespace sespm
