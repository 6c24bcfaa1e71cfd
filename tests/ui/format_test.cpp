// tests/ui/format_test.cpp — the panel's words for distances, walking times and opening hours.
#include <gtest/gtest.h>

#include "ui/format.h"
#include "ui/i18n.h"

namespace gongyou::ui {
namespace {

class Format : public ::testing::Test {
 protected:
  void SetUp() override { set_language(Language::zh_CN); }
  void TearDown() override { set_language(Language::zh_CN); }
  char buffer[64];
};

TEST_F(Format, DistanceInMetresRoundedToTensThenKilometres) {
  EXPECT_STREQ(format_distance(Metres{0}, buffer, sizeof buffer), "0 米");
  EXPECT_STREQ(format_distance(Metres{347}, buffer, sizeof buffer), "350 米");
  EXPECT_STREQ(format_distance(Metres{1234}, buffer, sizeof buffer), "1.2 公里");
  set_language(Language::en);
  EXPECT_STREQ(format_distance(Metres{1234}, buffer, sizeof buffer), "1.2 km");
}

TEST_F(Format, WalkIsAtLeastOneMinuteAndRoundsUp) {
  EXPECT_STREQ(format_walk(Minutes{0}, buffer, sizeof buffer), "步行 1 分钟");
  EXPECT_STREQ(format_walk(Minutes{6.2}, buffer, sizeof buffer), "步行 7 分钟");
}

TEST_F(Format, AWalkOfMoreThanTwoHoursIsNotWorthStating) {
  EXPECT_TRUE(walk_worth_showing(Minutes{15}));
  EXPECT_TRUE(walk_worth_showing(Minutes{120}));
  EXPECT_FALSE(walk_worth_showing(Minutes{120.5}));
  EXPECT_FALSE(walk_worth_showing(Minutes{1480}));  // a station 91 km away, at national scale
}

TEST_F(Format, IntervalInShanghaiTimeInEitherLanguage) {
  const UtcSeconds start{1795654800};  // 2026-11-26 01:00 UTC, a Thursday: 09:00 in Shanghai
  const UtcSeconds end{start.value + 5400};
  EXPECT_STREQ(format_interval(start, end).c_str(), "11月26日 周四 09:00–10:30");
  EXPECT_STREQ(format_day(LocalDate{2026, 1, 1}).c_str(), "1月1日 周四");
  set_language(Language::en);
  EXPECT_STREQ(format_interval(start, end).c_str(), "Thu 26 Nov 09:00–10:30");
}

TEST_F(Format, OpeningHoursInChinese) {
  EXPECT_EQ(format_opening_hours("Mo-Su 09:00-21:00"), "每天 09:00-21:00");
  EXPECT_EQ(format_opening_hours("Tu-Su 09:00-21:00"), "周二至周日 09:00-21:00");
  EXPECT_EQ(format_opening_hours("Mo-Fr 08:30-12:00,14:30-17:30"), "周一至周五 08:30-12:00、14:30-17:30");
  EXPECT_EQ(format_opening_hours("24/7"), "全天开放");
  EXPECT_EQ(format_opening_hours("Mo-Sa 08:00-18:00; PH off"), "周一至周六 08:00-18:00；节假日 休息");
  EXPECT_EQ(format_opening_hours(""), "");
}

TEST_F(Format, OpeningHoursInEnglish) {
  set_language(Language::en);
  EXPECT_EQ(format_opening_hours("Tu-Su 09:00-21:00"), "Tue-Sun 09:00-21:00");
  EXPECT_EQ(format_opening_hours("24/7"), "Open 24/7");
}

TEST_F(Format, UnknownTokensAreKeptNotLost) {
  EXPECT_EQ(format_opening_hours("sunrise-sunset"), "sunrise-sunset");
}

TEST(I18n, EveryTextHasBothLanguagesAndTypesHaveNames) {
  for (int i = 0; i <= static_cast<int>(Text::fb_other); ++i) {
    set_language(Language::zh_CN);
    const std::string zh = tr(static_cast<Text>(i));
    set_language(Language::en);
    const std::string en = tr(static_cast<Text>(i));
    EXPECT_FALSE(zh.empty());
    EXPECT_FALSE(en.empty());
  }
  set_language(Language::zh_CN);
  EXPECT_EQ(type_name(SiteType::love_station), "爱心驿站");
  EXPECT_EQ(facility_name("toilet"), "卫生间");
  EXPECT_EQ(facility_name("unknown_thing"), "unknown_thing");
}

}  // namespace
TEST(Utf8Prefix, CutsWholeCharactersAndSaysSo) {
  char out[64];
  EXPECT_STREQ(utf8_prefix("李华", 8, out, sizeof out), "李华");
  EXPECT_STREQ(utf8_prefix("欧阳娜娜娜娜娜娜娜", 4, out, sizeof out), "欧阳娜娜…");
  EXPECT_STREQ(utf8_prefix("Li Hua", 2, out, sizeof out), "Li…");
  EXPECT_STREQ(utf8_prefix("", 3, out, sizeof out), "");
  EXPECT_STREQ(utf8_prefix("李\xE5\x8A", 8, out, sizeof out), "李…") << "a broken sequence ends the text";
  EXPECT_STREQ(utf8_prefix("李华", 0, out, sizeof out), "…");
}

}  // namespace gongyou::ui
