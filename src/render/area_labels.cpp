// area_labels.cpp: see area_labels.h. Greedy placement in screen pixels in two passes: first
// the names that fit inside their areas (they cannot collide with one another's areas), then
// the leader labels, each at the cheapest free spot of rings of positions around its area
// (over few named areas, its leader over few areas and crossing no other leader, short).
#include "render/area_labels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <tuple>
#include <nlohmann/json.hpp>

namespace sespm {

namespace {

const int kMaxLeaderTries = 80;
const size_t kVariants = 4;  // one or two lines, at the label size or smaller

struct Box {
    float x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && x1 > o.x0 && y0 < o.y1 && y1 > o.y0; }
    bool contains(float x, float y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

bool segments_cross(float ax, float ay, float bx, float by, float cx, float cy, float dx, float dy) {
    auto orient = [](float px, float py, float qx, float qy, float rx, float ry) {
        float v = (qx - px) * (ry - py) - (qy - py) * (rx - px);
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    };
    return orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 &&
           orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0;
}

bool segment_hits_box(float x0, float y0, float x1, float y1, const Box& b) {
    if (b.contains(x0, y0) || b.contains(x1, y1)) return true;
    return segments_cross(x0, y0, x1, y1, b.x0, b.y0, b.x1, b.y0) || segments_cross(x0, y0, x1, y1, b.x1, b.y0, b.x1, b.y1) ||
           segments_cross(x0, y0, x1, y1, b.x1, b.y1, b.x0, b.y1) || segments_cross(x0, y0, x1, y1, b.x0, b.y1, b.x0, b.y0);
}

Box box_at(float cx, float cy, float w, float h, float pad) { return {cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad}; }

struct Candidate {
    int area;
    float px, py, w, h;  // pole on screen, text size
    std::string text;    // the name, on one line or wrapped onto two
    double r_px;         // inscribed circle radius on screen
    double priority;
    float scale = 1;     // of the label size
};

// A uniform grid over the view (32 px cells) of what is placed and of the poles, so that asking
// whether a spot is free looks at its neighbourhood, not at every label of a map of 7,000 wards.
struct ScreenGrid {
    static constexpr float kCell = 32;
    int w = 1, h = 1;
    std::vector<std::vector<int>> cells;
    void init(float view_w, float view_h) {
        w = std::max(1, static_cast<int>(view_w / kCell) + 1);
        h = std::max(1, static_cast<int>(view_h / kCell) + 1);
        cells.assign(static_cast<size_t>(w) * h, {});
    }
    int cx(float x) const { return std::clamp(static_cast<int>(x / kCell), 0, w - 1); }
    int cy(float y) const { return std::clamp(static_cast<int>(y / kCell), 0, h - 1); }
    void add(const Box& b, int id) {
        for (int y = cy(b.y0); y <= cy(b.y1); ++y)
            for (int x = cx(b.x0); x <= cx(b.x1); ++x) cells[static_cast<size_t>(y) * w + x].push_back(id);
    }
    // Calls f(id) for what is in the cells box b covers (an id may come more than once); stops
    // at the first f that returns true and returns true.
    template <class F> bool any(const Box& b, F f) const {
        for (int y = cy(b.y0); y <= cy(b.y1); ++y)
            for (int x = cx(b.x0); x <= cx(b.x1); ++x)
                for (int id : cells[static_cast<size_t>(y) * w + x]) if (f(id)) return true;
        return false;
    }
};

struct Placement {
    std::vector<Box> kept;              // names and leader dots already placed
    std::vector<std::pair<float, float>> poles;  // every candidate's pole (no leader label covers one)
    float view_w, view_h;
    ScreenGrid kept_grid, pole_grid;
    void init(float w, float h) {
        view_w = w;
        view_h = h;
        kept_grid.init(w, h);
        pole_grid.init(w, h);
    }
    void keep(const Box& b) {
        kept_grid.add(b, static_cast<int>(kept.size()));
        kept.push_back(b);
    }
    void add_pole(float x, float y) {
        pole_grid.add(Box{x, y, x, y}, static_cast<int>(poles.size()));
        poles.push_back({x, y});
    }
    // own_pole < 0: a name inside its own area, which can cover no other area's pole.
    bool free(const Box& b, int own_pole) const {
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > view_w || b.y1 > view_h) return false;
        if (kept_grid.any(b, [&](int i) { return b.overlaps(kept[i]); })) return false;
        if (own_pole < 0) return true;
        return !pole_grid.any(b, [&](int p) { return p != own_pole && b.contains(poles[p].first, poles[p].second); });
    }
    std::vector<std::array<float, 4>> leaders;  // leader lines placed: (pole x, y, box edge x, y)
    // Whether the segment crosses a leader already placed (sharing no end with it).
    bool crosses_leader(float x0, float y0, float x1, float y1) const {
        for (const auto& l : leaders)
            if (segments_cross(x0, y0, x1, y1, l[0], l[1], l[2], l[3])) return true;
        return false;
    }
    // Whether a leader already placed runs through box b.
    bool box_hits_leader(const Box& b) const {
        for (const auto& l : leaders)
            if (segment_hits_box(l[0], l[1], l[2], l[3], b)) return true;
        return false;
    }
    // Whether the leader from (px, py) to box b's nearest point passes through a kept name.
    bool crosses(float px, float py, const Box& b) const {
        float ex = std::clamp(px, b.x0, b.x1), ey = std::clamp(py, b.y0, b.y1);
        for (int i = 1; i < 8; ++i) {  // a few points along the line: boxes are larger than the steps
            float t = i / 8.0f, x = px + (ex - px) * t, y = py + (ey - py) * t;
            if (kept_grid.any(Box{x, y, x, y}, [&](int k) { return kept[k].contains(x, y); })) return true;
        }
        return false;
    }
};

// Whether the name's box, centred at the pole, lies wholly inside the area (GEOS contains).
bool fits_inside(const GeosContext& geos, const Area& a, const AreaMesh& am, const Candidate& c, double mpp) {
    if (std::min(c.w, c.h) / 2 > c.r_px) return false;  // no box that tall or wide fits anywhere in it
    double hw = c.w / 2 * mpp, hh = c.h / 2 * mpp;
    if (std::hypot(c.w / 2, c.h / 2) <= c.r_px) return true;  // inside the inscribed circle
    GeomPtr rect = own(geos, GEOSGeom_createRectangle_r(geos, am.label_x - hw, am.label_y - hh, am.label_x + hw, am.label_y + hh));
    return rect && GEOSContains_r(geos, a.bng.get(), rect.get()) == 1;
}

bool cached_fit(const GeosContext& geos, const MapView& view, const MapMesh& mesh, const Candidate& c, double mpp,
                float text_size, LabelFitCache* cache, int lines_variant) {
    const Area& a = view.set->areas[c.area];
    if (!cache) return fits_inside(geos, a, mesh.areas[c.area], c, mpp);
    if (cache->mesh != &mesh || cache->mpp != mpp || cache->text_size != text_size || cache->fits.size() != mesh.areas.size() * kVariants) {
        cache->mesh = &mesh;
        cache->mpp = mpp;
        cache->text_size = text_size;
        cache->fits.assign(mesh.areas.size() * kVariants, -1);
        cache->cover.clear();
        cache->crossing.clear();
    }
    signed char& f = cache->fits[c.area * kVariants + lines_variant];
    if (f < 0) f = fits_inside(geos, a, mesh.areas[c.area], c, mpp) ? 1 : 0;
    return f == 1;
}

// The name on two lines, broken at the space nearest its middle ("Isle of\nWight"); empty for
// a single word.
std::string two_lines(const std::string& name) {
    size_t best = std::string::npos;
    for (size_t i = name.find(' '); i != std::string::npos; i = name.find(' ', i + 1))
        if (best == std::string::npos || std::abs(static_cast<double>(i) - name.size() / 2.0) < std::abs(static_cast<double>(best) - name.size() / 2.0))
            best = i;
    if (best == std::string::npos) return "";
    return name.substr(0, best) + "\n" + name.substr(best + 1);
}

// The first way the name fits inside its area: one line, two lines, then each at a smaller
// size (kSmaller of the label size: a small district's name in smaller type, as on printed
// maps, before it is moved out with a leader).
const float kSmaller = 0.8f;

std::optional<Candidate> inside_variant(const GeosContext& geos, const MapView& view, const MapMesh& mesh, const Candidate& c,
                                        double mpp, float text_size, const MeasureText& measure, LabelFitCache* cache) {
    std::string wrapped = two_lines(c.text);
    int variant = 0;
    for (float scale : {1.0f, kSmaller})
        for (const std::string* text : std::array<const std::string*, 2>{&c.text, &wrapped}) {
            int v = variant++;
            if (text->empty()) continue;
            Candidate t = c;
            t.text = *text;
            t.scale = scale;
            auto [w, h] = measure(*text);
            t.w = w * scale;
            t.h = h * scale;
            if (cached_fit(geos, view, mesh, t, mpp, text_size, cache, v)) return t;
        }
    return std::nullopt;
}

// Positions around the area for a name that does not fit in it: eight directions, those
// pointing away from the middle of the selection first (out towards the sea or the context
// areas, off the other districts), at three distances beyond the inscribed circle.
const int kLeaderDirections = 16;
const int kMaxLeaderCrossings = 2;  // other areas a district's leader may run over
const size_t kNearRings = 5;  // of the seven rings of leader spots, the far two are a last resort

std::vector<std::pair<float, float>> leader_spots(const Candidate& c, float mid_x, float mid_y) {
    std::vector<std::array<float, 2>> dirs;
    for (int i = 0; i < kLeaderDirections; ++i) {
        double a = i * 6.283185307 / kLeaderDirections;
        dirs.push_back({static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))});
    }
    float ox = c.px - mid_x, oy = c.py - mid_y;
    std::stable_sort(dirs.begin(), dirs.end(), [&](const auto& a, const auto& b) { return a[0] * ox + a[1] * oy > b[0] * ox + b[1] * oy; });
    std::vector<std::pair<float, float>> out;
    float gap = static_cast<float>(std::max(c.r_px, 3.0)) + 8;
    for (float extra : {0.0f, 14.0f, 30.0f, 50.0f, 76.0f, 104.0f, 136.0f})
        for (const auto& d : dirs) {
            float reach = std::abs(d[0]) * c.w / 2 + std::abs(d[1]) * c.h / 2;  // the box's extent that way
            out.push_back({c.px + d[0] * (gap + extra + reach), c.py + d[1] * (gap + extra + reach)});
        }
    return out;
}

