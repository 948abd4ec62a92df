// checked_stdout.cpp: see checked_stdout.h.
#include "cli/checked_stdout.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "core/output_file.h"

namespace sespm {

CheckedStdout::CheckedStdout() : buf_(1 << 16) {
    setp(buf_.data(), buf_.data() + buf_.size());
    std::cout.flush();
    old_ = std::cout.rdbuf(this);
    // On a terminal, each output operation is written at once (as stdio would, line by line),
    // so the table and the messages on stderr keep their order.
    if (::isatty(STDOUT_FILENO)) std::cout.setf(std::ios::unitbuf);
}

CheckedStdout::~CheckedStdout() {
    if (!finished_) drain();
    std::cout.unsetf(std::ios::unitbuf);
    std::cout.rdbuf(old_);
}

bool CheckedStdout::drain() {
    const char* p = pbase();
    size_t n = static_cast<size_t>(pptr() - pbase());
    while (n > 0 && err_ == 0) {
        ssize_t w = ::write(STDOUT_FILENO, p, n);
        if (w < 0) {
            if (errno != EINTR) err_ = errno;
            continue;
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
    setp(buf_.data(), buf_.data() + buf_.size());  // after a failure the output is dropped
    return err_ == 0;
}

CheckedStdout::int_type CheckedStdout::overflow(int_type ch) {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

int CheckedStdout::sync() { return drain() ? 0 : -1; }

std::string CheckedStdout::finish() {
    finished_ = true;
    drain();
    if (err_ == 0 && std::fflush(stdout) != 0) err_ = errno;
    if (err_ == 0 && std::ferror(stdout)) err_ = EIO;
    // close reports what a file system only notices at the end (NFS); EBADF: there was no stdout.
    if (::close(STDOUT_FILENO) != 0 && err_ == 0 && errno != EBADF && errno != EINTR) err_ = errno;
    return err_ == 0 ? std::string() : errno_reason(err_);
}

} // namespace sespm
