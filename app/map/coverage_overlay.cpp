// app/map/coverage_overlay.cpp — see coverage_overlay.h.
#include "app/map/coverage_overlay.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gongyou {
namespace {

/// Colors by rings over a place: 0 a faint red (a gap), 1, 2, 3+ ever deeper green (overlap, 交叉覆盖).
constexpr std::uint8_t kShades[4][4] = {{200, 16, 46, 46}, {64, 160, 90, 70}, {30, 130, 70, 110}, {10, 95, 50, 150}};

}  // namespace

void CoverageOverlay::set_sites(std::span<const LatLon> positions, Metres radius) {
  index_ = RingIndex(positions, radius);
  dirty_ = true;
}

bool CoverageOverlay::update(const BoundingBox& view, double zoom) {
  const bool show = zoom >= kMinZoom && view.max_lat > view.min_lat && view.max_lon > view.min_lon;
  if (!show) {
    const bool changed = visible_;
    visible_ = false;
    return changed;
  }
  if (!dirty_ && visible_ && view.min_lon == box_.min_lon && view.max_lon == box_.max_lon &&
      view.min_lat == box_.min_lat && view.max_lat == box_.max_lat)
    return false;
  dirty_ = false;
  visible_ = true;
  box_ = view;
  columns_ = kColumns;
  // Cells about square on screen: a degree of longitude is cos(latitude) of a degree of latitude (small views).
  const double mid_lat = (view.min_lat + view.max_lat) / 2 * std::numbers::pi / 180;
  const double aspect = (view.max_lon - view.min_lon) * std::cos(mid_lat) / (view.max_lat - view.min_lat);
  rows_ = std::clamp(static_cast<int>(std::lround(kColumns / std::max(aspect, 0.1))), 1, 4 * kColumns);
  const std::size_t cells = static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_);
  counts_.resize(cells);
  rgba_.resize(cells * 4);
  count_rings_grid(index_, box_, columns_, rows_, counts_);
  for (std::size_t i = 0; i < cells; ++i) std::copy_n(kShades[std::min<std::uint32_t>(counts_[i], 3)], 4, &rgba_[4 * i]);
  return true;
}

}  // namespace gongyou
