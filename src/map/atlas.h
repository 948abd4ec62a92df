// atlas.h: the region's geography, loaded on first use from the data directory: districts
// (lad.geojson), counties (counties.geojson), LEPs (lep_from_lad.geojson with lad_lep_lookup.csv
// membership), the four SESPM sub-regions and the English regions (both dissolved from districts
// with GEOS), any other polygon file opened by path, and each rate layer's figures. Answers which
// districts make up any known code, and which areas lie within another.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "caches/cached_areas.h"
#include "rules/layer_spec.h"
#include "geodata/figures.h"

namespace sespm {

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
    // A rate layer's figures, every period, read on first use and kept (geodata/figures.cpp), so a
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

} // namespace sespm
