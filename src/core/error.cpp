// error.cpp: formatting of input-error locations, and of the user values messages echo (see error.h).
#include "core/error.h"

#include <cctype>
#include <cstdio>
#include <utility>

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

namespace {

// The words the window uses for a setting (the label of its control where it has one); nullptr
// for a name that is no setting.
const char* known_setting_words(const std::string& setting) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"ratio", "Residents per place"}, {"period", "Period"}, {"classes", "Number of classes"}, {"breaks", "Class breaks"},
        {"classify", "Classification"}, {"palette", "Palette"}, {"layer", "Layer"}, {"codes", "Areas"}, {"since", "Compared with"},
        {"points", "Points file"}, {"name", "Scenario"}, {"as", "New scenario name"}, {"places", "Places"}, {"pct", "Trigger"},
        {"cluster", "Cluster"}, {"by", "Join field"}, {"project", "Project"}, {"all-periods", "All periods"},
        {"within", "Within"}, {"code", "Area"}, {"from", "From"}, {"to", "To"}, {"geography", "Geography"}, {"sheet", "Sheet"},
        {"to-table", "Table name"}, {"save", "Save as"}, {"replace", "Replace"}, {"open", "Opened file"},
        {"source-layer", "Source layer"}, {"factor", "Factor"}, {"floor", "Floor"}, {"vary", "Vary weights by"}, {"rule", "Rule"}};
    for (const auto& [s, w] : kWords)
        if (setting == s) return w;
    return nullptr;
}

std::string setting_words(const std::string& setting) {
    if (const char* w = known_setting_words(setting)) return w;
    std::string w = setting;
    if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
}

// The text with each {setting} it names worded for its reader: "--period" for the command line,
// "'Period'" for the window. Braces around anything else (a file name, a user's value) stay.
std::string worded(const std::string& text, bool for_people) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        const char* words = close == std::string::npos ? nullptr : known_setting_words(text.substr(i + 1, close - i - 1));
        if (!words) { out += text[i++]; continue; }
        out += for_people ? "'" + std::string(words) + "'" : "--" + text.substr(i + 1, close - i - 1);
        i = close + 1;
    }
    return out;
}

} // namespace

SettingError::SettingError(std::string s, std::string v, std::string p)
    : UsageError("--" + s + (v.empty() ? "" : " " + v) + ": " + worded(p, false)), setting(std::move(s)), value(std::move(v)),
      problem(std::move(p)) {}

std::string message_for_people(const std::exception& e) {
    auto* s = dynamic_cast<const SettingError*>(&e);
    if (!s) return worded(e.what(), true);
    return setting_words(s->setting) + (s->value.empty() ? "" : " '" + clip(s->value) + "'") + ": " + worded(s->problem, true);
}

std::string message_for_command_line(const std::exception& e) { return worded(e.what(), false); }

} // namespace sespm
