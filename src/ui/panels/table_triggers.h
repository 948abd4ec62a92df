// table_triggers.h: the attribute table's trigger columns for a layer with a limit (dispersal,
// supported asylum seekers, NTS): the agreed trigger point of each area as a share of its limit,
// typed into its cell (Enter saves to the project, Esc cancels, an empty cell clears it; Ctrl+Z
// undoes), and its status against the share shown (reached / within 10 points / below).
#pragma once
#include <map>
#include <string>

#include "rules/cell.h"
#include "map/map_view.h"

namespace sespm {

class MapApp;

constexpr int kTriggerColumns = 2;
bool has_trigger_columns(const MapApp& app, const MapView& v);
void trigger_headers(const MapApp& app);
// Draws row r's two trigger cells from table column `first` on.
void trigger_cells(MapApp& app, const MapView& v, int r, int first);
// What trigger column k (0 = the agreed share, 1 = the status) of row r sorts by.
Cell trigger_sort_cell(const std::map<std::string, double>& triggers, const MapView& v, int r, int k);

} // namespace sespm
