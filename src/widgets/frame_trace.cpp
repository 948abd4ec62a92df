// frame_trace.cpp: the per-frame timing lines of SESPM_FRAME_TRACE (see frame_trace.h).
#include "widgets/frame_trace.h"

#include <cstdlib>
#include <iostream>

namespace sespm {

FrameTrace::FrameTrace() : born_(Clock::now()) {
    const char* path = std::getenv("SESPM_FRAME_TRACE");
    if (!path || !*path) return;
    out_ = std::fopen(path, "w");
    if (!out_) std::cerr << "sespm-map: warning: SESPM_FRAME_TRACE: cannot write " << path << "; no frame trace\n";
}

FrameTrace::~FrameTrace() {
    if (out_ && std::fclose(out_) != 0) std::cerr << "sespm-map: warning: SESPM_FRAME_TRACE: the trace file could not be closed\n";
}

void FrameTrace::begin_frame() {
    if (!out_) return;
    start_ = last_ = Clock::now();
    parts_.clear();
    notes_.clear();
}

void FrameTrace::mark(const char* part) {
    if (!out_) return;
    auto now = Clock::now();
    parts_.emplace_back(part, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
}

void FrameTrace::note(const std::string& what) {
    if (!out_) return;
    if (!notes_.empty()) notes_ += ",";
    notes_ += what;
}

void FrameTrace::end_frame() {
    if (!out_) return;
    double total = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
    double at = std::chrono::duration<double, std::milli>(start_ - born_).count();
    std::fprintf(out_, "frame=%ld at_ms=%.1f total_ms=%.2f", frame_++, at, total);
    for (const auto& [part, ms] : parts_) std::fprintf(out_, " %s_ms=%.2f", part, ms);
    if (!notes_.empty()) std::fprintf(out_, " notes=%s", notes_.c_str());
    std::fprintf(out_, "\n");
}

FrameTrace& frame_trace() {
    static FrameTrace trace;
    return trace;
}

} // namespace sespm
