// tests/core/public_holidays_test.cpp — the statutory holiday table: the embedded file reads without an error,
// a malformed line is reported (never silently misread), a year added to the text is picked up, and past the
// table's last year "PH" still works with the fixed-date holidays while holiday_table_reach() says it ended.
#include "core/public_holidays.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

#include "core/opening_hours.h"

namespace gongyou {
namespace {

using Days = std::initializer_list<std::pair<int, int>>;  // month, day

TEST(PublicHolidays, TheEmbeddedTableReadsCleanly) {
  const HolidayTable table = parse_holiday_table(china_public_holidays_text());
  for (const HolidayTableError& e : table.errors) ADD_FAILURE() << "line " << e.line << ": " << e.message;
  EXPECT_EQ(table.first_year, 2025);
  EXPECT_GE(table.last_year, 2026);
  EXPECT_TRUE(std::is_sorted(table.dates.begin(), table.dates.end()));
  EXPECT_TRUE(std::adjacent_find(table.dates.begin(), table.dates.end()) == table.dates.end());
  const HolidayCalendar china = china_public_holidays();
  EXPECT_EQ(china.last_year, table.last_year);
  EXPECT_EQ(china.dates.size(), table.dates.size());
}

TEST(PublicHolidays, BreaksSpanMonthEnds) {
  const HolidayTable table = parse_holiday_table("2025-01-28 8 春节\n");
  ASSERT_TRUE(table.errors.empty());
  ASSERT_EQ(table.dates.size(), 8u);
  EXPECT_EQ(table.dates.front(), (LocalDate{2025, 1, 28}));
  EXPECT_EQ(table.dates.back(), (LocalDate{2025, 2, 4}));
}

TEST(PublicHolidays, CommentsBlankLinesAndCrlfAreIgnored) {
  const HolidayTable table =
      parse_holiday_table("# a comment\r\n\r\n  2027-01-01  1  元旦  # New Year\r\n\t\n2027-05-01 2 劳动节\r\n");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.dates, (std::vector<LocalDate>{{2027, 1, 1}, {2027, 5, 1}, {2027, 5, 2}}));
  EXPECT_EQ(table.first_year, 2027);
  EXPECT_EQ(table.last_year, 2027);
}

TEST(PublicHolidays, MalformedLinesAreReportedWithTheirNumbers) {
  struct Case {
    const char* line;
    const char* message_part;
  };
  for (const Case& c : {Case{"2027-02-29 1 x", "date"}, Case{"2027-13-01 1 x", "date"}, Case{"27-01-01 1 x", "date"},
                        Case{"2027/01/01 1 x", "date"}, Case{"2027-01-01 0 x", "1 to 15"},
                        Case{"2027-01-01 16 x", "1 to 15"}, Case{"2027-01-01 two x", "1 to 15"},
                        Case{"2027-01-01 3", "name"}, Case{"2027-01-01", "1 to 15"}}) {
    const HolidayTable table = parse_holiday_table(std::string("2026-10-01 7 国庆节\n") + c.line + "\n");
    ASSERT_EQ(table.errors.size(), 1u) << c.line;
    EXPECT_EQ(table.errors[0].line, 2) << c.line;
    EXPECT_NE(table.errors[0].message.find(c.message_part), std::string::npos) << c.line << ": " << table.errors[0].message;
    EXPECT_EQ(table.dates.size(), 7u) << "the bad line adds nothing: " << c.line;
    EXPECT_EQ(table.last_year, 2026) << c.line;
  }
}

TEST(PublicHolidays, OverlapsOrderAndGapsAreErrors) {
  EXPECT_EQ(parse_holiday_table("2026-10-01 7 国庆节\n2026-10-05 1 x\n").errors.size(), 1u);  // overlaps
  EXPECT_EQ(parse_holiday_table("2026-10-01 7 国庆节\n2026-05-01 5 劳动节\n").errors.size(), 1u);  // out of order
  const HolidayTable gap = parse_holiday_table("2025-01-01 1 元旦\n2027-01-01 1 元旦\n");
  ASSERT_EQ(gap.errors.size(), 1u);
  EXPECT_NE(gap.errors[0].message.find("2026"), std::string::npos) << gap.errors[0].message;
  EXPECT_EQ(gap.last_year, 2025);
}

TEST(PublicHolidays, AYearAddedToTheTextIsUsed) {
  const std::string text = std::string(china_public_holidays_text()) + "\n2027-01-01 1 元旦\n";
  const HolidayTable table = parse_holiday_table(text);
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.last_year, 2027);
}

// Past the table only 元旦, 劳动节 and 国庆节 (全国年节及纪念日放假办法 Art. 2) are known: "PH" rules keep working.
TEST(PublicHolidays, PastTheTableTheFixedDateHolidaysCount) {
  const HolidayCalendar china = china_public_holidays();
  const int after = china.last_year + 1;
  for (const auto& [m, d] : Days{{1, 1}, {5, 1}, {5, 2}, {10, 1}, {10, 2}, {10, 3}})
    EXPECT_TRUE(china.contains({after, m, d})) << after << "-" << m << "-" << d;
  for (const auto& [m, d] : Days{{1, 2}, {5, 3}, {10, 4}, {12, 25}, {2, 28}})
    EXPECT_FALSE(china.contains({after, m, d})) << after << "-" << m << "-" << d;
  EXPECT_FALSE(china.contains({2028, 2, 29}));
  EXPECT_TRUE(china.contains({2031, 10, 1}));

  const auto parsed = parse_opening_hours("Mo-Su 09:00-17:00; PH off");
  const auto& schedule = std::get<OpeningSchedule>(parsed);
  EXPECT_FALSE(is_open_at(schedule, LocalDate{after, 10, 2}, LocalTime{10 * 60}, china));
  EXPECT_TRUE(is_open_at(schedule, LocalDate{after, 10, 4}, LocalTime{10 * 60}, china));
  EXPECT_TRUE(is_open_at(schedule, LocalDate{2028, 2, 29}, LocalTime{10 * 60}, china));
}

TEST(PublicHolidays, ACalendarWithoutATableHasNoHolidays) {
  const HolidayCalendar none;
  EXPECT_FALSE(none.contains({2026, 10, 1}));
  EXPECT_FALSE(none.contains({2031, 1, 1}));
  EXPECT_EQ(holiday_table_reach(none, {2026, 6, 1}), HolidayTableReach::ended);
}

TEST(PublicHolidays, ReachSaysWhenTheTableEnds) {
  const LocalDate dates[] = {{2026, 10, 1}, {2026, 10, 2}};
  const HolidayCalendar to_2026{dates, 2026, {}};
  EXPECT_EQ(holiday_table_reach(to_2026, {2026, 1, 1}), HolidayTableReach::covers);
  EXPECT_EQ(holiday_table_reach(to_2026, {2026, 11, 30}), HolidayTableReach::covers);  // 31 days left
  EXPECT_EQ(holiday_table_reach(to_2026, {2026, 12, 1}), HolidayTableReach::ends_soon);
  EXPECT_EQ(holiday_table_reach(to_2026, {2026, 12, 31}), HolidayTableReach::ends_soon);
  EXPECT_EQ(holiday_table_reach(to_2026, {2027, 1, 1}), HolidayTableReach::ended);
  EXPECT_EQ(holiday_table_reach(to_2026, {2031, 6, 2}), HolidayTableReach::ended);
}

}  // namespace
}  // namespace gongyou
