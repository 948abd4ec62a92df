// boundaries.h: the areas the program maps, read through GDAL/OGR from the data directory:
// districts (lad.geojson), counties (counties.geojson), LEPs (lep_from_lad.geojson with
// lad_lep_lookup.csv membership), the four SESPM sub-regions and the English regions (both
// dissolved from districts with GEOS). Each area keeps its lon/lat geometry (for RFC 7946
// export) and a British National Grid (EPSG:27700) GEOS geometry for areas and distances.
// Every area also knows its member districts, so any group's figures are sums over districts.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/layer_spec.h"
#include "io/figures.h"
#include "io/geos.h"

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

// Reads any polygon file GDAL can open as areas, with codes and names from the given fields.
// Geometries are transformed to EPSG:27700 through PROJ. Throws DataError naming the file,
// the feature and the field for a missing code, a duplicate code, a non-polygon geometry, an
// empty geometry, or coordinates that are not longitude/latitude when the file has no CRS.
// Only lon/lat geometries are read; project_areas adds the BNG ones when a measurement needs them.
AreaSet read_area_file(const std::string& path, const std::string& code_field = "code",
                       const std::string& name_field = "name");
// Transforms every area to EPSG:27700 (PROJ) and hands it to GEOS; no-op when already done.
void project_areas(const GeosContext& geos, AreaSet& set);

// Dissolves the areas of `src` into groups: `area_to_group` maps an area code to its group's
// code; `group_names` names the groups. The union is done by GEOS on the lon/lat geometries
// (areas sharing edges share the same vertices); members list the areas' codes.
AreaSet dissolve_groups(const AreaSet& src,
                        const std::vector<std::pair<std::string, std::string>>& area_to_group,
                        const std::map<std::string, std::string>& group_names, const std::string& what);

class Atlas {
public:
    Atlas(std::string data_dir, const GeosContext& geos) : dir_(std::move(data_dir)), geos_(geos) {}
    const std::string& data_dir() const { return dir_; }
    const GeosContext& geos() const { return geos_; }
    // Loaded on first use, with BNG geometries for measuring.
    const AreaSet& areas(Geography g);
    // Loaded on first use, lon/lat only (enough for tables and exports).
    const AreaSet& areas_lonlat(Geography g);
    // Reads, dissolves and projects several geographies at once, on threads (each set is made
    // from the files and the districts alone), for commands that will draw them all (the board
    // report): the same sets areas() would make one by one, in less time on more than one core.
    void prepare(const std::vector<Geography>& gs);
    // Any polygon file GDAL reads (e.g. England's wards), kept under its path.
    const AreaSet& open_file(const std::string& path, const std::string& code_field, const std::string& name_field,
                             bool projected);
    // The member districts of any known code (district, county, LEP, sub-region, region);
    // throws UsageError when the code is unknown.
    std::vector<std::string> members_of(const std::string& code);
    // Name of any known code, or empty.
    std::string name_of(const std::string& code);
    // Indices of the areas of geography g sharing at least one member district with `within`.
    std::vector<size_t> select(Geography g, const std::optional<std::string>& within);
    // A rate layer's figures, every period, read on first use and kept (io/figures.cpp), so a
    // change of period recomputes from memory. Keyed by the layer's sources.
    const LoadedFigures& figures(const LayerSpec& spec);

private:
    std::string path(const std::string& rel) const { return dir_ + "/" + rel; }
    std::string dir_;
    const GeosContext& geos_;
    AreaSet& load(Geography g);
    AreaSet build_set(Geography g);   // what load(g) keeps; needs the districts loaded for groups
    void areas_context_from_districts(Geography g);
    std::map<Geography, AreaSet> sets_;
    std::map<std::string, AreaSet> files_;
    std::map<std::string, LoadedFigures> figures_;
};

// Stable code for a SESPM sub-region name, e.g. "Sussex & Surrey" -> "SESPM-SUSSEX-SURREY".
std::string subregion_code(const std::string& name);

} // namespace sespm
