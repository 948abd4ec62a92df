// offscreen.cpp: see offscreen.h.
#include "render/offscreen.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/error.h"
#include "core/output_file.h"
#include "render/gl.h"

namespace sespm {

EglContext::EglContext() {
    EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (dpy == EGL_NO_DISPLAY) throw DataError("headless rendering: no EGL surfaceless display (is libegl-mesa0 installed?)");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(dpy, &major, &minor)) throw DataError("headless rendering: eglInitialize failed");
    display_ = dpy;
    eglBindAPI(EGL_OPENGL_API);
    const EGLint cfg_attrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
    EGLConfig cfg = nullptr;
    EGLint n = 0;
    eglChooseConfig(dpy, cfg_attrs, &cfg, 1, &n);
    const EGLint ctx_attrs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(dpy, n > 0 ? cfg : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctx_attrs);
    if (ctx == EGL_NO_CONTEXT) throw DataError("headless rendering: cannot create an OpenGL 3.3 core context with EGL");
    context_ = ctx;
    if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
        throw DataError("headless rendering: eglMakeCurrent without a surface failed");
}

EglContext::~EglContext() {
    if (context_) {
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display_, context_);
    }
    if (display_) eglTerminate(display_);
}

Framebuffer::Framebuffer(int width, int height, int samples) : w_(width), h_(height) {
    GLint max_samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    samples = std::min(samples, static_cast<int>(max_samples));
    glGenFramebuffers(1, &ms_fbo_);
    glGenRenderbuffers(1, &ms_rb_);
    glBindRenderbuffer(GL_RENDERBUFFER, ms_rb_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w_, h_);
    glBindFramebuffer(GL_FRAMEBUFFER, ms_fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, ms_rb_);
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &rb_);
    glBindRenderbuffer(GL_RENDERBUFFER, rb_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w_, h_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw DataError("headless rendering: the framebuffer is incomplete");
    bind();
}

Framebuffer::~Framebuffer() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &ms_fbo_);
    glDeleteFramebuffers(1, &fbo_);
    glDeleteRenderbuffers(1, &ms_rb_);
    glDeleteRenderbuffers(1, &rb_);
}

void Framebuffer::bind() {
    glBindFramebuffer(GL_FRAMEBUFFER, ms_fbo_);
    glViewport(0, 0, w_, h_);
}

std::vector<uint8_t> Framebuffer::read_rgba() {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, ms_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_);
    glBlitFramebuffer(0, 0, w_, h_, 0, 0, w_, h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    std::vector<uint8_t> px(static_cast<size_t>(w_) * h_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w_, h_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's rows start at the bottom; PNG's at the top.
    std::vector<uint8_t> flipped(px.size());
    size_t row = static_cast<size_t>(w_) * 4;
    for (int y = 0; y < h_; ++y)
        std::copy_n(px.begin() + static_cast<long>(row * (h_ - 1 - y)), row, flipped.begin() + static_cast<long>(row * y));
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque image
    bind();
    return flipped;
}

void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(where(path, 0, "", "is a directory; give a .png file name"));
    // stb encodes into memory; write_output_file puts the bytes on disk, every write checked.
    std::vector<uint8_t> png;
    auto append = [](void* ctx, void* data, int size) {
        auto* out = static_cast<std::vector<uint8_t>*>(ctx);
        out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
    };
    if (!stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4))
        throw DataError(where(path, 0, "", "cannot encode the PNG (out of memory?)"));
    write_output_file(path, png.data(), png.size());
}

} // namespace sespm
