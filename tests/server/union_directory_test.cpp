// tests/server/union_directory_test.cpp — the union tree in memory: pre-order numbering, "at or below" for staff
// scope (a sibling is never inside), the path to the root, search by name and pinyin initials, and subtree member
// counts from direct counts.
#include "server/unions/union_directory.h"

#include <gtest/gtest.h>

namespace gongyou::server {
namespace {

UnionRecord node(int id, int parent, const char* name, UnionLevel level) {
  return UnionRecord{UnionId{id}, parent ? std::optional(UnionId{parent}) : std::nullopt, name, level, "huian"};
}

UnionDirectory sample() {
  // 1 惠安县总工会 → 2 螺城镇总工会 → 4 城南社区工会 → 6 石雕公司工会; 2 → 5 鞋业公司工会; 1 → 3 崇武镇总工会 → 7 渔业公司工会
  return UnionDirectory(UnionDirectory::numbered({
      node(7, 3, "崇武渔业公司工会", UnionLevel::grassroots),
      node(1, 0, "惠安县总工会", UnionLevel::federation),
      node(2, 1, "螺城镇总工会", UnionLevel::town),
      node(3, 1, "崇武镇总工会", UnionLevel::town),
      node(4, 2, "城南社区工会", UnionLevel::village),
      node(5, 2, "螺城鞋业公司工会", UnionLevel::grassroots),
      node(6, 4, "螺城石雕公司工会", UnionLevel::grassroots),
  }));
}

TEST(UnionDirectory, NumbersTheTreeInPreOrder) {
  const auto numbered = UnionDirectory::numbered({node(3, 1, "c", UnionLevel::town), node(1, 0, "a", UnionLevel::federation),
                                                  node(2, 1, "b", UnionLevel::town), node(4, 2, "d", UnionLevel::grassroots)});
  ASSERT_EQ(numbered.size(), 4u);
  EXPECT_EQ(numbered[0].tree_first, 0);  // 1
  EXPECT_EQ(numbered[0].tree_last, 3);
  EXPECT_EQ(numbered[1].tree_first, 1);  // 2
  EXPECT_EQ(numbered[1].tree_last, 2);
  EXPECT_EQ(numbered[3].tree_first, 2);  // 4
  EXPECT_EQ(numbered[2].tree_first, 3);  // 3
}

TEST(UnionDirectory, ASiblingIsNeverWithinAndTheTopAlwaysIs) {
  const UnionDirectory tree = sample();
  EXPECT_TRUE(tree.within(UnionId{6}, UnionId{2}));
  EXPECT_TRUE(tree.within(UnionId{2}, UnionId{2}));
  EXPECT_TRUE(tree.within(UnionId{7}, UnionId{1}));
  EXPECT_FALSE(tree.within(UnionId{7}, UnionId{2}));
  EXPECT_FALSE(tree.within(UnionId{6}, UnionId{3}));
  EXPECT_FALSE(tree.within(UnionId{2}, UnionId{6}));
  EXPECT_FALSE(tree.within(UnionId{99}, UnionId{1}));
}

TEST(UnionDirectory, ChildrenAncestorsAndSearch) {
  const UnionDirectory tree = sample();
  ASSERT_EQ(tree.roots().size(), 1u);
  EXPECT_EQ(tree.children(UnionId{2}).size(), 2u);
  const auto path = tree.ancestors(UnionId{6});
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[0]->name, "惠安县总工会");
  EXPECT_EQ(path[2]->name, "城南社区工会");
  const auto by_name = tree.search({"石雕", std::nullopt, std::nullopt, "", 50});
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0]->id, UnionId{6});
  const auto by_initials = tree.search({"lc", std::nullopt, std::nullopt, "", 50});
  EXPECT_EQ(by_initials.size(), 3u);  // 螺城镇总工会, 螺城鞋业…, 螺城石雕…
  const auto grassroots_of_chongwu = tree.search({"", UnionId{3}, UnionLevel::grassroots, "", 50});
  ASSERT_EQ(grassroots_of_chongwu.size(), 1u);
  EXPECT_EQ(grassroots_of_chongwu[0]->id, UnionId{7});
  EXPECT_TRUE(tree.search({"lc", UnionId{3}, std::nullopt, "", 50}).empty());
}

TEST(UnionDirectory, SubtreeMemberCountsAddUpTheDirectOnes) {
  const UnionDirectory tree = sample();
  const std::vector<std::pair<UnionId, std::int64_t>> direct{{UnionId{5}, 10}, {UnionId{6}, 4}, {UnionId{7}, 3}};
  const auto counts = tree.subtree_member_counts(direct);
  EXPECT_EQ(counts.at(UnionId{1}), 17);
  EXPECT_EQ(counts.at(UnionId{2}), 14);
  EXPECT_EQ(counts.at(UnionId{4}), 4);
  EXPECT_EQ(counts.at(UnionId{3}), 3);
  EXPECT_EQ(counts.at(UnionId{6}), 4);
}

}  // namespace
}  // namespace gongyou::server
