// tests/core/coverage_test.cpp — rings, coverage shares and "where next" against brute force on random data:
// RingIndex finds exactly the positions within the radius (any latitude, the antimeridian, the poles), the overlay
// raster counts the rings over each cell centre, shares per town add up, and lazy greedy picks what plain greedy
// (every gain recomputed by scanning) picks, reaching at least (1 - 1/e) of the exhaustive optimum.
#include "core/coverage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace gongyou {
namespace {

const Metres kRadius = walk_ring_radius();

/// Points in a small region (a city-sized box) so that rings overlap a lot.
std::vector<LatLon> random_points(std::size_t n, std::mt19937& rng, LatLon centre = {25.03, 118.8},
                                  double half_degrees = 0.1) {
  std::uniform_real_distribution<double> d(-half_degrees, half_degrees);
  std::vector<LatLon> points;
  for (std::size_t i = 0; i < n; ++i)
    points.push_back({std::clamp(centre.lat + d(rng), -90.0, 90.0), std::remainder(centre.lon + d(rng), 360.0)});
  return points;
}

std::uint32_t brute_count(std::span<const LatLon> sites, LatLon p, Metres radius) {
  std::uint32_t n = 0;
  for (LatLon s : sites) n += great_circle_distance(s, p) <= radius ? 1 : 0;
  return n;
}

TEST(RingIndex, FindsExactlyThePositionsWithinTheRadius) {
  std::mt19937 rng(1);
  // A county, the antimeridian and a pole: the 3-D grid has no seams.
  for (LatLon centre : {LatLon{25.03, 118.8}, LatLon{0, 180}, LatLon{89.99, 0}, LatLon{-45, -60}}) {
    const auto sites = random_points(1500, rng, centre);
    const RingIndex index(sites, kRadius);
    EXPECT_EQ(index.size(), sites.size());
    for (LatLon p : random_points(400, rng, centre)) {
      std::vector<std::uint32_t> found;
      index.for_each_within(p, [&](std::uint32_t i) { found.push_back(i); });
      std::sort(found.begin(), found.end());
      std::vector<std::uint32_t> expected;
      for (std::uint32_t i = 0; i < sites.size(); ++i)
        if (great_circle_distance(sites[i], p) <= kRadius) expected.push_back(i);
      ASSERT_EQ(found, expected) << centre.lat << "," << centre.lon;
    }
  }
}

TEST(RingIndex, OtherRadiiAndEdgeCases) {
  std::mt19937 rng(2);
  const auto sites = random_points(800, rng);
  for (Metres r : {Metres{0.5}, Metres{50}, Metres{5000}, Metres{30000}}) {
    const RingIndex index(sites, r);
    for (LatLon p : random_points(100, rng)) ASSERT_EQ(index.count_within(p), brute_count(sites, p, r)) << r.value;
  }
  const RingIndex empty(std::vector<LatLon>{}, kRadius);
  EXPECT_EQ(empty.count_within({25, 118}), 0u);
  EXPECT_FALSE(empty.any_within({25, 118}));
  const RingIndex same(std::vector<LatLon>(5, LatLon{25, 118}), kRadius);
  EXPECT_TRUE(same.any_within({25.001, 118}));
  EXPECT_FALSE(same.any_within({25.1, 118}));
  EXPECT_EQ(same.count_within({25, 118}), 5u);
  EXPECT_EQ(same.count_within({25, 119}), 0u);
  EXPECT_EQ(same.count_within({95, 118}), 0u) << "an invalid place is covered by nothing";
}

TEST(Coverage, CountRingsAndTheRaster) {
  std::mt19937 rng(3);
  const auto sites = random_points(600, rng);
  const RingIndex index(sites, kRadius);
  const auto places = random_points(300, rng);
  std::vector<std::uint32_t> counts(places.size());
  count_rings(index, places, counts);
  std::uint32_t most = 0;
  for (std::size_t i = 0; i < places.size(); ++i) {
    ASSERT_EQ(counts[i], brute_count(sites, places[i], kRadius));
    most = std::max(most, counts[i]);
  }
  EXPECT_GT(most, 1u) << "the test data overlaps rings";
  const BoundingBox box{118.7, 24.93, 118.9, 25.13};
  const int columns = 40, rows = 30;
  std::vector<std::uint32_t> raster(columns * rows);
  count_rings_grid(index, box, columns, rows, raster);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) {
      const LatLon centre{box.max_lat - (r + 0.5) * (box.max_lat - box.min_lat) / rows,
                          box.min_lon + (c + 0.5) * (box.max_lon - box.min_lon) / columns};
      ASSERT_EQ(raster[r * columns + c], brute_count(sites, centre, kRadius)) << r << "," << c;
    }
}

