// fair_share_preview.h: a fair-share model worked out without saving anything: the allocation,
// why each district got its number, each district's pressure index, and the population rule's
// numbers beside it (same total, meaning and limits). What the window's Factors section shows
// live while weights move; `scenario allocate --rule factors` saves the same allocation.
#pragma once
#include <vector>

#include "map/scenario_commands.h"

namespace sespm {

struct ModelPreview {
    Allocation allocation;                 // as allocate_places gives it
    ShareExplanation shares;               // one row per allocation input
    std::vector<double> pressure;          // per input: the pressure index (rules/fair_share.h)
    std::vector<long long> by_population;  // per input: the population rule's places (or target, as stock)
};

// `req.rule` must be Factors. Throws as allocate_places does (SettingError, UsageError).
ModelPreview preview_model(Session& s, const AllocateRequest& req);

} // namespace sespm
