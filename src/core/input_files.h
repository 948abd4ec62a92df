// input_files.h: the files this process has read as inputs (data files, layer files, points,
// a commentary, the project), by device and inode, so that an output about to be written over
// one of them is refused whatever path names it (a link, "..", another spelling). Readers note
// a file when they open it; core/output_file asks before it writes. Process-wide by nature: a
// command's inputs are every file the process read, on any thread (guarded by a mutex).
#pragma once
#include <optional>
#include <string>

namespace sespm {

// Records `path` as read (no-op when it cannot be stat'ed: the reader reports that itself).
void note_input_file(const std::string& path);
// Why `path` cannot be read as an input file, found without opening it ("" for a regular file, or
// a link to one): "does not exist", "is a loop of symbolic links ...", "is a folder, not WHAT",
// "is a FIFO (named pipe), not WHAT ..." (opening one would wait for a writer), a device, a
// socket, or a folder on the way that cannot be entered.
std::string not_a_file_reason(const std::string& path, const std::string& what);
// The path an input was read under when `path` is the same file (device and inode), else none.
std::optional<std::string> input_file_at(const std::string& path);

} // namespace sespm
