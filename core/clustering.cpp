// core/clustering.cpp — see clustering.h.
//
// [SECTION] Projection    Web Mercator to the unit square (Leaflet's L.CRS.EPSG3857 scaled by 1 / world width)
// [SECTION] k-d tree      kdbush's static layout: items sorted in place, leaves of kNodeSize, median splits
// [SECTION] Building      supercluster's greedy pass from max_zoom down to min_zoom
// [SECTION] Queries       viewport, leaves, expansion zoom
#include "core/clustering.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gongyou {
namespace {

constexpr std::size_t kNodeSize = 64;                 // items per k-d leaf (kdbush's default, as supercluster uses)
constexpr std::uint32_t kLevelBits = 32;              // cluster ids: points + index * kLevelBits + level
constexpr double kMaxMercatorLat = 85.0511287798066;  // atan(sinh(π)): the square world's edge

}  // namespace

// [SECTION] Projection

double mercator_x(double lon) { return lon / 360.0 + 0.5; }

double mercator_y(double lat) {
  const double s = std::sin(std::clamp(lat, -kMaxMercatorLat, kMaxMercatorLat) * std::numbers::pi / 180.0);
  const double y = 0.5 - 0.25 * std::log((1 + s) / (1 - s)) / std::numbers::pi;
  return std::clamp(y, 0.0, 1.0);
}

namespace {

double longitude_of(double x) { return (x - 0.5) * 360.0; }

double latitude_of(double y) {
  const double t = (180.0 - y * 360.0) * std::numbers::pi / 180.0;
  return 360.0 * std::atan(std::exp(t)) / std::numbers::pi - 90.0;
}

}  // namespace

// [SECTION] k-d tree