// How much of a leader label's box lies over the other named areas: of nine points on a grid
// over the box, how many fall inside one (GEOS prepared point-in-polygon, after a bbox test).
// The count depends only on the scale, so the window's cache keeps it while the map pans.
struct Neighbours {
    const GeosContext& geos;
    const MapView& view;
    const MapMesh& mesh;
    const Camera& cam;
    std::vector<int> areas;
    mutable std::vector<PreparedPtr> prepared;   // made when first needed: most are never asked
    ScreenGrid grid;                             // each named area under the cells its box covers
    Neighbours(const GeosContext& g, const MapView& v, const MapMesh& m, const std::vector<Candidate>& cand, const Camera& c,
               float view_w, float view_h)
        : geos(g), view(v), mesh(m), cam(c) {
        grid.init(view_w, view_h);
        for (const auto& k : cand) {
            const Bbox& bb = mesh.areas[k.area].bbox;
            double x0, y0, x1, y1;
            cam.world_to_screen(bb.minx, bb.maxy, x0, y0);
            cam.world_to_screen(bb.maxx, bb.miny, x1, y1);
            grid.add(Box{static_cast<float>(std::min(x0, x1)), static_cast<float>(std::min(y0, y1)),
                         static_cast<float>(std::max(x0, x1)), static_cast<float>(std::max(y0, y1))},
                     static_cast<int>(areas.size()));
            areas.push_back(k.area);
        }
        prepared.resize(areas.size());
    }
    bool holds(size_t i, double wx, double wy) const {
        const Bbox& bb = mesh.areas[areas[i]].bbox;
        if (wx < bb.minx || wx > bb.maxx || wy < bb.miny || wy > bb.maxy) return false;
        if (!prepared[i]) prepared[i] = prepare(geos, view.set->areas[areas[i]].bng.get());
        GeomPtr pt = own_point(wx, wy);
        return pt && prepared[i] && GEOSPreparedContains_r(geos, prepared[i].get(), pt.get()) == 1;
    }
    int count(int own, const Box& b) const {
        int n = 0;
        for (int gx = 0; gx < 3; ++gx)
            for (int gy = 0; gy < 3; ++gy) {
                float sx = b.x0 + (b.x1 - b.x0) * (0.1f + 0.4f * gx), sy = b.y0 + (b.y1 - b.y0) * (0.1f + 0.4f * gy);
                double wx, wy;
                cam.screen_to_world(sx, sy, wx, wy);
                if (grid.any(Box{sx, sy, sx, sy}, [&](int i) { return areas[i] != own && holds(static_cast<size_t>(i), wx, wy); })) ++n;
            }
        return n;
    }
    GeomPtr own_point(double x, double y) const { return own(geos, GEOSGeom_createPointFromXY_r(geos, x, y)); }
    int cover(const Candidate& c, int spot, const Box& b, LabelFitCache* cache) const {
        if (!cache) return count(c.area, b);
        auto key = std::make_pair(c.area, spot);
        auto it = cache->cover.find(key);
        if (it != cache->cover.end()) return it->second;
        return cache->cover[key] = count(c.area, b);
    }
};

