// areas.h: the areas the program maps, as a set: each area's code, name, member districts and
// properties, its lon/lat geometry (for RFC 7946 export) and its British National Grid
// (EPSG:27700) GEOS geometry (for areas and distances). Every area knows its member districts,
// so any group's figures are sums over districts. Made by geodata/area_reader (a file),
// caches/cached_areas (a file through the cache) and map/atlas (each geography of the region).
// The lon/lat geometry is an opaque handle above this folder: only the GDAL-facing code (geodata,
// caches, outputs) reads it; the model only asks whether an area has one and copies it
// (clone_lonlat), and includes no GDAL header. The BNG geometry is GEOS, owned by GeomPtr.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "geodata/geos.h"

class OGRGeometry;

namespace sespm {

struct OgrGeomDeleter { void operator()(OGRGeometry* g) const; };
using OgrGeomPtr = std::unique_ptr<OGRGeometry, OgrGeomDeleter>;

struct Area {
    std::string code, name;
    std::vector<std::string> members;            // district codes (a district lists itself)
    std::map<std::string, std::string> props;    // e.g. rgn_code, utla_code, sespm_subregion
    OgrGeomPtr lonlat;                           // EPSG:4326, lon/lat order
    GeomPtr bng;                                 // EPSG:27700, metres
};

// An area drawn only as context around a geography that does not cover England (England's
// districts around the SESPM sub-regions): never selected.
inline bool is_context_only(const Area& a) { return a.props.count("context_only") > 0; }

struct AreaSet {
    std::string source;                          // file(s) it came from, for messages
    bool projected = false;                      // every area's bng geometry is set
    std::vector<Area> areas;
    std::unordered_map<std::string, size_t> index;
    const Area* find(const std::string& code) const;
};

// Stable code for a SESPM sub-region name, e.g. "Sussex & Surrey" -> "SESPM-SUSSEX-SURREY".
std::string subregion_code(const std::string& name);

// A copy of the area's lon/lat geometry (null when it has none).
OgrGeomPtr clone_lonlat(const Area& a);

// Rebuilds the code -> position index after the areas changed.
void index_areas(AreaSet& s);

} // namespace sespm
