// error.cpp: formatting of input-error locations, and of the user values messages echo (see error.h).
#include "core/error.h"

#include <cstdio>

#include "core/text.h"

namespace sespm {

std::string where(const std::string& file, long line, const std::string& field,
                  const std::string& what) {
    std::string s;
    s.reserve(file.size() + field.size() + what.size() + 32);
    s.append(file);
    if (line > 0) s.append(":").append(std::to_string(line));
    s.append(": ");
    if (!field.empty()) s.append("field '").append(field).append("': ");
    s.append(what);
    return s;
}

// At most `max` bytes, cut on a character boundary, with the length said.
static std::string shortened(const std::string& value, size_t max) {
    if (value.size() <= max) return value;
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    return value.substr(0, cut) + "... (" + std::to_string(value.size()) + " characters)";
}

std::string clip(const std::string& raw, size_t max) {
    return shortened(printable(raw), max);  // a NUL no longer cuts the message off; ESC acts on no terminal
}

std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string clip_message(const std::string& message) {
    std::string out, word;
    auto flush = [&] { out += clip(word, 200); word.clear(); };  // a value echoed acts on no terminal
    for (char c : message) {
        if (c == ' ' || c == '\n') { flush(); out += c; }
        else word += c;
    }
    flush();
    return shortened(out, 1000);  // the message's own line breaks stay
}

} // namespace sespm