// Which areas, named or context, a leader runs over besides its own: points along
// it (every pixel), each tested against the areas whose box holds it (prepared lazily: most are never hit).
struct AreaIndex {
    const GeosContext& geos;
    const MapMesh& mesh;
    const MapView& view;
    const Camera& cam;
    mutable std::vector<PreparedPtr> prepared;
    AreaIndex(const GeosContext& g, const MapView& v, const MapMesh& m, const Camera& c)
        : geos(g), mesh(m), view(v), cam(c), prepared(m.areas.size()) {}
    // The first of `near` (area indices) that holds the point, or -1.
    int area_at(const std::vector<int>& near, double wx, double wy) const {
        GeomPtr pt;
        for (int i : near) {
            const Bbox& bb = mesh.areas[i].bbox;
            if (wx < bb.minx || wx > bb.maxx || wy < bb.miny || wy > bb.maxy) continue;
            if (!prepared[i]) prepared[i] = prepare(geos, view.set->areas[i].bng.get());
            if (!pt) pt = own(geos, GEOSGeom_createPointFromXY_r(geos, wx, wy));
            if (pt && prepared[i] && GEOSPreparedContains_r(geos, prepared[i].get(), pt.get()) == 1) return i;
        }
        return -1;
    }
    int crossings(int own_area, float x0, float y0, float x1, float y1) const {
        double ax, ay, bx, by;
        cam.screen_to_world(x0, y0, ax, ay);
        cam.screen_to_world(x1, y1, bx, by);
        std::vector<int> near;  // the areas whose box meets the leader's box: the only ones tested below
        for (size_t i = 0; i < mesh.areas.size() && i < view.set->areas.size(); ++i) {
            const Bbox& bb = mesh.areas[i].bbox;
            if (static_cast<int>(i) != own_area && bb.maxx >= std::min(ax, bx) && bb.minx <= std::max(ax, bx) &&
                bb.maxy >= std::min(ay, by) && bb.miny <= std::max(ay, by))
                near.push_back(static_cast<int>(i));
        }
        near.push_back(own_area);  // a point in its own area is in no other
        int steps = std::max(1, static_cast<int>(std::hypot(x1 - x0, y1 - y0)));
        std::vector<int> seen;
        for (int i = 1; i < steps && near.size() > 1; ++i) {
            double wx, wy;
            cam.screen_to_world(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, wx, wy);
            int a = area_at(near, wx, wy);
            if (a >= 0 && a != own_area && std::find(seen.begin(), seen.end(), a) == seen.end()) seen.push_back(a);
        }
        return static_cast<int>(seen.size());
    }
};

