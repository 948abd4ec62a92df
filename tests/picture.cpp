// picture.cpp: see picture.h.
#include "picture.h"

#include <doctest.h>
#include <stb_image.h>

#include <cstdlib>

namespace test {

Image::Image(const std::string& path) {
    int n = 0;
    unsigned char* d = stbi_load(path.c_str(), &w, &h, &n, 4);
    REQUIRE_MESSAGE(d, "cannot read " << path);
    px.assign(d, d + static_cast<size_t>(w) * h * 4);
    stbi_image_free(d);
}

sespm::Rgb Image::at(int x, int y) const {
    size_t i = (static_cast<size_t>(y) * w + x) * 4;
    return sespm::Rgb{px[i], px[i + 1], px[i + 2]};
}

sespm::Rgb from_hex(const std::string& h) {
    auto v = std::stoul(h.substr(1), nullptr, 16);
    return sespm::Rgb{static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8 & 255), static_cast<uint8_t>(v & 255)};
}

bool close(const sespm::Rgb& a, const sespm::Rgb& b, int tol) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

sespm::Rgb colour_inside(const Image& img, const sespm::GeosContext& geos, const sespm::Area& area, const sespm::Camera& cam) {
    sespm::GeomPtr p = sespm::own(geos, GEOSPointOnSurface_r(geos, area.bng.get()));
    double x, y, sx, sy;
    GEOSGeomGetX_r(geos, p.get(), &x);
    GEOSGeomGetY_r(geos, p.get(), &y);
    cam.world_to_screen(x, y, sx, sy);
    REQUIRE((sx >= 0 && sx < img.w && sy >= 0 && sy < img.h));
    return img.at(static_cast<int>(sx), static_cast<int>(sy));
}

} // namespace test
