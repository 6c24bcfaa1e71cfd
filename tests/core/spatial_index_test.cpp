// tests/core/spatial_index_test.cpp — SpatialIndex::nearest against a brute-force scan: random point sets
// over the globe and in one county, type filters, distance limits, the antimeridian, the poles, edge cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <set>
#include <vector>

#include "core/geo.h"
#include "core/spatial_index.h"

namespace gongyou {
namespace {

/// Random positions from a standard engine (its output is fixed by the C++ standard) and an exact
/// bits-to-double mapping, so a failing seed reproduces on every platform.
class RandomPositions {
 public:
  explicit RandomPositions(std::uint64_t seed) : engine_(seed) {}

  /// A double in [lo, hi).
  double between(double lo, double hi) { return lo + (hi - lo) * (static_cast<double>(engine_() >> 11) * 0x1.0p-53); }
  /// A point uniformly distributed over the sphere.
  LatLon anywhere() {
    const double lat = std::asin(between(-1, 1)) * 180 / std::numbers::pi;
    return {lat, between(-180, 180)};
  }
  /// A point in the box [lat ± d] × [lon ± d], clamped to valid coordinates.
  LatLon near(LatLon center, double degrees) {
    return {std::clamp(center.lat + between(-degrees, degrees), -90.0, 90.0),
            std::clamp(center.lon + between(-degrees, degrees), -180.0, 180.0)};
  }
  /// An index below n.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }

 private:
  std::mt19937_64 engine_;
};

/// The k nearest accepted points within max_distance, by scanning all of them.
template <class Accept>
std::vector<Neighbour> brute_force(std::span<const LatLon> points, LatLon from, std::size_t k, Metres max_distance,
                                   Accept accept) {
  std::vector<Neighbour> all;
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    const Metres d = great_circle_distance(from, points[i]);
    if (d <= max_distance && accept(i)) all.push_back({i, d});
  }
  std::sort(all.begin(), all.end(), [](const Neighbour& a, const Neighbour& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
  });
  if (all.size() > k) all.resize(k);
  return all;
}

/// Checks one query of the index against the brute-force answer. Distances must agree to the
/// millimetre rank by rank (equal distances may come in either order).
template <class Accept>
void expect_same_as_brute_force(const SpatialIndex& index, std::span<const LatLon> points, LatLon from, std::size_t k,
                                Metres max_distance, Accept accept) {
  SCOPED_TRACE(testing::Message() << "from (" << from.lat << ", " << from.lon << "), k " << k << ", max "
                                  << max_distance.value << " m");
  const auto expected = brute_force(points, from, k, max_distance, accept);
  const auto actual = index.nearest(from, k, max_distance, accept);
  ASSERT_EQ(actual.size(), expected.size());
  std::set<std::uint32_t> seen;
  for (std::size_t r = 0; r < actual.size(); ++r) {
    EXPECT_NEAR(actual[r].distance.value, expected[r].distance.value, 1e-3) << "rank " << r;
    ASSERT_LT(actual[r].index, points.size());
    EXPECT_EQ(actual[r].distance.value, great_circle_distance(from, points[actual[r].index]).value);
    EXPECT_TRUE(accept(actual[r].index));
    EXPECT_LE(actual[r].distance, max_distance);
    EXPECT_TRUE(seen.insert(actual[r].index).second) << "index " << actual[r].index << " returned twice";
    if (r > 0) {
      EXPECT_LE(actual[r - 1].distance.value, actual[r].distance.value + 1e-6) << "not nearest first";
    }
  }
}

constexpr Metres kUnlimited{1e300};
const auto kAcceptAll = [](std::uint32_t) { return true; };

TEST(SpatialIndex, MatchesBruteForceOverTheGlobe) {
  for (std::uint64_t seed : {1u, 2u, 3u, 20240611u}) {
    RandomPositions random(seed);
    std::vector<LatLon> points(3000);
    for (auto& p : points) p = random.anywhere();
    const SpatialIndex index(points);
    ASSERT_EQ(index.size(), points.size());
    for (std::size_t k : {1u, 2u, 7u, 50u, 400u})
      for (int q = 0; q < 12; ++q) expect_same_as_brute_force(index, points, random.anywhere(), k, kUnlimited, kAcceptAll);
  }
}

TEST(SpatialIndex, MatchesBruteForceInOneCountyWithDuplicates) {
  RandomPositions random(77);
  const LatLon huian{25.03, 118.80};
  std::vector<LatLon> points(2500);
  for (auto& p : points) p = random.near(huian, 0.2);
  for (int i = 0; i < 100; ++i) points[random.below(points.size())] = points[random.below(points.size())];
  const SpatialIndex index(points);
  for (std::size_t k : {1u, 3u, 10u, 64u})
    for (int q = 0; q < 25; ++q) expect_same_as_brute_force(index, points, random.near(huian, 0.25), k, kUnlimited, kAcceptAll);
  // A query exactly on an indexed point finds it at distance 0.
  const auto on_point = index.nearest(points[42], 1);
  ASSERT_EQ(on_point.size(), 1u);
  EXPECT_EQ(on_point[0].distance.value, 0.0);
}

TEST(SpatialIndex, TypeFilterThroughAccept) {
  RandomPositions random(5);
  std::vector<LatLon> points(3000);
  std::vector<int> type(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i] = random.near({30, 110}, 8);
    type[i] = static_cast<int>(random.below(14));
  }
  const SpatialIndex index(points);
  for (int wanted : {0, 3, 13}) {
    const auto only_wanted = [&](std::uint32_t i) { return type[i] == wanted; };
    for (std::size_t k : {1u, 5u, 30u})
      for (int q = 0; q < 10; ++q) expect_same_as_brute_force(index, points, random.near({30, 110}, 10), k, kUnlimited, only_wanted);
  }
  const auto none = index.nearest({30, 110}, 10, kUnlimited, [](std::uint32_t) { return false; });
  EXPECT_TRUE(none.empty());
}

