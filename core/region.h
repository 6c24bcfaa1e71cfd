// core/region.h — the region a deployment serves, as the map draws it under the sites: the outline of its land, the
// names of its towns, and where the map starts. Data, given at the composition root (the Hui'an demo county:
// tools/demo_data/huian_demo.h demo::huian_region()).
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "core/units.h"

namespace gongyou {

/// A labelled point of the region (a town's name at its centre).
struct RegionLabel {
  std::string_view text;
  LatLon position;
};

/// The region's outline (WGS-84, not closed), its labels and its centre.
struct Region {
  std::span<const LatLon> outline;
  std::vector<RegionLabel> labels;
  LatLon center;
};

}  // namespace gongyou