// The nearest point of the text box (unpadded, as the leader is drawn) to the pole.
std::pair<float, float> leader_start(const Candidate& c, float bx, float by) {
    return {std::clamp(c.px, bx - c.w / 2, bx + c.w / 2), std::clamp(c.py, by - c.h / 2, by + c.h / 2)};
}

// The best free spot for a leader label: its box over as few other named areas as can be, its
// leader over as few other areas (named or not), crossing no other leader, and short. Rings of
// spots are tried outwards; the search stops after a ring that gave a spot clear of both.
struct LeaderChoice {
    int spot = -1;          // index into the spots, -1: none free
    int over = 0;           // other areas its leader runs over
    double cost = 1e30;
};

// `base` keeps the cache's spots of the smaller type apart from those of the label size.
LeaderChoice best_leader_spot(const Candidate& c, int k, const std::vector<std::pair<float, float>>& spots, const Placement& pl,
                              const Neighbours& nb, const AreaIndex& ai, LabelFitCache* cache, float pad, int base) {
    int best_over = 0;
    Box dot = box_at(c.px, c.py, 3, 3, 0);
    int best = -1;
    double best_cost = 1e30;
    bool clean = false;
    for (size_t j = 0; j < spots.size(); ++j) {
        if (j % kLeaderDirections == 0 && clean) break;  // a whole ring nearer than this had a clean spot
        if (j == kNearRings * kLeaderDirections && best >= 0) break;  // the far rings only when nothing nearer is free
        Box b = box_at(spots[j].first, spots[j].second, c.w, c.h, pad);
        if (!pl.free(b, k) || b.overlaps(dot) || pl.crosses(c.px, c.py, b) || pl.box_hits_leader(b)) continue;
        auto [ex, ey] = leader_start(c, spots[j].first, spots[j].second);
        if (pl.crosses_leader(c.px, c.py, ex, ey)) continue;
        int cover = nb.cover(c, base + static_cast<int>(j), b, cache);
        double len_cost = std::hypot(ex - c.px, ey - c.py) * 0.15;
        if (cover * 3.0 + len_cost >= best_cost) continue;  // cannot beat the best even over no area
        int over = -1;
        auto key = std::make_pair(c.area, base + static_cast<int>(j));
        if (cache && cache->crossing.count(key)) over = cache->crossing[key];
        if (over < 0) over = ai.crossings(c.area, c.px, c.py, ex, ey);
        if (cache) cache->crossing[key] = over;
        double cost = cover * 3.0 + over * 12.0 + len_cost;
        if (cost < best_cost) best = static_cast<int>(j), best_cost = cost, best_over = over;
        clean = clean || (cover == 0 && over == 0);
    }
    return {best, best_over, best_cost};
}

