// tests/core/clustering_test.cpp — ClusterIndex against brute force on random data: every point in exactly one
// marker per zoom, leaves within the radius bound of their cluster, viewport queries equal to filtering the whole
// world, the greedy rule (no two markers left alone within the radius), the antimeridian, expansion zooms.
#include "core/clustering.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace gongyou {
namespace {

/// Random points: dense blobs round a few centres plus a uniform scatter over a China-sized box.
std::vector<LatLon> random_points(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lat(18, 50), lon(75, 134), unit(0, 1);
  std::normal_distribution<double> jitter(0, 1);
  std::vector<LatLon> centres;
  for (int i = 0; i < 8; ++i) centres.push_back({lat(rng), lon(rng)});
  std::vector<LatLon> points;
  for (std::size_t i = 0; i < n; ++i) {
    if (unit(rng) < 0.3) {
      points.push_back({lat(rng), lon(rng)});
    } else {
      const LatLon c = centres[rng() % centres.size()];
      const double spread = unit(rng) < 0.5 ? 0.01 : 0.5;  // streets and counties
      points.push_back({std::clamp(c.lat + spread * jitter(rng), -85.0, 85.0), c.lon + spread * jitter(rng)});
    }
  }
  points.push_back(points[5]);  // exact duplicates must cluster too
  points.push_back(points[5]);
  return points;
}

constexpr BoundingBox kWorld{-180, -90, 180, 90};

double projected_distance(LatLon a, LatLon b) {
  return std::hypot(mercator_x(a.lon) - mercator_x(b.lon), mercator_y(a.lat) - mercator_y(b.lat));
}

struct ClusteringRandom : ::testing::Test {
  std::vector<LatLon> points = random_points(2500, 7);
  ClusterOptions options;
  ClusterIndex index{points, options};
  double radius(int zoom) const { return options.radius_px / (options.tile_extent * std::ldexp(1.0, zoom)); }
};

TEST_F(ClusteringRandom, EveryPointInExactlyOneMarkerPerZoomAndNearItsCentre) {
  std::vector<Cluster> markers;
  std::vector<std::uint32_t> leaves;
  for (int zoom = 0; zoom <= 18; ++zoom) {
    index.query(kWorld, zoom, markers);
    std::vector<int> seen(points.size(), 0);
    std::size_t total = 0;
    for (const Cluster& c : markers) {
      total += c.count;
      if (c.count > 1) {
        EXPECT_GE(c.count, options.min_points);
      }
      leaves.clear();
      index.leaves(c.id, leaves);
      ASSERT_EQ(leaves.size(), c.count) << "zoom " << zoom;
      if (c.count == 1) {
        EXPECT_EQ(c.center, points[c.id]);
      }
      for (std::uint32_t p : leaves) {
        ++seen[p];
        // The weighted centre of points within r of a seed is within 2r of each; summed over the finer zooms: 4r.
        if (zoom <= options.max_zoom) {
          EXPECT_LE(projected_distance(points[p], c.center), 4 * radius(zoom) * (1 + 1e-9));
        }
      }
    }
    EXPECT_EQ(total, points.size()) << "zoom " << zoom;
    for (std::size_t p = 0; p < points.size(); ++p) ASSERT_EQ(seen[p], 1) << "point " << p << " zoom " << zoom;
    if (zoom > options.max_zoom) {
      EXPECT_EQ(markers.size(), points.size());
    }
  }
  index.query(kWorld, 0, markers);
  EXPECT_LT(markers.size(), 100u) << "the world at zoom 0 is a few clusters";
}

TEST_F(ClusteringRandom, NoTwoMarkersLeftAloneWithinTheRadius) {
  // A marker of zoom z that is the same marker as at z+1 (same leaves) was left alone: the greedy pass found no
  // untaken neighbour within r. Two such markers within r of each other would contradict it.
  std::vector<Cluster> fine, coarse;
  std::vector<std::uint32_t> leaves;
  for (int zoom = 0; zoom <= options.max_zoom; ++zoom) {
    index.query(kWorld, zoom + 1, fine);
    index.query(kWorld, zoom, coarse);
    // A coarse marker's points are a union of fine markers' points: it is the same marker as the fine one holding
    // its first point exactly when their counts are equal.
    std::vector<std::uint32_t> owner(points.size());
    for (std::uint32_t m = 0; m < fine.size(); ++m) {
      leaves.clear();
      index.leaves(fine[m].id, leaves);
      for (std::uint32_t p : leaves) owner[p] = m;
    }
    std::vector<LatLon> alone;
    for (const Cluster& c : coarse) {
      leaves.clear();
      index.leaves(c.id, leaves);
      const Cluster& f = fine[owner[leaves[0]]];
      if (f.count == c.count) alone.push_back(f.center);
    }
    const double r = radius(zoom);
    // Every pair, swept in x order (pairs farther apart in x than r cannot be within r).
    std::sort(alone.begin(), alone.end(), [](LatLon a, LatLon b) { return a.lon < b.lon; });
    for (std::size_t a = 0; a < alone.size(); ++a)
      for (std::size_t b = a + 1; b < alone.size() && mercator_x(alone[b].lon) - mercator_x(alone[a].lon) <= r; ++b)
        ASSERT_GT(projected_distance(alone[a], alone[b]), r * (1 - 1e-9)) << "zoom " << zoom;
  }
}

TEST_F(ClusteringRandom, ViewportQueryEqualsFilteringTheWholeWorld) {
  std::mt19937 rng(99);
  std::uniform_real_distribution<double> lat(15, 52), lon(70, 136), size(0.01, 20);
  std::vector<Cluster> all, some;
  for (int trial = 0; trial < 300; ++trial) {
    const int zoom = static_cast<int>(rng() % 19);
    const double la = lat(rng), lo = lon(rng);
    const BoundingBox box{lo, la, lo + size(rng), std::min(85.0, la + size(rng))};
    index.query(kWorld, zoom, all);
    index.query(box, zoom, some);
    std::vector<std::uint32_t> expected, got;
    for (const Cluster& c : all)
      if (box.contains(c.center)) expected.push_back(c.id);
    for (const Cluster& c : some) got.push_back(c.id);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, expected) << "trial " << trial;
  }
}

