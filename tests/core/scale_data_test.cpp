// tests/core/scale_data_test.cpp — the national scale data set: deterministic, inside China's extent, every site
// valid for the API (type, name, hours that parse, known facilities), spread in proportion to the cities'
// populations; the workplaces weighted and grouped by city.
#include "tools/scale_data/scale_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/opening_hours.h"

namespace gongyou {
namespace {

constexpr std::size_t kCount = 20'000;  // enough for the shares, quick in wasm too

bool inside_china_extent(LatLon p) { return p.lat > 15 && p.lat < 55 && p.lon > 72 && p.lon < 136; }

TEST(ScaleData, SameDataEveryTime) {
  EXPECT_EQ(scale::scale_sites(500), scale::scale_sites(500));
  const auto a = scale::scale_demand(500), b = scale::scale_demand(500);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].position, b[i].position);
    EXPECT_EQ(a[i].members, b[i].members);
  }
  EXPECT_NE(scale::scale_sites(50, 1), scale::scale_sites(50, 2));
}

TEST(ScaleData, EverySiteIsValid) {
  const auto sites = scale::scale_sites(kCount);
  ASSERT_EQ(sites.size(), kCount);
  const std::set<std::string> facilities{"water", "hot_water", "charging",  "microwave", "toilet",
                                         "wifi",  "aed",       "rest_area", "first_aid", "parking"};
  std::set<std::string> hours_seen;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const Site& s = sites[i];
    ASSERT_EQ(s.id.value, static_cast<std::int64_t>(i + 1));
    ASSERT_TRUE(inside_china_extent(s.position)) << s.position.lat << "," << s.position.lon;
    ASSERT_FALSE(s.name.empty());
    ASSERT_FALSE(s.address.empty());
    ASSERT_EQ(s.town.substr(s.town.size() - 3), "市");
    ASSERT_FALSE(s.facilities.empty());
    for (const auto& f : s.facilities) ASSERT_TRUE(facilities.count(f)) << f;
    hours_seen.insert(s.hours);
    // The JSON form decodes back to the same site (the API accepts it).
    const auto decoded = site_from_json(to_json(s));
    ASSERT_TRUE(std::holds_alternative<Site>(decoded));
    ASSERT_EQ(std::get<Site>(decoded), s);
  }
  EXPECT_GE(hours_seen.size(), 8u);
  for (const auto& hours : hours_seen)
    EXPECT_TRUE(std::holds_alternative<OpeningSchedule>(parse_opening_hours(hours))) << hours;
  EXPECT_EQ(sites[0].address.find("重庆市重庆市"), std::string::npos);
}

TEST(ScaleData, SpreadLikeThePopulation) {
  const auto sites = scale::scale_sites(kCount);
  std::size_t beijing = 0, lhasa = 0;
  for (const Site& s : sites) {
    beijing += s.town == "北京市";
    lhasa += s.town == "拉萨市";
  }
  std::uint64_t total = 0;
  for (const auto& c : scale::cities()) total += c.population;
  const double expected_beijing = kCount * 2189.0 / static_cast<double>(total);
  EXPECT_NEAR(static_cast<double>(beijing), expected_beijing, expected_beijing * 0.15);
  EXPECT_LT(lhasa, beijing / 10);
  EXPECT_GE(scale::cities().size(), 150u);
}

TEST(ScaleData, DemandIsWeightedAndGrouped) {
  const auto demand = scale::scale_demand(kCount);
  std::uint64_t members = 0;
  std::uint32_t largest = 0;
  for (const DemandPoint& d : demand) {
    ASSERT_TRUE(inside_china_extent(d.position));
    ASSERT_LT(d.group, scale::cities().size());
    ASSERT_GE(d.members, 1u);
    members += d.members;
    largest = std::max(largest, d.members);
  }
  EXPECT_GT(largest, 200u);
  EXPECT_GT(members / demand.size(), 30u);
  EXPECT_LT(members / demand.size(), 120u);
}

}  // namespace
}  // namespace gongyou
