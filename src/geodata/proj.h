// proj.h: RAII PROJ context and the WGS84 (lon, lat) -> British National Grid (EPSG:27700)
// transformation, normalised for visualisation so the axis order is always lon, lat.
#pragma once
#include <proj.h>

#include <vector>

namespace sespm {

class LonLatToBng {
public:
    LonLatToBng();
    ~LonLatToBng();
    LonLatToBng(const LonLatToBng&) = delete;
    LonLatToBng& operator=(const LonLatToBng&) = delete;
    // In place: x = lon -> easting, y = lat -> northing.
    void transform(std::vector<double>& x, std::vector<double>& y) const;

private:
    PJ_CONTEXT* ctx_ = nullptr;
    PJ* pj_ = nullptr;
};

} // namespace sespm
