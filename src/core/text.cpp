// text.cpp: see text.h.
#include "core/text.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/input_files.h"

namespace sespm {

std::vector<std::string> split_list(const std::string& list, char sep) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
        if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
        cur.clear();
    };
    for (char c : list) {
        if (c == sep) flush();
        else cur += c;
    }
    flush();
    return out;
}

static bool valid_utf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k) if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

std::string read_text_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(where(path, 0, "", "is a folder, not a text file"));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(where(path, 0, "", "cannot open the file"));
    note_input_file(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (!valid_utf8(text)) throw DataError(where(path, 0, "", "is not UTF-8 text (save it as UTF-8)"));
    return text;
}

} // namespace sespm
