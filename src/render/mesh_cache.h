// mesh_cache.h: the window's mesh of a large boundary file (every level of detail, the label
// points), kept beside its projected copy (caches/bng_cache.h) so that opening it again skips the
// tessellation, the simplification and GEOS's inscribed circles: England's wards then reach
// the screen in a fraction of the time. The file is our own plain layout (a header, then the
// arrays as they are in memory, little-endian floats and doubles); a record beside it (the
// source's path, size and time, PROJ's version, the layout's version, the number of areas and
// their codes' checksum, the file's bytes and checksum) must match, and every count must fit
// the bytes, or the copy is removed and the mesh built again. Only a full mesh (every level,
// label points) is kept; SESPM_NO_CACHE=1 turns it off with the other caches.
#pragma once
#include <optional>
#include <string>

#include "render/mesh.h"

namespace sespm {

std::optional<std::string> mesh_cache_path(const AreaSet& set);
// The mesh when the copy vouches for itself, else nullopt (and the copy is gone).
std::optional<MapMesh> read_mesh_cache(const std::string& path, const AreaSet& set);
// A failure costs a warning, never the command.
void write_mesh_cache(const std::string& path, const AreaSet& set, const MapMesh& mesh);

} // namespace sespm
