// picker.h: which area is under a point of the map (BNG metres), answered with a GEOS STRtree
// of the areas' envelopes and prepared geometries; built once per mesh, used on every mouse move.
#pragma once
#include <vector>

#include "geodata/areas.h"

namespace sespm {

class AreaPicker {
public:
    AreaPicker(const GeosContext& geos, const AreaSet& set);
    ~AreaPicker();
    AreaPicker(const AreaPicker&) = delete;
    AreaPicker& operator=(const AreaPicker&) = delete;
    // Index of the area containing (x, y), or -1.
    int pick(double x, double y) const;

private:
    const GeosContext& geos_;
    const AreaSet& set_;
    GEOSSTRtree* tree_ = nullptr;
    std::vector<PreparedPtr> prepared_;
};

} // namespace sespm