// The leader label at the label size, or in smaller type when that finds a clearly better spot
// (a crowded cluster of small unitaries: Reading, Wokingham, Bracknell Forest, Slough).
LeaderChoice leader_for(Candidate& c, int k, float mid_x, float mid_y, const Placement& pl, const Neighbours& nb,
                        const AreaIndex& ai, LabelFitCache* cache, float pad, std::vector<std::pair<float, float>>& spots) {
    spots = leader_spots(c, mid_x, mid_y);
    LeaderChoice full = best_leader_spot(c, k, spots, pl, nb, ai, cache, pad, 0);
    if ((full.spot >= 0 && full.cost < 12) || c.scale < 1) return full;  // no area under its leader, little under its box
    Candidate small = c;
    small.w *= kSmaller;
    small.h *= kSmaller;
    small.scale = c.scale * kSmaller;
    auto small_spots = leader_spots(small, mid_x, mid_y);
    LeaderChoice less = best_leader_spot(small, k, small_spots, pl, nb, ai, cache, pad, 1000);
    if (less.spot < 0 || less.cost + 4 >= full.cost) return full;
    c = small;
    spots = std::move(small_spots);
    return less;
}

PlacedLabel make_label(const MapView& view, const MapMesh& mesh, const Camera& cam, const Candidate& c, float cx, float cy, bool leader) {
    const Area& a = view.set->areas[c.area];
    PlacedLabel l;
    l.area = c.area;
    l.code = a.code;
    l.text = c.text;
    l.scale = c.scale;
    cam.screen_to_world(cx, cy, l.x, l.y);
    l.half_w = c.w / 2 * cam.mpp;
    l.half_h = c.h / 2 * cam.mpp;
    l.leader = leader;
    l.leader_x = mesh.areas[c.area].label_x;
    l.leader_y = mesh.areas[c.area].label_y;
    return l;
}

std::vector<Candidate> candidates(const MapView& view, const MapMesh& mesh, const Camera& cam, const MeasureText& measure, float view_h) {
    std::vector<Candidate> out;
    for (size_t i = 0; i < mesh.areas.size() && i < view.row_of_area.size(); ++i) {
        if (view.row_of_area[i] < 0) continue;
        const AreaMesh& a = mesh.areas[i];
        double px_area = a.area_m2 / (cam.mpp * cam.mpp);
        if (px_area < 6) continue;  // a speck at this scale
        double sx, sy;
        cam.world_to_screen(a.label_x, a.label_y, sx, sy);
        if (sx < 0 || sy < 0 || sx > cam.width || sy > view_h) continue;
        const std::string& name = view.set->areas[i].name;
        auto [w, h] = measure(name);
        bool unitary = view.set->areas[i].code.rfind("E06", 0) == 0;
        // unitaries first, the smallest of them first (the most hemmed in: Slough before Windsor
        // and Maidenhead take the room around them); then the other districts, the largest first
        out.push_back({static_cast<int>(i), static_cast<float>(sx), static_cast<float>(sy), w, h, name, a.label_r / cam.mpp,
                       unitary ? 2e15 - a.area_m2 : a.area_m2});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });
    return out;
}

} // namespace

