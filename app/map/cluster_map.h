// app/map/cluster_map.h — the map at national scale: every site's position (core/site_positions.h) in a cluster
// index (core/clustering.h) over the shown types, and the markers of the viewport: clusters with their counts,
// single sites when zoomed in, rings only from kRingZoom. Platform-free; the App hands markers to the MapView.
//
// A query covers the viewport and a margin around it, so a pan within the margin needs no new markers; the
// markers change (and the map redraws) only when the view leaves that area, the zoom level or the types change.
#pragma once
#include <bitset>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/clustering.h"
#include "core/site_positions.h"
#include "app/map/map_view.h"

namespace gongyou {

/// Clusters of the sites' positions for the map's viewport.
class ClusterMap {
 public:
  static constexpr std::size_t kTypeCount = 14;
  /// More sites than this are clustered; fewer are loaded whole and drawn one by one (the county demo).
  static constexpr std::size_t kClusterAbove = 2000;
  /// Rings are drawn around single sites from this zoom (a 15-minute ring is ~30 px wide at zoom 13).
  static constexpr int kRingZoom = 13;
  /// Cluster radius in screen pixels (Leaflet's 256 px tiles); a marker is 26 px wide.
  static constexpr double kRadiusPx = 60;

  /// Takes every site's position; all types shown.
  void set_positions(SitePositions positions);
  /// Shows only the types set in `visible` (bit = SiteType); rebuilds the index when they changed.
  void set_visible_types(const std::bitset<kTypeCount>& visible);
  /// The shown types.
  const std::bitset<kTypeCount>& visible_types() const { return visible_; }
  /// Recomputes the markers for a viewport and a (fractional) Leaflet zoom; true when they changed.
  bool update(const BoundingBox& view, double zoom);

  /// The markers of the last update (clusters and single sites, in no particular order).
  const std::vector<MapMarker>& markers() const { return markers_; }
  /// True when the last update's zoom shows rings.
  bool rings_visible() const { return zoom_level_ >= kRingZoom; }
  /// The zoom at which cluster `cluster` (a MapMarker::cluster) splits up.
  int expansion_zoom(std::uint32_t cluster) const { return index_.expansion_zoom(cluster); }

  /// Whether positions were set (the map is in cluster mode).
  bool active() const { return !positions_.ids.empty(); }
  /// Number of sites, of every type.
  std::size_t size() const { return positions_.size(); }
  /// Number of sites of the shown types.
  std::size_t shown_count() const { return rows_.size(); }
  /// Number of sites of a type.
  std::size_t count_of(SiteType type) const { return type_counts_[static_cast<std::size_t>(type)]; }
  /// The box around every site (empty box when there are none).
  BoundingBox bounds() const { return bounds_; }
  /// The positions of the sites of the shown types (replaces `out`).
  void shown_positions(std::vector<LatLon>& out) const;
  /// The position of a site, if it is known.
  std::optional<LatLon> position_of(SiteId id) const;

 private:
  void rebuild();

  SitePositions positions_;
  std::bitset<kTypeCount> visible_;
  std::vector<std::uint32_t> rows_;  // index entry -> row of positions_ (the shown types)
  ClusterIndex index_;
  std::size_t type_counts_[kTypeCount] = {};
  BoundingBox bounds_;
  // The last query: the area it covered (viewport + margin) and its zoom level; -1 when none is valid.
  BoundingBox queried_;
  int zoom_level_ = -1;
  std::vector<Cluster> found_;  // query buffer, reused
  std::vector<MapMarker> markers_;
};

}  // namespace gongyou
