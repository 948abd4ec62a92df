// error.cpp: formatting of input-error locations (see error.h).
#include "core/error.h"

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

} // namespace sespm
