// picture.h: what the drawing tests share: a PNG read back (stb_image), colours from "#rrggbb",
// a tolerance compare, and the pixel where an area's interior point (GEOS point on surface)
// lands under a camera, so a test can read the colour drawn inside a named district.
#pragma once
#include <string>
#include <vector>

#include "rules/classify.h"
#include "map/atlas.h"
#include "render/camera.h"

namespace test {

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    explicit Image(const std::string& path);
    sespm::Rgb at(int x, int y) const;
};

sespm::Rgb from_hex(const std::string& h);
bool close(const sespm::Rgb& a, const sespm::Rgb& b, int tol = 1);
// The colour drawn at the interior point of `area`.
sespm::Rgb colour_inside(const Image& img, const sespm::GeosContext& geos, const sespm::Area& area, const sespm::Camera& cam);

} // namespace test