TEST(SpatialIndex, MaxDistanceLimitsTheAnswer) {
  RandomPositions random(11);
  std::vector<LatLon> points(3000);
  for (auto& p : points) p = random.near({25.03, 118.80}, 0.3);
  const SpatialIndex index(points);
  const auto odd = [](std::uint32_t i) { return i % 2 == 1; };
  for (double metres : {0.0, 50.0, 923.0, 2'000.0, 10'000.0})
    for (std::size_t k : {1u, 10u, 1000u})
      for (int q = 0; q < 8; ++q) {
        const LatLon from = random.near({25.03, 118.80}, 0.3);
        expect_same_as_brute_force(index, points, from, k, Metres{metres}, kAcceptAll);
        expect_same_as_brute_force(index, points, from, k, Metres{metres}, odd);
      }
}

TEST(SpatialIndex, FindsNeighboursAcrossTheAntimeridian) {
  RandomPositions random(180);
  std::vector<LatLon> points(2000);
  for (auto& p : points) {
    const double lon = random.between(175, 185);  // 175°E .. 175°W
    p = {random.between(-20, 20), lon > 180 ? lon - 360 : lon};
  }
  const SpatialIndex index(points);
  for (LatLon from : {LatLon{0, 180}, LatLon{0, -180}, LatLon{5, 179.999}, LatLon{-5, -179.999}, LatLon{19, -176}})
    for (std::size_t k : {1u, 8u, 100u}) expect_same_as_brute_force(index, points, from, k, kUnlimited, kAcceptAll);
  // Two points 0.2° apart across the line are each other's nearest.
  const std::vector<LatLon> pair{{0, 179.9}, {0, -179.9}, {0, 178.0}};
  const auto near_east_edge = SpatialIndex(pair).nearest({0, 179.95}, 2);
  ASSERT_EQ(near_east_edge.size(), 2u);
  EXPECT_EQ(near_east_edge[0].index, 0u);
  EXPECT_EQ(near_east_edge[1].index, 1u);
}

