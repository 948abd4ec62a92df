// areas.cpp: see areas.h.
#include "geodata/areas.h"

#include <ogr_geometry.h>

#include <cctype>

namespace sespm {

void OgrGeomDeleter::operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }

const Area* AreaSet::find(const std::string& code) const {
    auto it = index.find(code);
    return it == index.end() ? nullptr : &areas[it->second];
}

std::string subregion_code(const std::string& name) {
    std::string c = "SESPM";
    bool dash = true;
    for (char ch : name) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
            if (dash) c += '-';
            c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            dash = false;
        } else {
            dash = true;
        }
    }
    return c;
}

OgrGeomPtr clone_lonlat(const Area& a) { return OgrGeomPtr(a.lonlat ? a.lonlat->clone() : nullptr); }

void index_areas(AreaSet& s) {
    s.index.clear();
    for (size_t i = 0; i < s.areas.size(); ++i) s.index[s.areas[i].code] = i;
}

} // namespace sespm
