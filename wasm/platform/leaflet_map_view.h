// wasm/platform/leaflet_map_view.h — MapView drawn by Leaflet in the page (#gy-map).
#pragma once
#include <vector>

#include "app/map/map_view.h"

namespace gongyou::platform {

/// The Leaflet map under the ImGui canvas. Tiles: OpenStreetMap; when they cannot load, a plain
/// background with the region outline and town labels stays (set by show_region).
class LeafletMapView final : public MapView {
 public:
  /// Creates the map centered on `center` at `zoom`.
  LeafletMapView(LatLon center, double zoom);
  void show_sites(std::span<const Site* const> sites, Metres ring_radius) override;
  void show_clusters(std::span<const MapMarker> markers, std::optional<Metres> ring_radius) override;
  void fit_bounds(const BoundingBox& box) override;
  void show_coverage(const BoundingBox& box, int columns, int rows, std::span<const std::uint8_t> rgba) override;
  void hide_coverage() override;
  void highlight(std::optional<SiteId> site) override;
  void show_suggestions(std::span<const LatLon> places, Metres ring_radius) override;
  void fly_to(LatLon center, double min_zoom) override;
  void fit_results(const BoundingBox& box, double max_zoom) override;
  void show_region(std::span<const LatLon> outline, std::span<const MapLabel> labels) override;
  void show_user_position(LatLon position) override;
  void set_ui_insets(float left, float bottom) override;

 private:
  std::vector<double> packed_;  // show_clusters' markers as 6 doubles each, reused
};

}  // namespace gongyou::platform
