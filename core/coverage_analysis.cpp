// core/coverage_analysis.cpp — see coverage_analysis.h.
#include "core/coverage_analysis.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/geo.h"

namespace gongyou {
namespace {

constexpr double kDegrees = std::numbers::pi / 180.0;

/// Metres per degree of latitude on the product's sphere.
double metres_per_degree() { return kEarthRadius.value * kDegrees; }

/// One cell's running sums.
struct CellSum {
  std::int64_t row = 0, column = 0;
  double lat_weighted = 0, lon_weighted = 0;
  std::uint64_t members = 0;
  std::vector<std::pair<std::uint32_t, std::uint64_t>> groups;  // (group, members)
};

}  // namespace

std::vector<CoverageCandidate> grid_candidates(std::span<const DemandPoint> demand,
                                               std::span<const std::uint8_t> covered, Metres cell) {
  const double cell_lat = cell.value / metres_per_degree();
  // (row, column, demand index) of every uncovered point, sorted so that a cell's points are adjacent.
  struct Keyed {
    std::int64_t row, column;
    std::uint32_t index;
  };
  std::vector<Keyed> keyed;
  for (std::uint32_t i = 0; i < demand.size(); ++i) {
    const DemandPoint& d = demand[i];
    if ((i < covered.size() && covered[i] != 0) || d.members == 0 || !is_valid(d.position)) continue;
    const auto row = static_cast<std::int64_t>(std::floor(d.position.lat / cell_lat));
    const double row_lat = (static_cast<double>(row) + 0.5) * cell_lat;
    const double cell_lon = cell_lat / std::max(std::cos(row_lat * kDegrees), 1e-6);
    keyed.push_back({row, static_cast<std::int64_t>(std::floor(d.position.lon / cell_lon)), i});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.row != b.row ? a.row < b.row : a.column != b.column ? a.column < b.column : a.index < b.index;
  });
  std::vector<CoverageCandidate> out;
  for (std::size_t begin = 0; begin < keyed.size();) {
    std::size_t end = begin;
    CellSum sum;
    for (; end < keyed.size() && keyed[end].row == keyed[begin].row && keyed[end].column == keyed[begin].column;
         ++end) {
      const DemandPoint& d = demand[keyed[end].index];
      sum.lat_weighted += d.position.lat * d.members;
      sum.lon_weighted += d.position.lon * d.members;
      sum.members += d.members;
      auto group = std::find_if(sum.groups.begin(), sum.groups.end(), [&](const auto& g) { return g.first == d.group; });
      if (group == sum.groups.end())
        sum.groups.emplace_back(d.group, d.members);
      else
        group->second += d.members;
    }
    const auto best = std::min_element(sum.groups.begin(), sum.groups.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    const double m = static_cast<double>(sum.members);
    out.push_back({LatLon{sum.lat_weighted / m, sum.lon_weighted / m}, sum.members, best->first});
    begin = end;
  }
  return out;
}

std::vector<LatLon> ring_polygon(LatLon centre, Metres radius, int sides) {
  std::vector<LatLon> ring;
  if (sides < 3) return ring;
  ring.reserve(static_cast<std::size_t>(sides) + 1);
  const double delta = radius.value / kEarthRadius.value;  // angular radius
  const double lat1 = centre.lat * kDegrees, lon1 = centre.lon * kDegrees;
  for (int i = 0; i < sides; ++i) {
    // Counter-clockwise from due east: bearing 90°, then 90° - k·360°/sides (north, west, south, back east).
    const double bearing = (90.0 - 360.0 * i / sides) * kDegrees;
    const double lat2 =
        std::asin(std::sin(lat1) * std::cos(delta) + std::cos(lat1) * std::sin(delta) * std::cos(bearing));
    const double lon2 = lon1 + std::atan2(std::sin(bearing) * std::sin(delta) * std::cos(lat1),
                                          std::cos(delta) - std::sin(lat1) * std::sin(lat2));
    ring.push_back({lat2 / kDegrees, std::remainder(lon2 / kDegrees, 360.0)});
  }
  ring.push_back(ring.front());
  return ring;
}

}  // namespace gongyou
