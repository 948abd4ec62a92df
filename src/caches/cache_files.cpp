// cache_files.cpp: see cache_files.h.
#include "caches/cache_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/error.h"
#include "core/output_file.h"

namespace fs = std::filesystem;

namespace sespm {

void cache_warning(const std::string& msg) {
    static std::atomic<bool> said{false};
    if (said.exchange(true)) return;
    std::cerr << "sespm-map: warning: " << msg << "\n";
}

std::optional<Stamp> stamp_of(const std::string& source) {
    std::error_code ec;
    Stamp s;
    s.path = fs::weakly_canonical(source, ec).string();
    if (ec) return std::nullopt;
    s.size = fs::file_size(s.path, ec);
    if (ec) return std::nullopt;
    s.mtime = static_cast<long long>(fs::last_write_time(s.path, ec).time_since_epoch().count());
    if (ec) return std::nullopt;
    return s;
}

std::string checksum(const unsigned char* p, size_t n) {
    uint64_t h = 14695981039346656037ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 1099511628211ull;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

int read_bytes(const std::string& path, std::string& out) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return errno;
    if (!S_ISREG(st.st_mode)) return EINVAL;  // never open a FIFO or a device that sits there
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    out.clear();
    out.reserve(static_cast<size_t>(st.st_size));  // one allocation for a file that does not grow meanwhile
    char buf[1 << 16];
    int err = 0;
    for (;;) {
        ssize_t r = ::read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { err = errno; break; }
        if (r == 0) break;
        out.append(buf, static_cast<size_t>(r));
    }
    ::close(fd);
    return err;
}

void drop_cache_copy(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path + ".check", ec);
}

std::string keep_cache_copy(const std::string& path, const unsigned char* bytes, size_t size,
                            const std::function<std::string(const std::string& checksum, size_t size)>& record) {
    try {
        write_file_now(path, bytes, size);
        std::string rec = record(checksum(bytes, size), size);
        write_file_now(path + ".check", rec.data(), rec.size());
        return "";
    } catch (const DataError& e) {
        drop_cache_copy(path);
        return e.what();
    }
}

} // namespace sespm