TEST(SpatialIndex, HandlesThePoles) {
  RandomPositions random(90);
  std::vector<LatLon> points(2000);
  for (std::size_t i = 0; i < points.size(); ++i)
    points[i] = {(i % 2 ? 1 : -1) * random.between(85, 90), random.between(-180, 180)};
  points[0] = {90, 0};
  points[1] = {-90, 123};
  const SpatialIndex index(points);
  for (LatLon from : {LatLon{90, 0}, LatLon{90, -170}, LatLon{-90, 0}, LatLon{89.99, 45}, LatLon{-89.5, -100}, LatLon{0, 0}})
    for (std::size_t k : {1u, 6u, 60u}) expect_same_as_brute_force(index, points, from, k, kUnlimited, kAcceptAll);
  const auto at_pole = index.nearest({90, -77}, 1);  // the pole is one point whatever the longitude
  ASSERT_EQ(at_pole.size(), 1u);
  EXPECT_EQ(at_pole[0].index, 0u);
  EXPECT_NEAR(at_pole[0].distance.value, 0, 1e-6);
}

TEST(SpatialIndex, EmptyIndexAndZeroKGiveNothing) {
  const SpatialIndex empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.nearest({25, 118}, 5).empty());
  EXPECT_TRUE(SpatialIndex(std::vector<LatLon>{}).nearest({25, 118}, 5).empty());
  const std::vector<LatLon> one{{25, 118}};
  EXPECT_TRUE(SpatialIndex(one).nearest({25, 118}, 0).empty());
}

TEST(SpatialIndex, KLargerThanTheSetGivesAllPointsSorted) {
  RandomPositions random(3);
  std::vector<LatLon> points(257);
  for (auto& p : points) p = random.anywhere();
  const SpatialIndex index(points);
  for (std::size_t k : {points.size(), points.size() + 1, std::size_t{100'000}, std::numeric_limits<std::size_t>::max()})
    expect_same_as_brute_force(index, points, {25, 118}, k, kUnlimited, kAcceptAll);
}

TEST(SpatialIndex, InvalidQueryPositionGivesNothing) {
  const std::vector<LatLon> points{{25, 118}, {26, 119}};
  const SpatialIndex index(points);
  EXPECT_TRUE(index.nearest({91, 118}, 1).empty());
  EXPECT_TRUE(index.nearest({25, -181}, 1).empty());
  EXPECT_TRUE(index.nearest({std::numeric_limits<double>::quiet_NaN(), 118}, 1).empty());
}

}  // namespace
}  // namespace gongyou

namespace gongyou {
namespace {

TEST(SpatialIndexInto, SameAnswerAsNearestIntoTheCallersBuffer) {
  std::vector<LatLon> points;
  for (int i = 0; i < 3000; ++i) points.push_back({20 + (i * 7919 % 1000) * 0.01, 110 + (i * 104729 % 1000) * 0.01});
  const SpatialIndex index(points);
  std::vector<Neighbour> out;
  out.reserve(16);
  const Neighbour* storage = out.data();
  for (int i = 0; i < 200; ++i) {
    const LatLon from{20 + i * 0.05, 110 + i * 0.04};
    index.nearest_into(from, 10, out);
    const auto expected = index.nearest(from, 10);
    ASSERT_EQ(out.size(), expected.size());
    for (std::size_t j = 0; j < out.size(); ++j) {
      EXPECT_EQ(out[j].index, expected[j].index);
      EXPECT_EQ(out[j].distance, expected[j].distance);
    }
    EXPECT_EQ(out.data(), storage) << "no reallocation";
  }
  index.nearest_into({95, 0}, 10, out);
  EXPECT_TRUE(out.empty()) << "an invalid place has no neighbours";
}

}  // namespace
}  // namespace gongyou
