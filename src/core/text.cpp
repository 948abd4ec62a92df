// text.cpp: see text.h.
#include "core/text.h"

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

} // namespace sespm
