// tests/core/coverage_analysis_test.cpp — the candidates of "where next" (one per ~500 m cell of uncovered
// workplaces, at the members-weighted centre, within a cell diagonal of each of its points, covered points left out, the town with most members) and the ring
// polygon of the GeoJSON export (closed, counter-clockwise, every vertex on the circle).
#include "core/coverage_analysis.h"

#include <gtest/gtest.h>

#include <random>

#include "core/geo.h"

namespace gongyou {
namespace {

TEST(GridCandidates, MergesUncoveredPointsPerCellAtTheWeightedCentre) {
  // Two points ~50 m apart (one cell), one ~5 km away, one covered next to the first.
  const std::vector<DemandPoint> demand = {
      {{25.0300, 118.8000}, 30, 1},
      {{25.0304, 118.8001}, 10, 2},
      {{25.0750, 118.8000}, 7, 3},
      {{25.0301, 118.8000}, 1000, 2},
  };
  const std::vector<std::uint8_t> covered = {0, 0, 0, 1};
  const auto candidates = grid_candidates(demand, covered);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].members, 40u);
  EXPECT_EQ(candidates[0].group, 1u);  // 30 of the 40 members; the covered 1000 do not count
  EXPECT_NEAR(candidates[0].position.lat, (25.0300 * 30 + 25.0304 * 10) / 40, 1e-12);
  EXPECT_NEAR(candidates[0].position.lon, (118.8000 * 30 + 118.8001 * 10) / 40, 1e-12);
  EXPECT_EQ(candidates[1].members, 7u);
  EXPECT_EQ(candidates[1].position, demand[2].position);
}

TEST(GridCandidates, EveryPointIsWithinACellDiagonalOfItsCandidate) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> d(-0.05, 0.05);
  std::vector<DemandPoint> demand;
  for (int i = 0; i < 3000; ++i) demand.push_back({{45 + d(rng), 120 + d(rng)}, 1 + static_cast<std::uint32_t>(i % 9), 0});
  const auto candidates = grid_candidates(demand, {});
  std::uint64_t total = 0, members = 0;
  for (const auto& c : candidates) total += c.members;
  for (const auto& p : demand) members += p.members;
  EXPECT_EQ(total, members);
  EXPECT_LT(candidates.size(), demand.size());
  for (const auto& p : demand) {
    double nearest = 1e18;
    for (const auto& c : candidates) nearest = std::min(nearest, great_circle_distance(p.position, c.position).value);
    EXPECT_LE(nearest, kCandidateCell.value * 1.4143 + 1.0);  // the diagonal, plus the rows' curvature
  }
}

TEST(GridCandidates, NothingUncoveredGivesNoCandidate) {
  const std::vector<DemandPoint> demand = {{{25, 118}, 5, 0}, {{25.1, 118}, 0, 0}};
  EXPECT_TRUE(grid_candidates(demand, std::vector<std::uint8_t>{1, 0}).empty());
}

TEST(RingPolygon, IsClosedCounterClockwiseAndOnTheCircle) {
  for (LatLon centre : {LatLon{25.03, 118.8}, LatLon{60, -20}, LatLon{-33.9, 151.2}}) {
    const Metres radius = walk_ring_radius();
    const auto ring = ring_polygon(centre, radius, 48);
    ASSERT_EQ(ring.size(), 49u);
    EXPECT_EQ(ring.front(), ring.back());
    double twice_area = 0;  // shoelace in lon/lat: positive when counter-clockwise
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      EXPECT_NEAR(great_circle_distance(centre, ring[i]).value, radius.value, 1e-3);
      twice_area += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    }
    EXPECT_GT(twice_area, 0);
    EXPECT_GT(ring[0].lon, centre.lon);  // starts due east
    EXPECT_NEAR(ring[0].lat, centre.lat, 1e-4);
  }
  EXPECT_TRUE(ring_polygon({25, 118}, Metres{100}, 2).empty());
}

}  // namespace
}  // namespace gongyou
