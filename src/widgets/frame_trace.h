// frame_trace.h: where one window frame's time goes, part by part (poll, panels, map, labels, GL,
// swap), for profiling the slowest frames. Off unless SESPM_FRAME_TRACE names a file; then each
// frame is one line of that file: `frame=N at_ms=.. total_ms=.. <part>_ms=.. ... [notes=..]`.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace sespm {

class FrameTrace {
public:
    FrameTrace();
    ~FrameTrace();
    FrameTrace(const FrameTrace&) = delete;
    FrameTrace& operator=(const FrameTrace&) = delete;

    bool on() const { return out_ != nullptr; }
    void begin_frame();
    void mark(const char* part);         // the time since the last mark (or the frame's start) is `part`'s
    void note(const std::string& what);  // something that happened in this frame (a map adopted, a job started)
    void end_frame();

private:
    using Clock = std::chrono::steady_clock;
    std::FILE* out_ = nullptr;
    long frame_ = 0;
    Clock::time_point born_, start_, last_;  // born_: the trace's start (the window's, near enough)
    std::vector<std::pair<const char*, double>> parts_;
    std::string notes_;
};

FrameTrace& frame_trace();  // the window's one trace

} // namespace sespm