void ClusterIndex::build_kd(Level& level, std::size_t left, std::size_t right, int axis,
                            std::vector<std::uint32_t>& order) {
  if (right - left <= kNodeSize) return;
  const std::size_t mid = left + (right - left) / 2;
  const std::vector<double>& key = axis == 0 ? level.x : level.y;
  std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(left), order.begin() + static_cast<std::ptrdiff_t>(mid),
                   order.begin() + static_cast<std::ptrdiff_t>(right),
                   [&key](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
  build_kd(level, left, mid, 1 - axis, order);
  build_kd(level, mid + 1, right, 1 - axis, order);
}

template <class Visit>
void ClusterIndex::range(const Level& level, double min_x, double min_y, double max_x, double max_y,
                         Visit&& visit) const {
  // Ranges [left, right) with their split axis; depth is at most log2(n / kNodeSize) + 1, far below 64.
  struct Frame {
    std::uint32_t left, right;
    int axis;
  };
  Frame stack[128];
  int top = 0;
  stack[top++] = {0, static_cast<std::uint32_t>(level.x.size()), 0};
  const double* xs = level.x.data();
  const double* ys = level.y.data();
  while (top > 0) {
    const Frame f = stack[--top];
    if (f.right - f.left <= kNodeSize) {
      for (std::uint32_t i = f.left; i < f.right; ++i)
        if (xs[i] >= min_x && xs[i] <= max_x && ys[i] >= min_y && ys[i] <= max_y) visit(i);
      continue;
    }
    const std::uint32_t mid = f.left + (f.right - f.left) / 2;
    const double x = xs[mid], y = ys[mid];
    if (x >= min_x && x <= max_x && y >= min_y && y <= max_y) visit(mid);
    const double split = f.axis == 0 ? x : y;
    if ((f.axis == 0 ? min_x : min_y) <= split) stack[top++] = {f.left, mid, 1 - f.axis};
    if ((f.axis == 0 ? max_x : max_y) >= split) stack[top++] = {mid + 1, f.right, 1 - f.axis};
  }
}

// [SECTION] Building

ClusterIndex::ClusterIndex(std::span<const LatLon> points, ClusterOptions options) : options_(options) {
  options_.min_zoom = std::clamp(options_.min_zoom, 0, 30);
  options_.max_zoom = std::clamp(options_.max_zoom, options_.min_zoom, 30);
  options_.min_points = std::max<std::uint32_t>(options_.min_points, 2);
  const int level_count = options_.max_zoom - options_.min_zoom + 2;
  levels_.resize(static_cast<std::size_t>(level_count));
  std::vector<std::uint32_t> order, inverse;

  // Puts a level's items in k-d order and points its finer level's parents at the new positions.
  const auto finish_level = [&](std::size_t index) {
    Level& level = levels_[index];
    const std::size_t n = level.x.size();
    order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    build_kd(level, 0, n, 0, order);
    const auto permute = [&](auto& v) {
      auto copy = v;
      for (std::size_t i = 0; i < n; ++i) v[i] = copy[order[i]];
    };
    permute(level.x);
    permute(level.y);
    permute(level.lat);
    permute(level.lon);
    permute(level.count);
    permute(level.point);
    if (index + 1 < levels_.size()) {
      inverse.resize(n);
      for (std::uint32_t i = 0; i < n; ++i) inverse[order[i]] = i;
      for (std::uint32_t& p : levels_[index + 1].parent) p = inverse[p];
    }
  };

  // The finest level: every input point on its own.
  Level& finest = levels_.back();
  const std::size_t n = points.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    finest.x.push_back(mercator_x(points[i].lon));
    finest.y.push_back(mercator_y(points[i].lat));
    finest.lat.push_back(points[i].lat);
    finest.lon.push_back(points[i].lon);
    finest.count.push_back(1);
    finest.point.push_back(i);
  }
  finest.parent.assign(n, 0);
  finish_level(levels_.size() - 1);

  std::vector<char> taken;
  std::vector<std::uint32_t> neighbours;
  for (int li = level_count - 2; li >= 0; --li) {
    Level& fine = levels_[static_cast<std::size_t>(li) + 1];
    Level& coarse = levels_[static_cast<std::size_t>(li)];
    const int zoom = options_.min_zoom + li;
    const double r = options_.radius_px / (options_.tile_extent * std::ldexp(1.0, zoom));
    const std::size_t m = fine.x.size();
    taken.assign(m, 0);
    for (std::uint32_t i = 0; i < m; ++i) {
      if (taken[i]) continue;
      taken[i] = 1;
      const double x = fine.x[i], y = fine.y[i];
      neighbours.clear();
      std::uint32_t count = fine.count[i];
      range(fine, x - r, y - r, x + r, y + r, [&](std::uint32_t j) {
        const double dx = fine.x[j] - x, dy = fine.y[j] - y;
        if (taken[j] || dx * dx + dy * dy > r * r) return;
        neighbours.push_back(j);
        count += fine.count[j];
      });
      const auto parent = static_cast<std::uint32_t>(coarse.x.size());
      fine.parent[i] = parent;
      if (count < options_.min_points || neighbours.empty()) {
        // Stays a marker of its own at this zoom (its neighbours, if too few, are left for their own turn).
        coarse.x.push_back(x);
        coarse.y.push_back(y);
        coarse.lat.push_back(fine.lat[i]);
        coarse.lon.push_back(fine.lon[i]);
        coarse.count.push_back(fine.count[i]);
        coarse.point.push_back(fine.point[i]);
        continue;
      }
      double wx = x * fine.count[i], wy = y * fine.count[i];
      for (std::uint32_t j : neighbours) {
        taken[j] = 1;
        fine.parent[j] = parent;
        wx += fine.x[j] * fine.count[j];
        wy += fine.y[j] * fine.count[j];
      }
      const double cx = wx / count, cy = wy / count;
      coarse.x.push_back(cx);
      coarse.y.push_back(cy);
      coarse.lat.push_back(latitude_of(cy));
      coarse.lon.push_back(longitude_of(cx));
      coarse.count.push_back(count);
      coarse.point.push_back(0);
    }
    coarse.parent.assign(coarse.x.size(), 0);
    finish_level(static_cast<std::size_t>(li));
  }

  // Children of every cluster, as ranges of the finer level's indices (counting sort on the parents).
  for (std::size_t li = 0; li + 1 < levels_.size(); ++li) {
    Level& coarse = levels_[li];
    const Level& fine = levels_[li + 1];
    coarse.child_count.assign(coarse.x.size(), 0);
    for (std::uint32_t p : fine.parent) ++coarse.child_count[p];
    coarse.first_child.resize(coarse.x.size());
    std::uint32_t offset = 0;
    for (std::size_t i = 0; i < coarse.x.size(); ++i) {
      coarse.first_child[i] = offset;
      offset += coarse.child_count[i];
    }
    coarse.children.resize(fine.x.size());
    std::vector<std::uint32_t> fill(coarse.first_child);
    for (std::uint32_t j = 0; j < fine.x.size(); ++j) coarse.children[fill[fine.parent[j]]++] = j;
  }
}

