// tests/core/demo_workplaces_test.cpp — the demo's workplaces: deterministic, a few hundred, on the county's land,
// in its towns, and with gaps: some members beyond every demo site's 15-minute ring, most within one.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/coverage.h"
#include "core/geo.h"
#include "tools/demo_data/huian_demo.h"
#include "tools/demo_data/huian_workplaces.h"

namespace gongyou::demo {
namespace {

TEST(HuianWorkplaces, AreDeterministicPlausibleAndLeaveGaps) {
  const auto workplaces = huian_workplaces();
  const auto again = huian_workplaces();
  ASSERT_EQ(workplaces.size(), again.size());
  EXPECT_GE(workplaces.size(), 300u);
  EXPECT_LE(workplaces.size(), 600u);
  std::set<std::string> towns;
  for (const Town& town : huian_towns()) towns.insert(std::string(town.official_name));
  std::vector<LatLon> site_positions;
  for (const Site& site : huian_sites()) site_positions.push_back(site.position);
  const RingIndex rings(site_positions, walk_ring_radius());
  std::uint64_t members = 0, covered = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < workplaces.size(); ++i) {
    const Workplace& w = workplaces[i];
    EXPECT_EQ(w.position, again[i].position);
    EXPECT_EQ(w.members, again[i].members);
    EXPECT_TRUE(inside_huian(w.position));
    EXPECT_GE(w.members, 1u);
    EXPECT_LE(w.members, 600u);
    EXPECT_TRUE(towns.contains(w.town)) << w.town;
    seen.insert(w.town);
    members += w.members;
    if (rings.any_within(w.position)) covered += w.members;
  }
  EXPECT_EQ(seen.size(), towns.size());  // every town has workplaces
  EXPECT_GT(covered, members / 5);       // many within reach...
  EXPECT_LT(covered, members * 9 / 10);  // ...and real gaps
}

}  // namespace
}  // namespace gongyou::demo
