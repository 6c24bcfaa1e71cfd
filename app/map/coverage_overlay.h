// app/map/coverage_overlay.h — the coverage layer (交叉覆盖): over the map's view, how many 15-minute rings cover each
// place, as a small raster (core/coverage.h count_rings_grid) colored for an image overlay. Platform-free; the App
// hands the pixels to the MapView. Recomputed only when the view or the sites changed, and only when switched on.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/coverage.h"
#include "core/units.h"

namespace gongyou {

/// The rings-per-place raster of the current view.
class CoverageOverlay {
 public:
  /// Grid cells across the view's width (rows follow the view's shape).
  static constexpr int kColumns = 192;
  /// Below this zoom a ring is smaller than a cell: the layer is not drawn.
  static constexpr int kMinZoom = 11;

  /// Indexes the sites' positions (every ring `radius` wide); the next update recomputes.
  void set_sites(std::span<const LatLon> positions, Metres radius);
  /// Recomputes the raster for a view and zoom; true when it changed. Nothing is computed below kMinZoom.
  bool update(const BoundingBox& view, double zoom);

  /// True when the last update made a raster (zoomed in far enough).
  bool visible() const { return visible_; }
  /// The box the raster covers.
  const BoundingBox& box() const { return box_; }
  int columns() const { return columns_; }
  int rows() const { return rows_; }
  /// RGBA pixels, row 0 at the north, 4 bytes per cell: none, one ring, two, three or more shaded apart.
  std::span<const std::uint8_t> rgba() const { return rgba_; }
  /// Rings over each cell of the last raster (for tests and the legend).
  std::span<const std::uint32_t> counts() const { return counts_; }

 private:
  RingIndex index_;
  bool dirty_ = true, visible_ = false;
  BoundingBox box_;
  int columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> counts_;  // reused
  std::vector<std::uint8_t> rgba_;     // reused
};

}  // namespace gongyou
