// tests/core/demo_unions_test.cpp — the demo union trees of Hui'an and Dingxi (shape, levels, names, seed figures),
// the fictitious members (valid and unique numbers, Hui'an grassroots unions, the verified rate, stable prefixes)
// and the demo staff accounts.
#include <gtest/gtest.h>

#include <algorithm>

#include <map>
#include <set>
#include <string>

#include "core/id_number.h"
#include "tools/demo_data/huian_demo.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::demo {
namespace {

/// The unions by key (keys are 1..N, so index key - 1).
const DemoUnion& union_by_key(int key) { return demo_unions().at(static_cast<std::size_t>(key - 1)); }

/// The key of the union with this name; 0 when there is none.
int key_named(const std::string& name) {
  for (const DemoUnion& u : demo_unions())
    if (u.name == name) return u.key;
  return 0;
}

/// The unions whose parent is `key`.
std::vector<DemoUnion> children_of(int key) {
  std::vector<DemoUnion> children;
  for (const DemoUnion& u : demo_unions())
    if (u.parent_key == key) children.push_back(u);
  return children;
}

/// Counts of a region's unions by level.
std::map<UnionLevel, int> level_counts(const std::string& region) {
  std::map<UnionLevel, int> counts;
  for (const DemoUnion& u : demo_unions())
    if (u.region == region) ++counts[u.level];
  return counts;
}

TEST(DemoUnions, KeysRunInOrderParentsComeFirstNamesAreUnique) {
  const auto& unions = demo_unions();
  ASSERT_FALSE(unions.empty());
  std::set<std::string> names;
  for (std::size_t i = 0; i < unions.size(); ++i) {
    const DemoUnion& u = unions[i];
    EXPECT_EQ(u.key, static_cast<int>(i) + 1);
    EXPECT_GE(u.parent_key, 0) << u.name;
    EXPECT_LT(u.parent_key, u.key) << u.name;
    EXPECT_TRUE(names.insert(u.name).second) << "duplicate name " << u.name;
    EXPECT_TRUE(u.region == "huian" || u.region == "dingxi") << u.name;
    if (u.parent_key != 0) {
      EXPECT_EQ(union_by_key(u.parent_key).region, u.region) << u.name;
    }
    EXPECT_EQ(u.parent_key == 0, u.level == UnionLevel::federation) << u.name;
  }
  EXPECT_EQ(&demo_unions(), &unions);  // built once
}

TEST(DemoUnions, HasTwoRootsHuianFirst) {
  std::vector<DemoUnion> roots = children_of(0);
  ASSERT_EQ(roots.size(), 2u);
  EXPECT_EQ(roots[0].key, 1);
  EXPECT_EQ(roots[0].name, "惠安县总工会");
  EXPECT_EQ(roots[0].region, "huian");
  EXPECT_EQ(roots[1].name, "定西市总工会");
  EXPECT_EQ(roots[1].region, "dingxi");
  // Hui'an's tree comes first: every union before Dingxi's root is Hui'an's, every one after is Dingxi's.
  for (const DemoUnion& u : demo_unions()) EXPECT_EQ(u.region, u.key < roots[1].key ? "huian" : "dingxi") << u.name;
}

TEST(DemoUnions, HuianHas324GrassrootsUnionsSeed004) {
  EXPECT_EQ(level_counts("huian")[UnionLevel::grassroots], 324);
}

TEST(DemoUnions, EveryNewIndustryUnionOfAndingHasAGrassrootsUnionToJoin) {
  // A courier or a rider in Dingxi must find a union that takes members (only grassroots unions do).
  const int anding = key_named("安定区总工会");
  int industries = 0;
  for (const DemoUnion& industry : children_of(anding)) {
    if (industry.level != UnionLevel::industry) continue;
    ++industries;
    const auto below = children_of(industry.key);
    EXPECT_TRUE(std::any_of(below.begin(), below.end(), [](const DemoUnion& u) { return u.level == UnionLevel::grassroots; }))
        << industry.name;
  }
  EXPECT_EQ(industries, 5);
  EXPECT_GE(level_counts("dingxi")[UnionLevel::grassroots], 5);
}

TEST(DemoUnions, HuianLevelsFollowTheTree) {
  for (const DemoUnion& u : demo_unions()) {
    if (u.region != "huian" || u.parent_key == 0) continue;
    const UnionLevel parent = union_by_key(u.parent_key).level;
    switch (u.level) {
      case UnionLevel::federation:
        ADD_FAILURE() << "a second federation " << u.name;
        break;
      case UnionLevel::town:
      case UnionLevel::park:
      case UnionLevel::industry:
        EXPECT_EQ(u.parent_key, 1) << u.name;
        break;
      case UnionLevel::village:
        EXPECT_EQ(parent, UnionLevel::town) << u.name;
        break;
      case UnionLevel::grassroots:
        EXPECT_TRUE(parent == UnionLevel::town || parent == UnionLevel::park || parent == UnionLevel::industry ||
                    parent == UnionLevel::village)
            << u.name;
        EXPECT_TRUE(u.name.ends_with("有限公司工会")) << u.name;
        break;
    }
  }
}

TEST(DemoUnions, HuianHasATownUnionForEveryTownAndIndustryUnionsForNewFormsOfEmployment) {
  std::set<std::string> town_unions;
  for (const DemoUnion& u : children_of(1))
    if (u.level == UnionLevel::town) town_unions.insert(u.name);
  std::set<std::string> expected;
  for (const Town& town : huian_towns()) expected.insert(std::string(town.official_name) + "总工会");
  EXPECT_EQ(town_unions, expected);
  EXPECT_TRUE(town_unions.contains("螺城镇总工会"));
  EXPECT_TRUE(town_unions.contains("百崎回族乡总工会"));

  const auto counts = level_counts("huian");
  EXPECT_GE(counts.at(UnionLevel::park), 2);
  EXPECT_NE(key_named("惠安经济开发区工会联合会"), 0);
  for (const char* trade : {"快递", "外卖", "货车司机", "保安", "家政"}) {
    int found = 0;
    for (const DemoUnion& u : children_of(1))
      if (u.level == UnionLevel::industry && u.name.find(trade) != std::string::npos) ++found;
    EXPECT_EQ(found, 1) << trade;
  }
  // Every town has villages or communities, and they carry the town's name.
  for (const DemoUnion& town : children_of(1)) {
    if (town.level != UnionLevel::town) continue;
    const std::string town_name = town.name.substr(0, town.name.size() - std::string("总工会").size());
    int villages = 0;
    for (const DemoUnion& child : children_of(town.key)) {
      if (child.level != UnionLevel::village) continue;
      ++villages;
      EXPECT_TRUE(child.name.starts_with(town_name)) << child.name;
    }
    EXPECT_GE(villages, 1) << town.name;
  }
  // Grassroots unions hang under each kind of middle union.
  std::set<UnionLevel> grassroots_parents;
  for (const DemoUnion& u : demo_unions())
    if (u.region == "huian" && u.level == UnionLevel::grassroots)
      grassroots_parents.insert(union_by_key(u.parent_key).level);
  EXPECT_EQ(grassroots_parents,
            (std::set<UnionLevel>{UnionLevel::town, UnionLevel::park, UnionLevel::industry, UnionLevel::village}));
}

TEST(DemoUnions, DingxiHasItsDistrictAndSixCountiesSeed003) {
  const int dingxi = key_named("定西市总工会");
  ASSERT_NE(dingxi, 0);
  std::set<std::string> counties;
  for (const DemoUnion& u : children_of(dingxi)) {
    EXPECT_EQ(u.level, UnionLevel::town) << u.name;  // county-level federations stand at the town level
    counties.insert(u.name);
  }
  EXPECT_EQ(counties, (std::set<std::string>{"安定区总工会", "通渭县总工会", "陇西县总工会", "渭源县总工会",
                                             "临洮县总工会", "漳县总工会", "岷县总工会"}));
}

TEST(DemoUnions, AndingHasItsFiveIndustryUnionsAndItsSmallThreeLevels) {
  const int anding = key_named("安定区总工会");
  ASSERT_NE(anding, 0);
  std::vector<std::string> industries;
  int towns = 0, villages = 0;
  for (const DemoUnion& u : children_of(anding)) {
    if (u.level == UnionLevel::industry) industries.push_back(u.name);
    if (u.level != UnionLevel::town) continue;
    ++towns;
    EXPECT_TRUE(u.name.ends_with("镇总工会") || u.name.ends_with("乡总工会") || u.name.ends_with("街道总工会"))
        << u.name;
    for (const DemoUnion& v : children_of(u.key)) {
      EXPECT_EQ(v.level, UnionLevel::village) << v.name;
      ++villages;
    }
  }
  EXPECT_EQ(towns, 22);  // seed 003: 22个乡镇(街道)
  EXPECT_GE(villages, 2);
  // Seed 003: 保安、货车运输、快递、外卖配送、护工护理 — five industry unions.
  ASSERT_EQ(industries.size(), 5u);
  for (const char* trade : {"保安", "货车运输", "快递", "外卖配送", "护工护理"}) {
    int found = 0;
    for (const std::string& name : industries)
      if (name.find(trade) != std::string::npos) ++found;
    EXPECT_EQ(found, 1) << trade;
  }
  EXPECT_NE(key_named("通渭县东城社区工会联合会"), 0);  // seed 003's 东城社区
}

TEST(DemoUnions, MembersAreValidUniqueAndInHuianGrassrootsUnions) {
  const auto members = demo_members(28000);
  ASSERT_EQ(members.size(), 28000u);
  std::set<std::string> ids, phones, usernames;
  std::set<int> unions_used;
  for (const DemoMember& m : members) {
    EXPECT_EQ(check_id_number(m.id_number, LocalDate{2026, 12, 2}), IdNumberProblem::none) << m.id_number;
    EXPECT_EQ(m.id_number.substr(0, 4), "3505") << m.id_number;
    const auto born = id_birth_date(m.id_number);
    ASSERT_TRUE(born.has_value()) << m.id_number;
    EXPECT_GE(born->year, 1966);
    EXPECT_LE(born->year, 2006);
    EXPECT_TRUE(is_mobile_phone(m.phone)) << m.phone;
    EXPECT_TRUE(ids.insert(m.id_number).second) << "duplicate id " << m.id_number;
    EXPECT_TRUE(phones.insert(m.phone).second) << "duplicate phone " << m.phone;
    EXPECT_TRUE(usernames.insert(m.username).second) << "duplicate username " << m.username;
    EXPECT_FALSE(m.real_name.empty());
    EXPECT_LE(m.real_name.size(), 9u);  // at most three CJK characters of 3 UTF-8 bytes
    EXPECT_EQ(m.display_name, m.real_name);
    ASSERT_GE(m.union_key, 1);
    ASSERT_LE(m.union_key, static_cast<int>(demo_unions().size()));
    const DemoUnion& u = union_by_key(m.union_key);
    EXPECT_EQ(u.level, UnionLevel::grassroots) << m.username;
    EXPECT_EQ(u.region, "huian") << m.username;
    unions_used.insert(m.union_key);
  }
  EXPECT_EQ(unions_used.size(), 324u);  // 28,000 members reach every grassroots union
  EXPECT_EQ(members.front().username, "member00001");
}

/// The share of verified members.
double verified_fraction(const std::vector<DemoMember>& members) {
  std::size_t verified = 0;
  for (const DemoMember& m : members) verified += m.verified ? 1 : 0;
  return static_cast<double>(verified) / static_cast<double>(members.size());
}

TEST(DemoUnions, AboutLaixisShareOfMembersIsVerifiedSeed001) {
  EXPECT_NEAR(verified_fraction(demo_members(kDemoMemberCount)), 0.9168, 0.015);
  EXPECT_NEAR(verified_fraction(demo_members(28000)), 0.9168, 0.015);
  EXPECT_EQ(kDemoMemberCount, 3000u);
}

TEST(DemoUnions, MembersAreDeterministicAndLongerListsExtendShorterOnes) {
  const auto longer = demo_members(28000);
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{17}, std::size_t{3000}, std::size_t{27999}}) {
    const auto shorter = demo_members(n);
    ASSERT_EQ(shorter.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(shorter[i].username, longer[i].username) << i;
      ASSERT_EQ(shorter[i].real_name, longer[i].real_name) << i;
      ASSERT_EQ(shorter[i].id_number, longer[i].id_number) << i;
      ASSERT_EQ(shorter[i].phone, longer[i].phone) << i;
      ASSERT_EQ(shorter[i].union_key, longer[i].union_key) << i;
      ASSERT_EQ(shorter[i].verified, longer[i].verified) << i;
    }
  }
  // Another seed gives other people.
  EXPECT_NE(demo_members(10, 7)[0].id_number, demo_members(10)[0].id_number);
}

