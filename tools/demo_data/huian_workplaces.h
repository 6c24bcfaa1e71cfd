// tools/demo_data/huian_workplaces.h — the demo's union members' workplaces in Hui'an county (the demand points of
// the staff coverage analysis): a few hundred factories, shops and depots around the 16 towns, weighted by members,
// plus in every town two industrial parks placed where no demo site's 15-minute ring reaches, so that the analysis
// has real gaps to find. Deterministic (splitmix64, + - * / sqrt only), like huian_demo.h.
#pragma once
#include <vector>

#include "core/coverage_analysis.h"

namespace gongyou::demo {

/// Every demo workplace, in a stable order; Workplace::town is the town's official name (as Site::town).
std::vector<Workplace> huian_workplaces();

}  // namespace gongyou::demo