std::vector<PlacedLabel> place_area_labels(const GeosContext& geos, const MapView& view, const MapMesh& mesh, const Camera& cam,
                                           const MeasureText& measure, float text_size, float bottom_inset, LabelFitCache* cache,
                                           const std::vector<std::array<float, 4>>& keep_clear) {
    const float pad = 2;
    Placement pl;
    pl.init(static_cast<float>(cam.width), static_cast<float>(cam.height) - bottom_inset);
    for (const auto& k : keep_clear) pl.keep(Box{k[0], k[1], k[2], k[3]});  // under a panel a name would be hidden
    std::vector<Candidate> cand = candidates(view, mesh, cam, measure, pl.view_h);
    for (const auto& c : cand) pl.add_pole(c.px, c.py);
    std::vector<PlacedLabel> out;
    std::vector<bool> done(cand.size(), false);
    for (size_t k = 0; k < cand.size(); ++k) {  // inside their own areas
        const Candidate& c = cand[k];
        std::optional<Candidate> fit = inside_variant(geos, view, mesh, c, cam.mpp, text_size, measure, cache);
        if (!fit) continue;
        cand[k] = *fit;
        Box b = box_at(fit->px, fit->py, fit->w, fit->h, pad);
        if (!pl.free(b, -1)) continue;
        pl.keep(b);
        out.push_back(make_label(view, mesh, cam, cand[k], c.px, c.py, false));
        done[k] = true;
    }
    double mx, my;
    cam.world_to_screen((view.selection_bbox.minx + view.selection_bbox.maxx) / 2, (view.selection_bbox.miny + view.selection_bbox.maxy) / 2, mx, my);
    float mid_x = static_cast<float>(mx), mid_y = static_cast<float>(my);
    Neighbours nb(geos, view, mesh, cand, cam, pl.view_w, pl.view_h);
    AreaIndex ai(geos, view, mesh, cam);
    int tried = 0;  // leaders for the first names by priority only: a map of 7,000 wards is not all named
    for (size_t k = 0; k < cand.size() && tried < kMaxLeaderTries; ++k) {  // beside them, with a leader
        if (done[k]) continue;
        ++tried;
        Candidate c = cand[k];
        std::vector<std::pair<float, float>> spots;
        LeaderChoice choice = leader_for(c, static_cast<int>(k), mid_x, mid_y, pl, nb, ai, cache, pad, spots);
        int best = choice.spot, over = choice.over;
        // a leader over many areas, or far off across another, points the eye across the map:
        // such a name is left out (its tooltip still names it), unless it is a unitary's (the
        // urban areas the board looks for are always named)
        if (best < 0) continue;
        auto [ex, ey] = leader_start(c, spots[best].first, spots[best].second);
        bool long_way = over > 0 && std::hypot(ex - c.px, ey - c.py) > 4 * c.h;  // far off, across another area
        if (c.priority < 1e15 && (over > kMaxLeaderCrossings || long_way)) continue;
        pl.keep(box_at(spots[best].first, spots[best].second, c.w, c.h, pad));
        pl.keep(box_at(c.px, c.py, 3, 3, 0));
        pl.leaders.push_back({c.px, c.py, ex, ey});
        out.push_back(make_label(view, mesh, cam, c, spots[best].first, spots[best].second, true));
    }
    return out;
}

std::string labels_json(const std::vector<PlacedLabel>& labels) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& l : labels) {
        nlohmann::ordered_json o;
        o["code"] = l.code;
        o["text"] = l.text;
        o["x"] = std::round(l.x * 10) / 10;
        o["y"] = std::round(l.y * 10) / 10;
        o["box"] = {std::round(l.x - l.half_w), std::round(l.y - l.half_h), std::round(l.x + l.half_w), std::round(l.y + l.half_h)};
        o["leader"] = l.leader;
        if (l.leader) o["leader_end"] = {std::round(l.leader_x * 10) / 10, std::round(l.leader_y * 10) / 10};
        else o["leader_end"] = nullptr;
        arr.push_back(o);
    }
    return arr.dump(1) + "\n";
}

} // namespace sespm
