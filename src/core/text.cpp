// text.cpp: see text.h.
#include "core/text.h"

#include <cstdio>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/csv.h"
#include "core/error.h"
#include "core/input_files.h"

namespace sespm {

std::vector<std::string> split_list(const std::string& list, char sep) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string item = trim(cur);  // spaces, and the invisible ones a copy from a web page brings
        if (!item.empty()) out.push_back(item);
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
    if (std::string why = not_a_file_reason(path, "a text file"); !why.empty()) throw DataError(where(path, 0, "", why));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(where(path, 0, "", "cannot open the file"));
    note_input_file(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (!valid_utf8(text)) throw DataError(where(path, 0, "", "is not UTF-8 text (save it as UTF-8)"));
    return text;
}

namespace {

// The length of the UTF-8 sequence at s[i] (0 when it is not a valid one) and its code point.
size_t utf8_sequence(const std::string& s, size_t i, unsigned& cp) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3Fu);
    }
    static const unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong, surrogate
    return n;
}

bool is_bidi_control(unsigned cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

} // namespace

std::string printable(const std::string& s) {
    bool plain = true;  // printable ASCII only (most cells): nothing to escape, nothing to decode
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x7F) { plain = false; break; }
    }
    if (plain) return s;
    std::string out;
    out.reserve(s.size());
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        unsigned cp = 0;
        size_t n = utf8_sequence(s, i, cp);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
            out += buf;
            i += 1;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            std::snprintf(buf, sizeof buf, "\\x%02X", cp);
            out += buf;
        } else if (is_bidi_control(cp)) {
            std::snprintf(buf, sizeof buf, "\\u{%04X}", cp);
            out += buf;
        } else {
            out.append(s, i, n);
        }
        i += n;
    }
    return out;
}

} // namespace sespm
