// tests/core/site_type_test.cpp — the site type table: complete, in enum order, ids and lookups consistent.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/site_type.h"

namespace gongyou {
namespace {

TEST(SiteTypes, AllFourteenInEnumOrder) {
  const auto types = all_site_types();
  ASSERT_EQ(types.size(), 14u);
  for (std::size_t i = 0; i < types.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(types[i].type), i);
    EXPECT_EQ(&info(types[i].type), &types[i]);
  }
  EXPECT_EQ(types.front().type, SiteType::service_center);
  EXPECT_EQ(types.back().type, SiteType::council);
}

TEST(SiteTypes, IdsNamesAndColorsAreUniqueAndFilled) {
  std::set<std::string_view> ids, names_zh, names_en, icons;
  std::set<std::uint32_t> colors;
  for (const auto& t : all_site_types()) {
    EXPECT_FALSE(t.id.empty());
    EXPECT_FALSE(t.name_zh.empty());
    EXPECT_FALSE(t.name_en.empty());
    EXPECT_EQ(t.icon.size(), 3u) << t.id << ": the icon is one CJK character (3 bytes of UTF-8)";
    EXPECT_LE(t.color_rgb, 0xFFFFFFu);
    ids.insert(t.id);
    names_zh.insert(t.name_zh);
    names_en.insert(t.name_en);
    icons.insert(t.icon);
    colors.insert(t.color_rgb);
  }
  const std::size_t n = all_site_types().size();
  EXPECT_EQ(ids.size(), n);
  EXPECT_EQ(names_zh.size(), n);
  EXPECT_EQ(names_en.size(), n);
  EXPECT_EQ(icons.size(), n);
  EXPECT_EQ(colors.size(), n);
}

TEST(SiteTypes, LookupByIdRoundTrips) {
  for (const auto& t : all_site_types()) {
    auto found = site_type_from_id(t.id);
    ASSERT_TRUE(found.has_value()) << t.id;
    EXPECT_EQ(*found, t.type);
  }
  EXPECT_EQ(site_type_from_id("workers_home"), SiteType::workers_home);
  EXPECT_EQ(info(SiteType::bookstore).name_zh, "职工书屋");
}

TEST(SiteTypes, UnknownIdsAreRejected) {
  for (std::string_view bad : {"", "Bookstore", "bookstore ", "book", "职工书屋", "service-center"})
    EXPECT_FALSE(site_type_from_id(bad).has_value()) << "'" << bad << "'";
}

}  // namespace
}  // namespace gongyou
