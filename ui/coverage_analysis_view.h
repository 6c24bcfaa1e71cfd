// ui/coverage_analysis_view.h — the staff coverage analysis screen (覆盖分析): towns with members, members within
// 15 minutes and a share bar (lowest first); "where next" with a k stepper, its suggestions, a button that shows them
// on the map and the GeoJSON export. Reads CoverageAnalysisState, emits Intents; no I/O.
#pragma once
#include <vector>

#include "app/coverage/coverage_analysis.h"
#include "app/intent.h"

namespace gongyou::ui {

/// The two staff pages' switch (site schedule, coverage), drawn at the top of the coverage page (the site schedule
/// has its own way here, next to the site's name).
void draw_staff_nav(Screen screen, std::vector<Intent>& intents);

/// The coverage screen.
void draw_coverage_analysis(const CoverageAnalysisState& state, std::vector<Intent>& intents);

}  // namespace gongyou::ui
