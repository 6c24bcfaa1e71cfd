// core/spatial_index.h — k-nearest sites through a static k-d tree (no scan).
//
// Points are placed on the unit sphere (x, y, z); straight-line (chord) distance there grows
// monotonically with great-circle distance, so nearest-by-chord is nearest-on-Earth everywhere,
// across the antimeridian and near the poles, with no projection error.
#pragma once
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/units.h"

namespace gongyou {

/// One answer of a nearest query: the position of the point in the build input and its distance.
struct Neighbour {
  std::uint32_t index;
  Metres distance;
};

/// An immutable index over a set of positions; rebuild it when the set changes.
class SpatialIndex {
 public:
  SpatialIndex() = default;
  /// Builds the tree in O(n log n); `positions` must be valid coordinates.
  explicit SpatialIndex(std::span<const LatLon> positions);

  /// Up to k nearest points to `from`, nearest first, optionally no farther than `max_distance`.
  /// `accept(index)` filters candidates (e.g. by site type); it is called only for points that could qualify.
  template <class Accept>
  std::vector<Neighbour> nearest(LatLon from, std::size_t k, Metres max_distance, Accept&& accept) const;

  /// Up to k nearest points, nearest first.
  std::vector<Neighbour> nearest(LatLon from, std::size_t k) const {
    return nearest(from, k, Metres{1e300}, [](std::uint32_t) { return true; });
  }

  /// nearest() into a caller-owned vector (replaced; its storage is reused, so a frame loop allocates nothing).
  template <class Accept>
  void nearest_into(LatLon from, std::size_t k, Metres max_distance, Accept&& accept,
                    std::vector<Neighbour>& out) const;

  /// Up to k nearest points into `out`, nearest first, with no allocation once `out` has room for k.
  void nearest_into(LatLon from, std::size_t k, std::vector<Neighbour>& out) const {
    nearest_impl(from, k, Metres{1e300}, nullptr, nullptr, out);  // no filter: no call per candidate
  }

  /// Number of indexed points.
  std::size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    double xyz[3];        // unit-sphere position
    std::uint32_t index;  // position in the build input
  };
  using AcceptFn = bool (*)(const void* context, std::uint32_t index);
  struct Query;
  void nearest_impl(LatLon from, std::size_t k, Metres max_distance, const void* context, AcceptFn accept,
                    std::vector<Neighbour>& out) const;
  void build(std::size_t begin, std::size_t end, int depth);
  void search(std::size_t begin, std::size_t end, int depth, Query& query) const;
  void consider(const Node& node, Query& query) const;

  std::vector<Node> nodes_;        // implicit tree: median of each range at its middle; ranges of <= 8 are leaves
  std::vector<LatLon> positions_;  // for exact distances
};

template <class Accept>
std::vector<Neighbour> SpatialIndex::nearest(LatLon from, std::size_t k, Metres max_distance, Accept&& accept) const {
  std::vector<Neighbour> out;
  nearest_into(from, k, max_distance, std::forward<Accept>(accept), out);
  return out;
}

template <class Accept>
void SpatialIndex::nearest_into(LatLon from, std::size_t k, Metres max_distance, Accept&& accept,
                                std::vector<Neighbour>& out) const {
  using A = std::remove_reference_t<Accept>;
  nearest_impl(
      from, k, max_distance, &accept,
      [](const void* a, std::uint32_t i) { return static_cast<bool>((*static_cast<const A*>(a))(i)); }, out);
}

}  // namespace gongyou
