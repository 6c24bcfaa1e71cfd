// core/spatial_index.cpp — see spatial_index.h.
#include "core/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/geo.h"

namespace gongyou {
namespace {

void unit_vector(LatLon p, double out[3]) {
  const double lat = p.lat * std::numbers::pi / 180.0, lon = p.lon * std::numbers::pi / 180.0;
  out[0] = std::cos(lat) * std::cos(lon);
  out[1] = std::cos(lat) * std::sin(lon);
  out[2] = std::sin(lat);
}

double squared_chord(const double a[3], const double b[3]) {
  const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return dx * dx + dy * dy + dz * dz;
}

/// Chord on the unit sphere for a great-circle distance: c = 2 sin(θ/2), θ = d / R.
double chord_for_distance(Metres d) {
  const double theta = d.value / kEarthRadius.value;
  return theta >= std::numbers::pi ? 2.0 : 2.0 * std::sin(theta / 2.0);
}

/// Ranges this small are leaves, scanned whole: cheaper than splitting them down to single points.
constexpr std::size_t kLeafSize = 8;

/// Heap order of the search: the candidate with the larger squared chord (held in distance) on top.
bool farther_first(const Neighbour& a, const Neighbour& b) {
  return a.distance.value != b.distance.value ? a.distance.value < b.distance.value : a.index < b.index;
}

}  // namespace

struct SpatialIndex::Query {
  double point[3];
  std::size_t k;
  double worst;                  // squared chord of the current k-th best, or of the distance limit
  std::vector<Neighbour>* heap;  // max-heap on squared chord (kept in Neighbour::distance until the end)
  const void* context;
  AcceptFn accept;  // null: every point
};

SpatialIndex::SpatialIndex(std::span<const LatLon> positions) : positions_(positions.begin(), positions.end()) {
  nodes_.resize(positions.size());
  for (std::uint32_t i = 0; i < positions.size(); ++i) {
    unit_vector(positions[i], nodes_[i].xyz);
    nodes_[i].index = i;
  }
  build(0, nodes_.size(), 0);
}

void SpatialIndex::build(std::size_t begin, std::size_t end, int depth) {
  if (end - begin <= kLeafSize) return;
  const std::size_t mid = begin + (end - begin) / 2;
  const int axis = depth % 3;
  std::nth_element(nodes_.begin() + begin, nodes_.begin() + mid, nodes_.begin() + end,
                   [axis](const Node& a, const Node& b) { return a.xyz[axis] < b.xyz[axis]; });
  build(begin, mid, depth + 1);
  build(mid + 1, end, depth + 1);
}

void SpatialIndex::consider(const Node& node, Query& q) const {
  const double d2 = squared_chord(q.point, node.xyz);
  if (d2 > q.worst || (q.accept && !q.accept(q.context, node.index))) return;
  std::vector<Neighbour>& heap = *q.heap;
  heap.push_back({node.index, Metres{d2}});
  std::push_heap(heap.begin(), heap.end(), farther_first);
  if (heap.size() > q.k) {
    std::pop_heap(heap.begin(), heap.end(), farther_first);
    heap.pop_back();
  }
  if (heap.size() == q.k) q.worst = std::min(q.worst, heap.front().distance.value);
}

void SpatialIndex::search(std::size_t begin, std::size_t end, int depth, Query& q) const {
  if (end - begin <= kLeafSize) {  // a leaf bucket, in no order: look at each
    for (std::size_t i = begin; i < end; ++i) consider(nodes_[i], q);
    return;
  }
  const std::size_t mid = begin + (end - begin) / 2;
  const Node& node = nodes_[mid];
  consider(node, q);
  const int axis = depth % 3;
  const double delta = q.point[axis] - node.xyz[axis];
  const bool left_first = delta < 0;
  search(left_first ? begin : mid + 1, left_first ? mid : end, depth + 1, q);
  if (delta * delta <= q.worst) search(left_first ? mid + 1 : begin, left_first ? end : mid, depth + 1, q);
}

void SpatialIndex::nearest_impl(LatLon from, std::size_t k, Metres max_distance, const void* context, AcceptFn accept,
                                std::vector<Neighbour>& out) const {
  out.clear();
  if (k == 0 || nodes_.empty() || !is_valid(from)) return;
  Query q{{}, k, 0, &out, context, accept};
  unit_vector(from, q.point);
  const double limit = chord_for_distance(max_distance);
  q.worst = limit * limit * (1 + 1e-12);
  out.reserve(std::min(k, nodes_.size()) + 1);  // k may be huge (a client's "all"): never reserve more than n
  search(0, nodes_.size(), 0, q);
  std::sort_heap(out.begin(), out.end(), farther_first);  // nearest first, still squared chords
  std::size_t kept = 0;
  for (const Neighbour& n : out) {
    const Metres d = great_circle_distance(from, positions_[n.index]);
    if (d <= max_distance) out[kept++] = {n.index, d};
  }
  out.resize(kept);
}

}  // namespace gongyou
