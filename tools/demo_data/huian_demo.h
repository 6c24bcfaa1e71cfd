// tools/demo_data/huian_demo.h — the deterministic demo data set of Hui'an county (惠安县), Fujian:
// its 16 towns, a rough county outline for the offline map background, and ~300 union service sites
// of every SiteType in the proportions of the source articles.
//
// Everything is generated from a fixed seed with integer arithmetic and correctly rounded
// floating-point operations only (+ - * / sqrt, no sin/cos/pow, no std::*_distribution),
// so the native and the WebAssembly builds produce byte-identical data.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string_view>
#include <vector>

#include "core/region.h"
#include "core/site.h"
#include "core/units.h"

namespace gongyou::demo {

/// A town (镇/乡) of Hui'an county.
struct Town {
  std::string_view name;           ///< short name as spoken, e.g. "螺城"
  LatLon center;                   ///< approximate WGS-84 center of the town's built-up area
  std::string_view official_name;  ///< administrative name stored in Site::town, e.g. "螺城镇", "百崎回族乡"
};

/// The 16 towns of Hui'an county, county seat (螺城) first.
std::span<const Town> huian_towns();

/// A rough boundary polygon of the county's land (WGS-84, counter-clockwise, not closed: last != first).
std::span<const LatLon> huian_outline();

/// The county as the map draws it: its outline, its towns' names and its centre (the app's region at start).
Region huian_region();

/// The bounding box of huian_outline(); every demo site lies inside it.
BoundingBox huian_bounds();

/// True when p lies inside huian_outline() (even-odd rule).
bool inside_huian(LatLon p);

/// The facility ids that demo sites use, in the order facilities are listed on a site.
std::span<const std::string_view> facility_ids();

/// All demo sites, ids 1..N in a stable order (service centers first, then by SiteType).
/// Two calls return equal vectors, on every platform.
std::vector<Site> huian_sites();

/// The whole data set as one JSON object:
/// {"towns":[{"name","official_name","lat","lon"}...], "outline":[[lat,lon]...], "sites":[Site...]}.
nlohmann::json huian_demo_json();

}  // namespace gongyou::demo
