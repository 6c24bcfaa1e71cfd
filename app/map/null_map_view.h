// app/map/null_map_view.h — a MapView that draws nothing and remembers what it was asked, for tests
// of the app without a browser (the headless twin of platform/leaflet_map_view.h).
#pragma once
#include <optional>
#include <vector>

#include "app/map/map_view.h"

namespace gongyou {

/// Records the last state the app asked the map to show.
class NullMapView final : public MapView {
 public:
  void show_sites(std::span<const Site* const> sites, Metres ring_radius) override {
    shown.clear();
    for (const Site* s : sites) shown.push_back(s->id);
    ring = ring_radius;
    ++show_calls;
  }
  void show_clusters(std::span<const MapMarker> markers, std::optional<Metres> ring_radius) override {
    clusters.assign(markers.begin(), markers.end());
    cluster_rings = ring_radius;
    ++cluster_calls;
  }
  void fit_bounds(const BoundingBox& box) override { fitted = box; }
  void fit_results(const BoundingBox& box, double max_zoom) override {
    results_box = box;
    results_max_zoom = max_zoom;
    ++results_fits;
  }
  void show_coverage(const BoundingBox& box, int columns, int rows, std::span<const std::uint8_t> rgba) override {
    coverage = box;
    coverage_cells = static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows);
    coverage_bytes = rgba.size();
  }
  void hide_coverage() override { coverage.reset(); }
  void show_suggestions(std::span<const LatLon> places, Metres) override {
    suggestion_pins.assign(places.begin(), places.end());
    ++suggestion_calls;
  }
  void highlight(std::optional<SiteId> site) override { highlighted = site; }
  void fly_to(LatLon center, double min_zoom) override {
    flown_to = center;
    zoom = min_zoom;
  }
  void show_region(std::span<const LatLon> outline, std::span<const MapLabel> labels) override {
    outline_points = outline.size();
    label_count = labels.size();
  }
  void show_user_position(LatLon position) override { user = position; }
  void set_ui_insets(float, float) override {}

  std::optional<BoundingBox> coverage;
  std::vector<LatLon> suggestion_pins;
  int suggestion_calls = 0;
  std::size_t coverage_cells = 0, coverage_bytes = 0;
  std::vector<MapMarker> clusters;
  std::optional<Metres> cluster_rings;
  int cluster_calls = 0;
  std::optional<BoundingBox> fitted;
  std::optional<BoundingBox> results_box;
  double results_max_zoom = 0;
  int results_fits = 0;
  std::vector<SiteId> shown;
  Metres ring;
  int show_calls = 0;
  std::optional<SiteId> highlighted;
  std::optional<LatLon> flown_to;
  double zoom = 0;
  std::size_t outline_points = 0, label_count = 0;
  std::optional<LatLon> user;
};

}  // namespace gongyou
