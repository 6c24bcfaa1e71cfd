// tests/core/wish_test.cpp — core/wish.h and core/hotlines.h: the masked name the wall shows, the text rules, wire
// names, and every hotline's hours parse with "open now" on a fixed clock (a weekday, a weekend, a holiday).
#include <gtest/gtest.h>

#include <variant>

#include "core/hotlines.h"
#include "core/wish.h"

namespace gongyou {
namespace {

TEST(WishTest, TheWallShowsTheSurnameAndShifuNeverTheName) {
  EXPECT_EQ(wisher_display_name("张三"), "张师傅");
  EXPECT_EQ(wisher_display_name("林晓燕"), "林师傅");
  EXPECT_EQ(wisher_display_name("欧阳娜娜"), "欧阳师傅");
  EXPECT_EQ(wisher_display_name("欧阳"), "欧师傅") << "a two-character name is a surname and a given name";
  EXPECT_EQ(wisher_display_name(""), "工友");
  EXPECT_EQ(wisher_display_name("rider_wang"), "工友");
  EXPECT_EQ(wisher_display_name("\xff\xfe"), "工友");
}

TEST(WishTest, TextRules) {
  EXPECT_FALSE(wish_text_problem("一个新书包", kWishTitleMaxChars, false));
  EXPECT_TRUE(wish_text_problem("  \n ", kWishTitleMaxChars, false));
  EXPECT_TRUE(wish_text_problem("书\n包", kWishTitleMaxChars, false)) << "a title is one line";
  EXPECT_FALSE(wish_text_problem("第一行\n第二行", kWishStoryMaxChars, true));
  EXPECT_TRUE(wish_text_problem(std::string(41, 'a'), kWishTitleMaxChars, false));
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "包";
  EXPECT_FALSE(wish_text_problem(forty, kWishTitleMaxChars, false)) << "characters, not bytes";
  EXPECT_TRUE(wish_text_problem(forty + "包", kWishTitleMaxChars, false));
  EXPECT_TRUE(wish_text_problem("\xc3\x28", kWishTitleMaxChars, false));
}

TEST(WishTest, WireNamesRoundTrip) {
  for (const WishStatus s : {WishStatus::pending, WishStatus::open, WishStatus::rejected, WishStatus::claimed,
                             WishStatus::fulfilled})
    EXPECT_EQ(parse_wish_status(wish_status_name(s)), s);
  for (const WishCategory c : kWishCategories) EXPECT_EQ(parse_wish_category(wish_category_name(c)), c);
  EXPECT_FALSE(parse_wish_status("approved"));
  EXPECT_FALSE(wish_is_public(WishStatus::pending));
  EXPECT_FALSE(wish_is_public(WishStatus::rejected));
  EXPECT_TRUE(wish_is_public(WishStatus::claimed));
  EXPECT_EQ(parse_wish_decision("approve"), WishDecision::approve);
  EXPECT_FALSE(parse_wish_decision("take_down"));
}

TEST(HotlineTest, EveryLineParsesAndHasATelLink) {
  ASSERT_EQ(hotlines().size(), 5u);
  for (const Hotline& line : hotlines()) {
    EXPECT_TRUE(std::holds_alternative<OpeningSchedule>(parse_opening_hours(line.hours))) << line.key;
    EXPECT_EQ(tel_uri(line.number).substr(0, 8), "tel:0595") << line.key;
    EXPECT_EQ(tel_uri(line.number).size(), 4u + 12u) << line.key;
  }
  EXPECT_EQ(tel_uri("+86 138-0000-1111"), "tel:+8613800001111");
  ASSERT_NE(find_hotline("counselling"), nullptr);
  EXPECT_TRUE(find_hotline("counselling")->counselling);
  EXPECT_EQ(find_hotline("nope"), nullptr);
}

TEST(HotlineTest, OpenNowByAFixedClock) {
  const HolidayCalendar holidays = china_public_holidays();
  const Hotline& legal = *find_hotline("legal");
  const Hotline& care = *find_hotline("care");
  const Hotline& culture = *find_hotline("culture");
  const auto at = [](LocalDate d, int h, int m) { return to_utc(d, LocalTime{h * 60 + m}); };
  EXPECT_TRUE(hotline_open_at(legal, at({2026, 12, 1}, 9, 0), holidays));    // a Tuesday morning
  EXPECT_FALSE(hotline_open_at(legal, at({2026, 12, 1}, 13, 0), holidays));  // the lunch break
  EXPECT_FALSE(hotline_open_at(legal, at({2026, 12, 5}, 9, 0), holidays));   // a Saturday
  EXPECT_TRUE(hotline_open_at(culture, at({2026, 12, 5}, 9, 0), holidays));
  EXPECT_FALSE(hotline_open_at(culture, at({2026, 10, 1}, 10, 0), holidays)) << "National Day";
  EXPECT_TRUE(hotline_open_at(care, at({2026, 10, 1}, 10, 0), holidays)) << "the care line answers every day";
  EXPECT_FALSE(hotline_open_at(care, at({2026, 12, 1}, 22, 0), holidays));
}

}  // namespace
}  // namespace gongyou
