// ui/coverage_view.h — the switch of the 15-minute coverage layer (交叉覆盖) under the type filters, with its legend:
// how many rings cover a place, from none (a gap) to three or more. Reads SiteFinderState, emits Intents; no I/O.
#pragma once
#include <vector>

#include "app/sites/site_finder_state.h"
#include "app/intent.h"

namespace gongyou::ui {

/// Draws the switch and, when the layer is on, its legend or a hint to zoom in; appends a ToggleCoverage when tapped.
void draw_coverage_switch(const SiteFinderState& state, std::vector<Intent>& intents);

}  // namespace gongyou::ui
