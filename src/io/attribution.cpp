// attribution.cpp: see attribution.h.
#include "io/attribution.h"

#include <fstream>

#include "core/csv.h"

namespace sespm {

std::string boundary_attribution(const std::string& data_dir) {
    std::ifstream in(data_dir + "/boundaries/PROVENANCE.md");
    std::string line, text;
    bool in_section = false, in_quote = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            if (in_quote) break;
            in_section = line.find("ttribution") != std::string::npos;
            continue;
        }
        if (!in_section) continue;
        if (line.rfind(">", 0) == 0) {
            in_quote = true;
            std::string t = trim(line.substr(1));
            if (!t.empty()) text += (text.empty() ? "" : " ") + t;
        } else if (in_quote) {
            break;
        }
    }
    if (text.empty())  // the published wording, if PROVENANCE.md is missing or reworded
        text = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
               "Contains OS data © Crown copyright and database right 2022.";
    return text;
}

std::string full_attribution(const std::string& data_dir, const std::string& layer_attribution) {
    std::string b = boundary_attribution(data_dir);
    if (layer_attribution.empty()) return "Boundaries: " + b;
    return "Boundaries: " + b + " Figures: " + layer_attribution;
}

} // namespace sespm
