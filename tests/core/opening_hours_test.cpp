// tests/core/opening_hours_test.cpp — parsing opening hours (OSM syntax and its Chinese spelling) and "open now":
// every demo text, range ends, midnight, overnight ranges into the next day and over the week's end, closed days,
// holidays and date exceptions overriding the week, and malformed texts giving an error (never a crash).
#include "core/opening_hours.h"

#include <gtest/gtest.h>

#include <array>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include "tools/demo_data/huian_demo.h"

namespace gongyou {
namespace {

OpeningSchedule parse_ok(std::string_view text) {
  auto parsed = parse_opening_hours(text);
  if (auto* error = std::get_if<HoursError>(&parsed)) {
    ADD_FAILURE() << "'" << text << "': " << error->message << " at " << error->offset;
    return {};
  }
  return std::get<OpeningSchedule>(parsed);
}

HoursError parse_error(std::string_view text) {
  auto parsed = parse_opening_hours(text);
  if (auto* error = std::get_if<HoursError>(&parsed)) return *error;
  ADD_FAILURE() << "'" << text << "' parsed but should not";
  return {};
}

LocalTime at(int hour, int minute = 0) { return LocalTime{hour * 60 + minute}; }

// 2026-11-23 is a Monday; the week's dates by ISO weekday.
constexpr LocalDate kMon{2026, 11, 23}, kTue{2026, 11, 24}, kWed{2026, 11, 25}, kFri{2026, 11, 27}, kSat{2026, 11, 28},
    kSun{2026, 11, 29}, kNextMon{2026, 11, 30};

TEST(OpeningHours, TestWeekIsMondayToSunday) {
  EXPECT_EQ(iso_weekday(kMon), 1);
  EXPECT_EQ(iso_weekday(kSun), 7);
}

TEST(OpeningHours, EveryDemoTextParses) {
  for (const Site& site : demo::huian_sites()) {
    auto parsed = parse_opening_hours(site.hours);
    EXPECT_TRUE(std::holds_alternative<OpeningSchedule>(parsed)) << site.name << ": " << site.hours;
  }
}

TEST(OpeningHours, AlwaysOpen) {
  const auto s = parse_ok("24/7");
  for (LocalDate d : {kMon, kSat, kSun})
    for (int m : {0, 1, 720, 1439}) EXPECT_TRUE(is_open_at(s, d, LocalTime{m}));
}

TEST(OpeningHours, SeveralRangesADayWithHalfOpenEnds) {
  const auto s = parse_ok("Mo-Fr 08:00-12:00,14:30-17:30");
  EXPECT_FALSE(is_open_at(s, kMon, at(7, 59)));
  EXPECT_TRUE(is_open_at(s, kMon, at(8)));
  EXPECT_TRUE(is_open_at(s, kMon, at(11, 59)));
  EXPECT_FALSE(is_open_at(s, kMon, at(12)));  // the closing minute is closed
  EXPECT_FALSE(is_open_at(s, kMon, at(14, 29)));
  EXPECT_TRUE(is_open_at(s, kFri, at(14, 30)));
  EXPECT_FALSE(is_open_at(s, kFri, at(17, 30)));
  EXPECT_FALSE(is_open_at(s, kSat, at(10)));
  EXPECT_FALSE(is_open_at(s, kSun, at(10)));
}

TEST(OpeningHours, MidnightBoundaries) {
  const auto whole = parse_ok("Mo-Su 00:00-24:00");
  EXPECT_TRUE(is_open_at(whole, kMon, at(0)));
  EXPECT_TRUE(is_open_at(whole, kMon, at(23, 59)));
  const auto until_midnight = parse_ok("Mo 09:00-24:00");
  EXPECT_TRUE(is_open_at(until_midnight, kMon, at(23, 59)));
  EXPECT_FALSE(is_open_at(until_midnight, kTue, at(0)));  // 24:00 ends Monday; nothing spills
  const auto from_midnight = parse_ok("Tu 00:00-02:00");
  EXPECT_TRUE(is_open_at(from_midnight, kTue, at(0)));
  EXPECT_FALSE(is_open_at(from_midnight, kMon, at(23, 59)));
}

TEST(OpeningHours, OvernightRangeOpensIntoTheNextMorning) {
  const auto s = parse_ok("Mo-Fr 22:00-06:00");
  EXPECT_FALSE(is_open_at(s, kMon, at(3)));  // Sunday night is not selected
  EXPECT_TRUE(is_open_at(s, kMon, at(22)));
  EXPECT_TRUE(is_open_at(s, kTue, at(3)));
  EXPECT_TRUE(is_open_at(s, kFri, at(23, 59)));
  EXPECT_TRUE(is_open_at(s, kSat, at(0)));
  EXPECT_TRUE(is_open_at(s, kSat, at(5, 59)));
  EXPECT_FALSE(is_open_at(s, kSat, at(6)));
  EXPECT_FALSE(is_open_at(s, kSat, at(22)));
  // Every minute of the week against the plain reading: open 22:00-24:00 Mo-Fr and 00:00-06:00 Tu-Sa.
  for (int day = 0; day < 7; ++day) {
    const LocalDate date = add_days(kMon, day);
    for (int m = 0; m < 1440; ++m) {
      const bool expected = (day <= 4 && m >= 22 * 60) || (day >= 1 && day <= 5 && m < 6 * 60);
      ASSERT_EQ(is_open_at(s, date, LocalTime{m}), expected) << "day " << day << " minute " << m;
    }
  }
}

TEST(OpeningHours, OvernightOverTheWeeksEndAndTheYearsEnd) {
  const auto s = parse_ok("Su 22:00-02:00");
  EXPECT_TRUE(is_open_at(s, kSun, at(23)));
  EXPECT_TRUE(is_open_at(s, kNextMon, at(1, 59)));
  EXPECT_FALSE(is_open_at(s, kNextMon, at(2)));
  EXPECT_FALSE(is_open_at(s, kSat, at(1)));
  // 2028-12-31 is a Sunday: its night ends on 2029-01-01.
  ASSERT_EQ(iso_weekday({2028, 12, 31}), 7);
  EXPECT_TRUE(is_open_at(s, LocalDate{2029, 1, 1}, at(1)));
}

TEST(OpeningHours, ExtendedTimeIsTheSameAsWrapping) {
  EXPECT_EQ(parse_ok("Fr 18:00-26:00"), parse_ok("Fr 18:00-02:00"));
  const auto s = parse_ok("Fr 18:00-26:00");
  EXPECT_TRUE(is_open_at(s, kSat, at(1, 30)));
  EXPECT_FALSE(is_open_at(s, kSat, at(2)));
}

TEST(OpeningHours, WeekdayRangesWrapOverSunday) {
  const auto s = parse_ok("Sa-Mo 10:00-12:00");
  EXPECT_TRUE(is_open_at(s, kSat, at(10)));
  EXPECT_TRUE(is_open_at(s, kSun, at(10)));
  EXPECT_TRUE(is_open_at(s, kMon, at(10)));
  EXPECT_FALSE(is_open_at(s, kTue, at(10)));
}

TEST(OpeningHours, ClosedDays) {
  const auto tu_su = parse_ok("Tu-Su 09:00-21:00");
  EXPECT_FALSE(is_open_at(tu_su, kMon, at(10)));
  EXPECT_TRUE(is_open_at(tu_su, kTue, at(10)));
  const auto we_off = parse_ok("Mo-Su 08:00-20:00; We off");
  EXPECT_FALSE(is_open_at(we_off, kWed, at(10)));
  EXPECT_TRUE(is_open_at(we_off, kTue, at(10)));
  const auto lunch = parse_ok("Mo-Fr 08:00-18:00; We 12:00-14:00 off");
  EXPECT_TRUE(is_open_at(lunch, kWed, at(11)));
  EXPECT_FALSE(is_open_at(lunch, kWed, at(13)));
  EXPECT_TRUE(is_open_at(lunch, kWed, at(14)));
}

TEST(OpeningHours, LaterRuleReplacesTheDayAndLastNightsTail) {
  const auto replaced = parse_ok("Mo-Sa 10:00-20:00; Tu 10:00-14:00");
  EXPECT_FALSE(is_open_at(replaced, kTue, at(15)));
  EXPECT_TRUE(is_open_at(replaced, kWed, at(15)));
  EXPECT_FALSE(is_open_at(parse_ok("Fr 22:00-04:00; Sa off"), kSat, at(2)));
  EXPECT_TRUE(is_open_at(parse_ok("Sa off; Fr 22:00-04:00"), kSat, at(2)));
}

TEST(OpeningHours, AdditionalRuleAdds) {
  const auto s = parse_ok("Mo-Fr 08:00-12:00, We 14:00-16:00");
  EXPECT_TRUE(is_open_at(s, kWed, at(9)));
  EXPECT_TRUE(is_open_at(s, kWed, at(15)));
  EXPECT_FALSE(is_open_at(s, kTue, at(15)));
}

TEST(OpeningHours, PublicHolidaysOverrideTheWeek) {
  const HolidayCalendar china = china_public_holidays();
  const auto s = parse_ok("Mo-Fr 08:00-17:00; PH off");
  constexpr LocalDate kNationalDay{2026, 10, 1};  // a Thursday
  EXPECT_FALSE(is_open_at(s, kNationalDay, at(10), china));
  EXPECT_TRUE(is_open_at(s, kNationalDay, at(10)));  // no calendar given: an ordinary Thursday
  EXPECT_TRUE(is_open_at(s, LocalDate{2026, 10, 9}, at(10), china));
  const auto ph_hours = parse_ok("Mo-Fr 08:00-17:00; PH 10:00-12:00");
  EXPECT_FALSE(is_open_at(ph_hours, kNationalDay, at(9), china));
  EXPECT_TRUE(is_open_at(ph_hours, kNationalDay, at(11), china));
  const auto sat_ph = parse_ok("Sa,PH 09:00-12:00");
  EXPECT_TRUE(is_open_at(sat_ph, kNationalDay, at(9), china));
  EXPECT_FALSE(is_open_at(sat_ph, LocalDate{2026, 10, 8}, at(9), china));
}

TEST(OpeningHours, OpenThroughoutChecksAWholeSpanOfAnOrdinaryWeekday) {
  const auto hours = parse_ok("Mo-Fr 18:00-22:00; Sa,Su 09:00-21:00");
  EXPECT_TRUE(open_throughout(hours, 1, LocalTime{18 * 60}, LocalTime{22 * 60}));
  EXPECT_FALSE(open_throughout(hours, 2, LocalTime{9 * 60}, LocalTime{21 * 60})) << "site 12's old mismatch";
  EXPECT_TRUE(open_throughout(hours, 6, LocalTime{9 * 60}, LocalTime{21 * 60}));
  EXPECT_FALSE(open_throughout(hours, 6, LocalTime{9 * 60}, LocalTime{21 * 60 + 30})) << "past closing";
  EXPECT_FALSE(open_throughout(hours, 6, LocalTime{8 * 60 + 45}, LocalTime{10 * 60})) << "before opening";
  const auto lunch = parse_ok("Mo-Fr 08:30-12:00,14:30-17:30");
  EXPECT_FALSE(open_throughout(lunch, 3, LocalTime{9 * 60}, LocalTime{17 * 60})) << "closed over lunch";
  EXPECT_TRUE(open_throughout(parse_ok("24/7"), 7, LocalTime{0}, LocalTime{24 * 60}));
  EXPECT_FALSE(open_throughout(hours, 0, LocalTime{0}, LocalTime{60})) << "no weekday 0";
  EXPECT_FALSE(open_throughout(hours, 6, LocalTime{10 * 60}, LocalTime{10 * 60})) << "an empty span";
}

TEST(OpeningHours, ChinaHolidayCalendar) {
  const HolidayCalendar china = china_public_holidays();
  EXPECT_TRUE(std::is_sorted(china.dates.begin(), china.dates.end()));
  EXPECT_TRUE(std::adjacent_find(china.dates.begin(), china.dates.end()) == china.dates.end());
  for (LocalDate d : china.dates) EXPECT_TRUE(is_valid(d));
  EXPECT_TRUE(china.contains({2025, 2, 4}));   // the last day of 2025's Spring Festival break
  EXPECT_TRUE(china.contains({2026, 2, 23}));  // the last day of 2026's
  EXPECT_TRUE(china.contains({2026, 10, 7}));
  EXPECT_FALSE(china.contains({2026, 10, 8}));
  EXPECT_FALSE(china.contains({2026, 2, 14}));
}

// Every day off of 2026, from the State Council General Office's notice of 2025-11-04 (国办发明电〔2025〕7号,
// 国务院办公厅关于2026年部分节假日安排的通知): 元旦 1/1-3, 春节 2/15-23, 清明 4/4-6, 劳动节 5/1-5, 端午 6/19-21,
// 中秋 9/25-27, 国庆 10/1-7. The make-up working days (1/4, 2/14, 2/28, 5/9, 9/20, 10/10) are not days off.
TEST(OpeningHours, China2026HolidaysAreExactlyTheNotices) {
  const HolidayCalendar china = china_public_holidays();
  std::vector<LocalDate> expected;
  for (const auto& [m, first, last] : std::initializer_list<std::array<int, 3>>{
           {1, 1, 3}, {2, 15, 23}, {4, 4, 6}, {5, 1, 5}, {6, 19, 21}, {9, 25, 27}, {10, 1, 7}})
    for (int d = first; d <= last; ++d) expected.push_back({2026, m, d});
  std::vector<LocalDate> actual;
  for (LocalDate d : china.dates)
    if (d.year == 2026) actual.push_back(d);
  EXPECT_EQ(actual, expected);
  for (LocalDate workday : std::initializer_list<LocalDate>{
           {2026, 1, 4}, {2026, 2, 14}, {2026, 2, 28}, {2026, 5, 9}, {2026, 9, 20}, {2026, 10, 10}})
    EXPECT_FALSE(china.contains(workday));
}

TEST(OpeningHours, DateExceptions) {
  const auto christmas = parse_ok("Mo-Su 08:00-20:00; Dec 25 off");
  EXPECT_FALSE(is_open_at(christmas, LocalDate{2026, 12, 25}, at(10)));
  EXPECT_TRUE(is_open_at(christmas, LocalDate{2026, 12, 24}, at(10)));
  const auto golden_week = parse_ok("Mo-Su 08:00-20:00; 2026 Oct 01-2026 Oct 07 off");
  EXPECT_FALSE(is_open_at(golden_week, LocalDate{2026, 10, 7}, at(10)));
  EXPECT_TRUE(is_open_at(golden_week, LocalDate{2026, 10, 8}, at(10)));
  EXPECT_TRUE(is_open_at(golden_week, LocalDate{2027, 10, 3}, at(10)));  // another year
  EXPECT_EQ(parse_ok("Oct 01-07 off"), parse_ok("10月1日至7日 休息"));
  const auto winter = parse_ok("Dec 20-Jan 05 10:00-12:00");
  EXPECT_TRUE(is_open_at(winter, LocalDate{2026, 12, 31}, at(11)));
  EXPECT_TRUE(is_open_at(winter, LocalDate{2027, 1, 5}, at(11)));
  EXPECT_FALSE(is_open_at(winter, LocalDate{2027, 1, 6}, at(11)));
  const auto winter_closed = parse_ok("Mo-Su 09:00-17:00; Jan-Feb off");
  EXPECT_FALSE(is_open_at(winter_closed, LocalDate{2027, 2, 28}, at(10)));
  EXPECT_TRUE(is_open_at(winter_closed, LocalDate{2027, 3, 1}, at(10)));
  const auto weekends_in_october = parse_ok("Oct Sa,Su 10:00-12:00");
  EXPECT_TRUE(is_open_at(weekends_in_october, LocalDate{2026, 10, 10}, at(10)));   // a Saturday
  EXPECT_FALSE(is_open_at(weekends_in_october, LocalDate{2026, 10, 12}, at(10)));  // a Monday
  EXPECT_FALSE(is_open_at(weekends_in_october, kSat, at(10)));                     // November
}

TEST(OpeningHours, ChineseSpellingReadsAsTheOsmRules) {
  EXPECT_EQ(parse_ok("周一至周五 19:00-21:00；周六 09:00-11:30"), parse_ok("Mo-Fr 19:00-21:00; Sa 09:00-11:30"));
  EXPECT_EQ(parse_ok("每天 22:00-次日06:00"), parse_ok("Mo-Su 22:00-06:00"));
  EXPECT_EQ(parse_ok("星期一到星期六 8:30-12:00，14:30-17:30；星期日、法定节假日休息"),
            parse_ok("Mo-Sa 08:30-12:00,14:30-17:30; Su,PH off"));
  EXPECT_EQ(parse_ok("工作日 09：00-17：00；周末 全天"), parse_ok("Mo-Fr 09:00-17:00; Sa,Su 00:00-24:00"));
  EXPECT_EQ(parse_ok("24小时"), parse_ok("00:00-24:00"));
  EXPECT_EQ(parse_ok("mo-fr 08:00-09:00 OFF"), parse_ok("Mo-Fr 08:00-09:00 off"));
  EXPECT_EQ(parse_ok("Mo-Fr 08:00-12:00 \"lunch break\"; Sa off"), parse_ok("Mo-Fr 08:00-12:00; Sa off"));
}

TEST(OpeningHours, ShanghaiInstant) {
  const auto s = parse_ok("Tu 00:00-01:00");
  const auto instant = parse_iso8601("2026-11-23T16:30:00Z");  // Tuesday 00:30 in Shanghai
  ASSERT_TRUE(instant);
  EXPECT_TRUE(is_open_at(s, *instant));
  EXPECT_FALSE(is_open_at(s, UtcSeconds{instant->value + 3600}));
}

TEST(OpeningHours, MalformedTextIsAClearError) {
  const std::string_view bad[] = {
      "",
      "   ",
      "Mo-Fr 08:00",
      "Mo-Fr 08:00-",
      "Mo-Xx 08:00-09:00",
      "08:00-08:00",
      "Mo-Fr 25:00-26:00",
      "Mo-Fr 08:00-49:00",
      "Mo-Fr 08:00-12:00 || Sa 10:00-12:00",
      "周八 09:00-10:00",
      "Feb 30 off",
      "Mo-Fr 8:0-9:00",
      "sunrise-sunset",
      "10:00+",
      "Mo,",
      "Mo-Fr 08:00-12:00,",
      "Mo \"unclosed",
      "2026 Oct 07-2026 Oct 01 off",
      "Oct 01-2026 Oct 07 off",
      "\xff\xfe",
      std::string_view("Mo\0Fr", 5),
      "Mo-Fr 08:00-12:00 Sa",
      "13月1日 off",
      "Mo-Fr 123:00-124:00",
      "Mo-Fr 09:00-17:00; ;",
      "Mo-",
      "Sa[1] 10:00-12:00",
      "week 01-53 Mo 10:00-12:00",
      "Mo-Fr 09:00-次日25:00",
      "1969 Jan 01 off",
  };
  for (std::string_view text : bad) {
    const HoursError error = parse_error(text);
    EXPECT_FALSE(error.message.empty()) << text;
    EXPECT_LE(error.offset, text.size()) << text;
  }
  EXPECT_EQ(parse_error("Mo-Fr 08:00-12:00 || Sa").message, "fallback rules (\"||\") are not supported");
  EXPECT_EQ(parse_error("Mo-Xx 08:00").offset, 3u);
}

TEST(OpeningHours, RandomTextNeverCrashes) {
  // Token soup and raw bytes: every text either parses or gives an error inside the text.
  const std::string_view pieces[] = {"Mo", "-",   "Fr",   " ",    "08:00", "24:00", ",",    ";",  "off",
                                     "PH", "Oct", "01",   "2026", "周一",  "至",    "次日", "、", "全天",
                                     "\"", "|",   "24/7", "月",   "日",    "：",    "9"};
  std::mt19937 rng(12345);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      if (rng() % 8 == 0)
        text += static_cast<char>(rng() % 256);
      else
        text += pieces[rng() % std::size(pieces)];
    }
    const auto parsed = parse_opening_hours(text);
    if (const auto* error = std::get_if<HoursError>(&parsed)) {
      ASSERT_LE(error->offset, text.size()) << text;
      ASSERT_FALSE(error->message.empty()) << text;
    } else {
      for (int m = 0; m < 1440; m += 97) (void)is_open_at(std::get<OpeningSchedule>(parsed), kMon, LocalTime{m});
    }
  }
}

}  // namespace
}  // namespace gongyou
