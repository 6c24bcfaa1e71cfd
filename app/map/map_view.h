// app/map/map_view.h — what the app asks of the map, whatever draws it.
// LeafletMapView (wasm/platform/) draws with Leaflet in the page; NullMapView records calls for tests.
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/region.h"
#include "core/site.h"
#include "core/units.h"

namespace gongyou {

/// A labelled point of the region shown on the map background (town names).
using MapLabel = RegionLabel;

/// A marker of the clustered map (national scale): a cluster of `count` sites, or one site when count == 1.
struct MapMarker {
  LatLon position;            ///< the cluster's centre, or the site's position
  std::uint32_t count = 1;    ///< sites it stands for
  SiteId site;                ///< count == 1: the site
  SiteType type = SiteType::service_center;  ///< count == 1: its type
  std::uint32_t cluster = 0;  ///< count > 1: the cluster's id (ClusterMap::expansion_zoom)
};

/// The map under the UI. Calls are cheap to repeat; implementations skip what did not change.
class MapView {
 public:
  virtual ~MapView() = default;
  /// Replaces the markers and walking rings with these sites, each ring `ring_radius` wide.
  virtual void show_sites(std::span<const Site* const> sites, Metres ring_radius) = 0;
  /// Replaces every marker with these clusters and single sites (national scale), with rings `ring_radius` wide
  /// around the single sites when given.
  virtual void show_clusters(std::span<const MapMarker> markers, std::optional<Metres> ring_radius) = 0;
  /// Shows the whole box in the part of the map the UI leaves free (the first view at national scale).
  virtual void fit_bounds(const BoundingBox& box) = 0;
  /// Moves the view (animated) to show the whole box in the part of the map the UI leaves free, no closer than
  /// `max_zoom`: a search's results.
  virtual void fit_results(const BoundingBox& box, double max_zoom) = 0;
  /// Lays the coverage raster (RGBA, `columns` × `rows`, row 0 at the north) over `box`, replacing the last one.
  virtual void show_coverage(const BoundingBox& box, int columns, int rows, std::span<const std::uint8_t> rgba) = 0;
  /// Removes the coverage raster.
  virtual void hide_coverage() = 0;
  /// Replaces the "where next" pins (coverage analysis) with these places, numbered 1, 2, ... in order, each with a
  /// dashed ring of `ring_radius`, and shows them all in the part of the map the UI leaves free; none removes them.
  virtual void show_suggestions(std::span<const LatLon> places, Metres ring_radius) = 0;
  /// Highlights one site's marker and ring, or none.
  virtual void highlight(std::optional<SiteId> site) = 0;
  /// Moves the view so that `center` is in the middle, at least at `min_zoom`.
  virtual void fly_to(LatLon center, double min_zoom) = 0;
  /// Draws the region's outline and town labels, the background that stays when tiles cannot load.
  virtual void show_region(std::span<const LatLon> outline, std::span<const MapLabel> labels) = 0;
  /// Marks the user's own position (from geolocation).
  virtual void show_user_position(LatLon position) = 0;
  /// Tells the map how much of it the UI covers (CSS px from the left and from the bottom), so that
  /// fly_to and the first view center things in the part the user can see.
  virtual void set_ui_insets(float left, float bottom) = 0;
};

}  // namespace gongyou
