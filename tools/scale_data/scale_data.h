// tools/scale_data/scale_data.h — the national scale data set: ~150,000 outdoor-worker stations (户外劳动者服务站点,
// 爱心驿站 and the like) spread like China's population, and union members' workplaces weighted by members, for
// map, search and coverage performance work. Generated, never committed.
//
// Deterministic: a fixed seed, a 64-bit integer generator and only + - * / and sqrt on doubles (no sin/cos/log,
// no std::*_distribution), so every build produces the same data.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/coverage.h"
#include "core/site.h"
#include "core/units.h"

namespace gongyou::scale {

/// A prefecture-level city: where its people (and so the generated points) are.
struct City {
  std::string_view name;      ///< short name, e.g. "泉州"
  std::string_view province;  ///< e.g. "福建省"
  LatLon center;              ///< approximate centre of the built-up area
  std::uint32_t population;   ///< resident population in 万 (10,000), rounded
};

/// The ~190 cities the data is spread over, most populous regions first by province.
std::span<const City> cities();

/// Stations of the issue: 150,000.
inline constexpr std::size_t kDefaultSites = 150'000;
/// Workplaces (demand points): 200,000.
inline constexpr std::size_t kDefaultDemand = 200'000;

/// `count` sites with ids 1..count: names, addresses, hours, facilities; Site::town is the city ("泉州市").
std::vector<Site> scale_sites(std::size_t count = kDefaultSites, std::uint64_t seed = 2026);

/// `count` workplaces weighted by members; DemandPoint::group is the index of the city in cities().
std::vector<DemandPoint> scale_demand(std::size_t count = kDefaultDemand, std::uint64_t seed = 1125);

}  // namespace gongyou::scale