TEST(DemoUnions, StaffActForATownItsGrassrootsUnionASiblingTownAndAnding) {
  const auto& staff = demo_staff();
  ASSERT_EQ(staff.size(), 4u);
  const DemoUnion& town = union_by_key(staff[0].union_key);
  EXPECT_EQ(town.name, "螺城镇总工会");
  EXPECT_EQ(town.level, UnionLevel::town);
  const DemoUnion& grassroots = union_by_key(staff[1].union_key);
  EXPECT_EQ(grassroots.level, UnionLevel::grassroots);
  EXPECT_EQ(grassroots.parent_key, town.key);
  const DemoUnion& sibling = union_by_key(staff[2].union_key);
  EXPECT_EQ(sibling.level, UnionLevel::town);
  EXPECT_EQ(sibling.region, "huian");
  EXPECT_EQ(sibling.parent_key, town.parent_key);
  EXPECT_NE(sibling.key, town.key);
  EXPECT_EQ(union_by_key(staff[3].union_key).name, "安定区总工会");
  std::set<std::string> usernames;
  for (const DemoStaff& s : staff) {
    EXPECT_TRUE(usernames.insert(s.username).second) << s.username;
    EXPECT_FALSE(s.username.starts_with("member")) << s.username;
    EXPECT_TRUE(s.display_name.starts_with(union_by_key(s.union_key).name)) << s.display_name;
  }
}

}  // namespace
}  // namespace gongyou::demo
