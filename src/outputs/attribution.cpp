// attribution.cpp: see attribution.h.
#include "outputs/attribution.h"

#include <filesystem>
#include <fstream>

#include "core/csv.h"

namespace sespm {

// The first block quote in the "Attribution" section of boundaries/PROVENANCE.md, after the
// first line that mentions `after` (or at once when `after` is empty).
static std::string quote_in_attribution_section(const std::string& data_dir, const std::string& after) {
    std::ifstream in(data_dir + "/boundaries/PROVENANCE.md");
    std::string line, text;
    bool in_section = false, in_quote = false, armed = after.empty();
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            if (in_quote) break;
            in_section = line.find("ttribution") != std::string::npos;
            continue;
        }
        if (!in_section) continue;
        if (!armed) {
            armed = line.find(after) != std::string::npos && line.rfind(">", 0) != 0;
            continue;
        }
        if (line.rfind(">", 0) == 0) {
            in_quote = true;
            std::string t = trim(line.substr(1));
            if (!t.empty()) text += (text.empty() ? "" : " ") + t;
        } else if (in_quote) {
            break;
        }
    }
    return text;
}

std::string boundary_attribution(const std::string& data_dir) {
    std::string text = quote_in_attribution_section(data_dir, "");
    if (text.empty())  // the published wording, if PROVENANCE.md is missing or reworded
        text = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
               "Contains OS data © Crown copyright and database right 2022.";
    return text;
}

std::string file_attribution(const std::string& data_dir, const std::string& file) {
    std::string base = std::filesystem::path(file).filename().string();
    if (!data_dir.empty()) {
        std::string own = quote_in_attribution_section(data_dir, "`" + base + "`");
        if (!own.empty()) return "Boundaries: " + own;
        std::error_code ec;
        auto rel = std::filesystem::relative(std::filesystem::weakly_canonical(file, ec), data_dir, ec);
        if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return "Boundaries: " + boundary_attribution(data_dir);
    }
    return "Boundaries: " + base + " (its own licence and attribution apply)";
}

std::string full_attribution(const std::string& data_dir, const std::string& layer_attribution) {
    std::string b = boundary_attribution(data_dir);
    if (layer_attribution.empty()) return "Boundaries: " + b;
    return "Boundaries: " + b + " Figures: " + layer_attribution;
}

} // namespace sespm