// [SECTION] Queries

int ClusterIndex::level_of_zoom(int zoom) const {
  return std::clamp(zoom, options_.min_zoom, options_.max_zoom + 1) - options_.min_zoom;
}

void ClusterIndex::query_box(const Level& level, double min_lon, double min_lat, double max_lon, double max_lat,
                             std::vector<Cluster>& out) const {
  const auto points = static_cast<std::uint32_t>(size());
  const auto level_index = static_cast<std::uint32_t>(&level - levels_.data());
  range(level, mercator_x(min_lon), mercator_y(max_lat), mercator_x(max_lon), mercator_y(min_lat),
        [&](std::uint32_t i) {
          const std::uint32_t count = level.count[i];
          out.push_back(Cluster{LatLon{level.lat[i], level.lon[i]}, count,
                                count == 1 ? level.point[i] : points + i * kLevelBits + level_index});
        });
}

void ClusterIndex::query(const BoundingBox& bbox, int zoom, std::vector<Cluster>& out) const {
  out.clear();
  if (levels_.empty() || !(bbox.min_lat <= bbox.max_lat)) return;
  const Level& level = levels_[static_cast<std::size_t>(level_of_zoom(zoom))];
  const double min_lat = std::max(-90.0, bbox.min_lat), max_lat = std::min(90.0, bbox.max_lat);
  if (!(bbox.max_lon - bbox.min_lon < 360.0) && bbox.min_lon <= bbox.max_lon) {
    query_box(level, -180, min_lat, 180, max_lat, out);
    return;
  }
  // Leaflet's bounds run past ±180° when the map is panned round the world: bring both ends into [-180, 180).
  const auto wrap = [](double lon) { return std::fmod(std::fmod(lon + 180.0, 360.0) + 360.0, 360.0) - 180.0; };
  const double min_lon = wrap(bbox.min_lon);
  const double max_lon = bbox.max_lon == 180.0 ? 180.0 : wrap(bbox.max_lon);
  if (min_lon <= max_lon) {
    query_box(level, min_lon, min_lat, max_lon, max_lat, out);
  } else {  // across the antimeridian
    query_box(level, min_lon, min_lat, 180, max_lat, out);
    query_box(level, -180, min_lat, max_lon, max_lat, out);
  }
}

void ClusterIndex::leaves(std::uint32_t id, std::vector<std::uint32_t>& out) const {
  const auto points = static_cast<std::uint32_t>(size());
  if (id < points) {
    out.push_back(id);
    return;
  }
  const std::uint32_t level_index = (id - points) % kLevelBits, index = (id - points) / kLevelBits;
  if (level_index + 1 >= levels_.size() || index >= levels_[level_index].x.size()) return;
  // Level by level, with `out` itself as the work list: the items of one level are replaced by their children
  // one level finer, down to the input points. Nothing is allocated beyond what `out` needs for the answer.
  const std::size_t base = out.size();
  out.push_back(index);
  for (std::uint32_t li = level_index; li + 1 < levels_.size(); ++li) {
    const Level& level = levels_[li];
    const std::size_t end = out.size();
    for (std::size_t k = base; k < end; ++k) {
      const std::uint32_t item = out[k];
      for (std::uint32_t c = 0; c < level.child_count[item]; ++c)
        out.push_back(level.children[level.first_child[item] + c]);
    }
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(base), out.begin() + static_cast<std::ptrdiff_t>(end));
  }
  for (std::size_t k = base; k < out.size(); ++k) out[k] = levels_.back().point[out[k]];
}

int ClusterIndex::expansion_zoom(std::uint32_t id) const {
  const auto points = static_cast<std::uint32_t>(size());
  if (id < points || levels_.empty()) return options_.max_zoom + 1;
  std::uint32_t level_index = (id - points) % kLevelBits, index = (id - points) / kLevelBits;
  if (level_index + 1 >= levels_.size() || index >= levels_[level_index].x.size()) return options_.max_zoom + 1;
  while (level_index + 1 < levels_.size()) {
    const Level& level = levels_[level_index];
    if (level.child_count[index] != 1) return options_.min_zoom + static_cast<int>(level_index) + 1;
    index = level.children[level.first_child[index]];
    ++level_index;
  }
  return options_.max_zoom + 1;
}

}  // namespace gongyou
