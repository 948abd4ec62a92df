// attribution.h: the attribution text that must accompany every map and export. The boundary
// attribution is read from the data directory's boundaries/PROVENANCE.md (the first block
// quote under "Attribution that must be shown"), so the text shown is the text published there.
#pragma once
#include <string>

namespace sespm {

std::string boundary_attribution(const std::string& data_dir);
// The attribution PROVENANCE.md gives for one boundary file by name (e.g. wards_england.geojson
// has its own), else boundary_attribution for files in the data directory, else a note that the
// file's own licence applies.
std::string file_attribution(const std::string& data_dir, const std::string& file);
// Boundary attribution followed by the layer's own (figures) attribution.
std::string full_attribution(const std::string& data_dir, const std::string& layer_attribution);

} // namespace sespm
