// app/map/cluster_map.cpp — see cluster_map.h.
#include "app/map/cluster_map.h"

#include <algorithm>
#include <cmath>

namespace gongyou {
namespace {

/// The margin queried around the viewport, as a share of its width and height on each side.
constexpr double kMargin = 0.25;

bool inside(const BoundingBox& inner, const BoundingBox& outer) {
  return inner.min_lon >= outer.min_lon && inner.max_lon <= outer.max_lon && inner.min_lat >= outer.min_lat &&
         inner.max_lat <= outer.max_lat;
}

}  // namespace

void ClusterMap::set_positions(SitePositions positions) {
  positions_ = std::move(positions);
  std::fill(std::begin(type_counts_), std::end(type_counts_), 0);
  bounds_ = {};
  if (!positions_.positions.empty()) {
    bounds_ = BoundingBox::around(positions_.positions.front());
    for (const LatLon& p : positions_.positions) bounds_.extend(p);
  }
  for (SiteType t : positions_.types) ++type_counts_[static_cast<std::size_t>(t)];
  visible_.set();
  rebuild();
}

void ClusterMap::set_visible_types(const std::bitset<kTypeCount>& visible) {
  if (visible == visible_) return;
  visible_ = visible;
  rebuild();
}

void ClusterMap::rebuild() {
  rows_.clear();
  std::vector<LatLon> points;
  points.reserve(positions_.size());
  for (std::size_t i = 0; i < positions_.size(); ++i) {
    if (!visible_[static_cast<std::size_t>(positions_.types[i])]) continue;
    rows_.push_back(static_cast<std::uint32_t>(i));
    points.push_back(positions_.positions[i]);
  }
  ClusterOptions options;
  options.radius_px = kRadiusPx;
  options.tile_extent = 256;
  index_ = ClusterIndex(points, options);
  zoom_level_ = -1;  // the next update queries again
}

bool ClusterMap::update(const BoundingBox& view, double zoom) {
  const int level = static_cast<int>(std::floor(zoom));
  if (level == zoom_level_ && inside(view, queried_)) return false;
  const double dx = (view.max_lon - view.min_lon) * kMargin, dy = (view.max_lat - view.min_lat) * kMargin;
  queried_ = {view.min_lon - dx, std::max(-90.0, view.min_lat - dy), view.max_lon + dx,
              std::min(90.0, view.max_lat + dy)};
  const bool rings_changed = (zoom_level_ >= kRingZoom) != (level >= kRingZoom);
  zoom_level_ = level;
  index_.query(queried_, level, found_);
  // Same markers as before (a pan that brings no new ones): nothing to redraw.
  const bool same = !rings_changed && found_.size() == markers_.size() &&
                    std::equal(found_.begin(), found_.end(), markers_.begin(), [](const Cluster& c, const MapMarker& m) {
                      return c.count == m.count && (c.count == 1 ? true : c.id == m.cluster) && c.center == m.position;
                    });
  if (same) return false;
  markers_.clear();
  for (const Cluster& c : found_) {
    MapMarker m{c.center, c.count, SiteId{}, SiteType::service_center, 0};
    if (c.count == 1) {
      const std::uint32_t row = rows_[c.id];
      m.site = positions_.ids[row];
      m.type = positions_.types[row];
    } else {
      m.cluster = c.id;
    }
    markers_.push_back(m);
  }
  return true;
}

void ClusterMap::shown_positions(std::vector<LatLon>& out) const {
  out.clear();
  out.reserve(rows_.size());
  for (std::uint32_t row : rows_) out.push_back(positions_.positions[row]);
}

std::optional<LatLon> ClusterMap::position_of(SiteId id) const {
  const auto it = std::lower_bound(positions_.ids.begin(), positions_.ids.end(), id);
  if (it == positions_.ids.end() || *it != id) return std::nullopt;
  return positions_.positions[static_cast<std::size_t>(it - positions_.ids.begin())];
}

}  // namespace gongyou
