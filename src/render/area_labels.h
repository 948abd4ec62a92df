// area_labels.h: which areas of a map view are named, and where. A name goes at its area's pole
// of inaccessibility when its box fits wholly inside the area (GEOS: the box rectangle in BNG
// is contained by the area), so it never lies across a neighbour; a long name may be wrapped onto
// two lines, or set in smaller type, to fit. An area too small for its
// name on screen gets it outside, beside the area, with a thin leader line ending inside the
// area at its pole; such a box never covers another labelled area's pole, another name or
// another leader, and its leader crosses no other leader and runs over as few areas as it can.
// Unitary authorities (the urban areas board members look for first) are placed first, then
// the others by size. Pure placement over GEOS and a text measure: no ImGui, no GL, so the
// window, the headless PNG and `render --labels-json` share it and tests can check it.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "geodata/geos.h"
#include "map/map_view.h"
#include "render/camera.h"
#include "render/mesh.h"

namespace sespm {

struct PlacedLabel {
    int area = -1;                       // index into view.set->areas
    std::string code, text;              // the name, with a line break if it was wrapped
    float scale = 1;                     // of the label text size (smaller type for a small area)
    double x = 0, y = 0;                 // the text's centre, BNG metres
    double half_w = 0, half_h = 0;       // half the text box, metres
    bool leader = false;                 // drawn outside its area, with a leader line
    double leader_x = 0, leader_y = 0;   // the leader's end inside the area (the pole), BNG
};

// Which areas' names fit inside them at a scale: the GEOS tests are the costly part, and a
// pan keeps the scale, so the window keeps this between frames.
struct LabelFitCache {
    const MapMesh* mesh = nullptr;
    double mpp = 0;
    float text_size = 0;
    std::vector<signed char> fits;       // per area and variant (lines, size): -1 not tested, 0 no, 1 yes
    std::map<std::pair<int, int>, int> cover;  // (area, leader spot): points over other areas
    std::map<std::pair<int, int>, int> crossing;  // (area, leader spot): areas its leader runs over
};

// Width and height in pixels of a text at the label size.
using MeasureText = std::function<std::pair<float, float>(const std::string&)>;

// The labels for the areas in the view's selection (context areas are never named), within the
// camera's image less `bottom_inset` pixels at the bottom, and clear of the `keep_clear` screen
// boxes (x0, y0, x1, y1: the window's docked panels and legend). `cache` may be null.
std::vector<PlacedLabel> place_area_labels(const GeosContext& geos, const MapView& view, const MapMesh& mesh,
                                           const Camera& cam, const MeasureText& measure, float text_size,
                                           float bottom_inset = 0, LabelFitCache* cache = nullptr,
                                           const std::vector<std::array<float, 4>>& keep_clear = {});

// The labels as JSON (code, name, anchor x/y in EPSG:27700, box, leader and its end).
std::string labels_json(const std::vector<PlacedLabel>& labels);

} // namespace sespm
