// core/clustering.h — map clusters of many sites for a viewport and a zoom level, precomputed per zoom.
//
// The algorithm is supercluster's (Mapbox, ISC licence; V. Agafonkin, "Clustering millions of points on a map",
// 2016): points are projected to Web Mercator like Leaflet (EPSG:3857, the world a unit square), then, from the
// finest zoom to the coarsest, each point or cluster not yet taken gathers every untaken neighbour within
// `radius_px` screen pixels at that zoom into a cluster at their count-weighted centre. Every level is kept in a
// static k-d tree (kdbush's layout), so a viewport query is a range search of one level: O(√n + answer).
//
// Built once (O(n log n) per level); query(), leaves() and expansion_zoom() allocate nothing beyond the caller's
// vectors and are meant to be called every frame from wasm.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/units.h"

namespace gongyou {

/// How points are grouped; the defaults are supercluster's (40 px of a 512 px tile = 20 px on Leaflet's 256 px tiles).
struct ClusterOptions {
  double radius_px = 40;         ///< cluster radius, in pixels of a tile `tile_extent` pixels wide
  double tile_extent = 512;      ///< tile width the radius is measured against
  int min_zoom = 0;              ///< coarsest zoom with clusters
  int max_zoom = 16;             ///< finest zoom with clusters; above it every point stands alone
  std::uint32_t min_points = 2;  ///< fewest points that make a cluster
};

/// One marker of a viewport: a cluster of `count` points, or one point (`count == 1`).
struct Cluster {
  LatLon center;        ///< count-weighted centre in Web Mercator, as WGS-84
  std::uint32_t count;  ///< number of input points it stands for
  std::uint32_t id;     ///< count == 1: the point's index in the input; else a cluster id for leaves()/expansion_zoom()
};

/// An immutable cluster hierarchy over a set of points; rebuild it when the set changes.
class ClusterIndex {
 public:
  ClusterIndex() = default;
  /// Builds every zoom level; points must be valid coordinates.
  explicit ClusterIndex(std::span<const LatLon> points, ClusterOptions options = {});

  /// Replaces `out` with the clusters and single points of `zoom` whose centre lies in `bbox`. The box may cross
  /// the antimeridian (min_lon > max_lon) or span more than 360° of longitude (Leaflet's wrapped bounds).
  void query(const BoundingBox& bbox, int zoom, std::vector<Cluster>& out) const;

  /// Appends to `out` the input indices of every point of the cluster `id` (a point id gives itself).
  void leaves(std::uint32_t id, std::vector<std::uint32_t>& out) const;

  /// The smallest zoom at which cluster `id` splits into more than one marker (where a click should zoom to).
  int expansion_zoom(std::uint32_t id) const;

  /// Number of input points.
  std::size_t size() const { return levels_.empty() ? 0 : levels_.back().x.size(); }

  /// The options it was built with.
  const ClusterOptions& options() const { return options_; }

 private:
  /// The markers of one zoom level in k-d order, with their parents one level coarser.
  struct Level {
    std::vector<double> x, y;                             // Web Mercator, [0, 1]², y downwards
    std::vector<double> lat, lon;                         // the same centres in degrees, for query()
    std::vector<std::uint32_t> count;                     // points represented
    std::vector<std::uint32_t> point;                     // count == 1: the input index
    std::vector<std::uint32_t> parent;                    // index in the next coarser level
    std::vector<std::uint32_t> first_child, child_count;  // range in `children` (the next finer level's indices)
    std::vector<std::uint32_t> children;
  };
  void build_kd(Level& level, std::size_t left, std::size_t right, int axis, std::vector<std::uint32_t>& order);
  template <class Visit>
  void range(const Level& level, double min_x, double min_y, double max_x, double max_y, Visit&& visit) const;
  int level_of_zoom(int zoom) const;
  void query_box(const Level& level, double min_lon, double min_lat, double max_lon, double max_lat,
                 std::vector<Cluster>& out) const;

  ClusterOptions options_;
  std::vector<Level> levels_;  // levels_[i] is zoom min_zoom + i; the last one holds the input points
};

/// Web Mercator x in [0, 1] of a longitude (Leaflet's EPSG:3857 divided by the world's width).
double mercator_x(double lon);
/// Web Mercator y in [0, 1] (0 at the top, about 85.05° N) of a latitude; clamped beyond ±85.05°.
double mercator_y(double lat);

}  // namespace gongyou