TEST(Clustering, AntimeridianAndWrappedBounds) {
  const std::vector<LatLon> points{{0, 179.9}, {0, -179.9}, {10, 170}, {10, -170}, {0, 0}};
  const ClusterIndex index(points);
  std::vector<Cluster> out;
  const auto ids = [&] {
    std::vector<std::uint32_t> v;
    for (const Cluster& c : out) v.push_back(c.id);
    std::sort(v.begin(), v.end());
    return v;
  };
  index.query(BoundingBox{175, -5, 185, 5}, 18, out);  // Leaflet's bounds east of the antimeridian
  EXPECT_EQ(ids(), (std::vector<std::uint32_t>{0, 1}));
  index.query(BoundingBox{-185, -5, -175, 5}, 18, out);
  EXPECT_EQ(ids(), (std::vector<std::uint32_t>{0, 1}));
  index.query(BoundingBox{-400, -90, 400, 90}, 18, out);  // more than the whole world
  EXPECT_EQ(out.size(), 5u);
  index.query(BoundingBox{165, 5, 195, 15}, 18, out);
  EXPECT_EQ(ids(), (std::vector<std::uint32_t>{2, 3}));
}

TEST_F(ClusteringRandom, ExpansionZoomIsWhereAClusterSplits) {
  std::vector<Cluster> markers, at_zoom;
  std::vector<std::uint32_t> leaves;
  for (int zoom : {0, 3, 6, 9, 12}) {
    index.query(kWorld, zoom, markers);
    for (const Cluster& c : markers) {
      if (c.count == 1) {
        EXPECT_EQ(index.expansion_zoom(c.id), options.max_zoom + 1);
        continue;
      }
      const int e = index.expansion_zoom(c.id);
      ASSERT_GT(e, zoom);
      leaves.clear();
      index.leaves(c.id, leaves);
      // How many markers of a zoom hold this cluster's points.
      const auto markers_holding = [&](int z) {
        index.query(kWorld, z, at_zoom);
        std::vector<std::uint32_t> owner(points.size(), 0), ls;
        for (std::uint32_t m = 0; m < at_zoom.size(); ++m) {
          ls.clear();
          index.leaves(at_zoom[m].id, ls);
          for (std::uint32_t p : ls) owner[p] = m;
        }
        std::vector<std::uint32_t> held;
        for (std::uint32_t p : leaves) held.push_back(owner[p]);
        std::sort(held.begin(), held.end());
        return static_cast<std::size_t>(std::unique(held.begin(), held.end()) - held.begin());
      };
      EXPECT_EQ(markers_holding(e - 1), 1u);
      EXPECT_GT(markers_holding(e), 1u);
      break;  // one cluster per zoom keeps the brute force quick
    }
  }
}

TEST(Clustering, EmptyAndSinglePoint) {
  std::vector<Cluster> out{Cluster{}};
  ClusterIndex empty(std::vector<LatLon>{});
  empty.query(kWorld, 5, out);
  EXPECT_TRUE(out.empty());
  ClusterIndex one(std::vector<LatLon>{{25.03, 118.8}});
  for (int z = 0; z <= 20; ++z) {
    one.query(kWorld, z, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].count, 1u);
    EXPECT_EQ(out[0].id, 0u);
  }
  ClusterIndex default_index;
  default_index.query(kWorld, 3, out);
  EXPECT_TRUE(out.empty());
}

TEST(Clustering, QueryReusesTheCallersBuffer) {
  const auto points = random_points(5000, 3);
  const ClusterIndex index(points);
  std::vector<Cluster> out;
  out.reserve(points.size());
  const Cluster* data = out.data();
  for (int z = 0; z <= 18; ++z) {
    index.query(kWorld, z, out);
    EXPECT_EQ(out.data(), data) << "no reallocation when the capacity suffices";
  }
}

}  // namespace
}  // namespace gongyou