TEST(Coverage, SharePerGroup) {
  std::mt19937 rng(4);
  const auto sites = random_points(150, rng);
  const RingIndex index(sites, kRadius);
  std::vector<DemandPoint> demand;
  for (LatLon p : random_points(2000, rng))
    demand.push_back({p, static_cast<std::uint32_t>(rng() % 50), static_cast<std::uint32_t>(rng() % 5)});
  demand.push_back({{25, 118.8}, 7, 99});  // a group beyond the output: ignored
  std::vector<GroupCoverage> groups(5);
  coverage_by_group(index, demand, groups);
  std::vector<GroupCoverage> expected(5);
  for (const DemandPoint& d : demand) {
    if (d.group >= 5) continue;
    expected[d.group].members += d.members;
    if (brute_count(sites, d.position, kRadius) > 0) expected[d.group].covered += d.members;
  }
  for (int g = 0; g < 5; ++g) {
    EXPECT_EQ(groups[g].members, expected[g].members);
    EXPECT_EQ(groups[g].covered, expected[g].covered);
    EXPECT_GT(groups[g].share(), 0.0);
    EXPECT_LT(groups[g].share(), 1.0);
  }
  EXPECT_EQ(GroupCoverage{}.share(), 0.0);
}

/// Plain greedy with every gain recomputed by brute force; ties to the lower index.
std::vector<SiteSuggestion> brute_greedy(std::span<const LatLon> sites, std::span<const DemandPoint> demand,
                                         std::span<const LatLon> candidates, std::size_t k) {
  std::vector<std::uint32_t> uncovered;
  for (const DemandPoint& d : demand) uncovered.push_back(brute_count(sites, d.position, kRadius) ? 0 : d.members);
  std::vector<SiteSuggestion> out;
  while (out.size() < k) {
    std::uint64_t best = 0;
    std::uint32_t best_c = 0;
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
      std::uint64_t g = 0;
      for (std::size_t d = 0; d < demand.size(); ++d)
        if (great_circle_distance(candidates[c], demand[d].position) <= kRadius) g += uncovered[d];
      if (g > best) best = g, best_c = c;
    }
    if (best == 0) break;
    out.push_back({best_c, best});
    for (std::size_t d = 0; d < demand.size(); ++d)
      if (great_circle_distance(candidates[best_c], demand[d].position) <= kRadius) uncovered[d] = 0;
  }
  return out;
}

TEST(Coverage, LazyGreedyPicksWhatPlainGreedyPicks) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 4; ++trial) {
    const auto sites = random_points(40, rng);
    std::vector<DemandPoint> demand;
    for (LatLon p : random_points(1000, rng)) demand.push_back({p, 1 + static_cast<std::uint32_t>(rng() % 20), 0});
    const auto candidates = random_points(200, rng);
    const auto lazy = suggest_sites(RingIndex(sites, kRadius), demand, candidates, 12);
    const auto plain = brute_greedy(sites, demand, candidates, 12);
    ASSERT_EQ(lazy.size(), plain.size());
    for (std::size_t i = 0; i < lazy.size(); ++i) {
      EXPECT_EQ(lazy[i].candidate, plain[i].candidate) << "trial " << trial << " pick " << i;
      EXPECT_EQ(lazy[i].members_added, plain[i].members_added);
      if (i > 0) {
        EXPECT_LE(lazy[i].members_added, lazy[i - 1].members_added);
      }
    }
  }
}

TEST(Coverage, GreedyIsWithinTheBoundOfTheOptimum) {
  std::mt19937 rng(6);
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<DemandPoint> demand;
    for (LatLon p : random_points(300, rng, {25.03, 118.8}, 0.03))
      demand.push_back({p, 1 + static_cast<std::uint32_t>(rng() % 9), 0});
    const auto candidates = random_points(14, rng, {25.03, 118.8}, 0.03);
    const RingIndex none(std::vector<LatLon>{}, kRadius);
    const std::size_t k = 3;
    std::uint64_t greedy = 0;
    for (const SiteSuggestion& s : suggest_sites(none, demand, candidates, k)) greedy += s.members_added;
    std::uint64_t best = 0;  // every 3 of the 14 candidates
    for (std::size_t a = 0; a < candidates.size(); ++a)
      for (std::size_t b = a + 1; b < candidates.size(); ++b)
        for (std::size_t c = b + 1; c < candidates.size(); ++c) {
          std::uint64_t sum = 0;
          for (const DemandPoint& d : demand)
            if (great_circle_distance(candidates[a], d.position) <= kRadius ||
                great_circle_distance(candidates[b], d.position) <= kRadius ||
                great_circle_distance(candidates[c], d.position) <= kRadius)
              sum += d.members;
          best = std::max(best, sum);
        }
    EXPECT_LE(greedy, best);
    EXPECT_GE(static_cast<double>(greedy), (1 - 1 / 2.718281828) * static_cast<double>(best)) << "trial " << trial;
  }
}

TEST(Coverage, SuggestionsStopWhenNobodyIsLeft) {
  const std::vector<LatLon> sites{{25, 118}};
  const std::vector<DemandPoint> demand{{{25, 118}, 10, 0}, {{25.5, 118}, 4, 0}};
  const std::vector<LatLon> candidates{{25, 118}, {25.5, 118.001}, {25.5, 118}, {91, 0}};
  const auto picks = suggest_sites(RingIndex(sites, kRadius), demand, candidates, 3);
  ASSERT_EQ(picks.size(), 1u);
  EXPECT_EQ(picks[0].candidate, 1u) << "equal gains: the lower index";
  EXPECT_EQ(picks[0].members_added, 4u);
  EXPECT_TRUE(suggest_sites(RingIndex(sites, kRadius), demand, candidates, 0).empty());
}

}  // namespace
}  // namespace gongyou
