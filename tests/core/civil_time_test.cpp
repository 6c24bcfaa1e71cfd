// tests/core/civil_time_test.cpp — calendar round trips 1970..2100, ISO weekdays, the UTC/Asia-Shanghai day
// shift, ISO-8601 formatting and parsing (including a table of inputs that must be rejected).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

TEST(CivilDays, EpochAndKnownDayCounts) {
  EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
  EXPECT_EQ(days_since_epoch({1970, 1, 2}), 1);
  EXPECT_EQ(days_since_epoch({1969, 12, 31}), -1);
  EXPECT_EQ(days_since_epoch({2000, 1, 1}), 10'957);
  EXPECT_EQ(days_since_epoch({2000, 3, 1}), 11'017);
  EXPECT_EQ(date_from_days(11'016), (LocalDate{2000, 2, 29}));
  EXPECT_EQ(date_from_days(-1), (LocalDate{1969, 12, 31}));
}

TEST(CivilDays, EveryDayFrom1970To2100RoundTripsAndIsConsecutive) {
  const std::int64_t first = days_since_epoch({1970, 1, 1});
  const std::int64_t last = days_since_epoch({2100, 12, 31});
  LocalDate previous = date_from_days(first - 1);
  int previous_weekday = iso_weekday(previous);
  for (std::int64_t d = first; d <= last; ++d) {
    const LocalDate date = date_from_days(d);
    ASSERT_TRUE(is_valid(date)) << format_date(date);
    ASSERT_EQ(days_since_epoch(date), d) << format_date(date);
    ASSERT_EQ(add_days(previous, 1), date) << format_date(previous);
    ASSERT_EQ(add_days(date, -1), previous) << format_date(date);
    ASSERT_LT(previous, date);
    ASSERT_EQ(iso_weekday(date), previous_weekday % 7 + 1) << format_date(date);
    ASSERT_EQ(parse_date(format_date(date)), date) << format_date(date);
    previous = date;
    previous_weekday = iso_weekday(date);
  }
  EXPECT_EQ(last - first + 1, 131 * 365 + 32);  // 1972..2096 give 32 leap days; 2100 is not a leap year
}

TEST(CivilDays, LeapYearRules) {
  EXPECT_TRUE(is_valid({2000, 2, 29}));   // divisible by 400
  EXPECT_FALSE(is_valid({2100, 2, 29}));  // divisible by 100, not 400
  EXPECT_TRUE(is_valid({2024, 2, 29}));
  EXPECT_FALSE(is_valid({2026, 2, 29}));
  EXPECT_EQ(add_days({2000, 2, 28}, 1), (LocalDate{2000, 2, 29}));
  EXPECT_EQ(add_days({2000, 2, 29}, 1), (LocalDate{2000, 3, 1}));
  EXPECT_EQ(add_days({2100, 2, 28}, 1), (LocalDate{2100, 3, 1}));
  EXPECT_EQ(add_days({2100, 3, 1}, -1), (LocalDate{2100, 2, 28}));
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (LocalDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2026, 1, 1}, 365), (LocalDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2028, 1, 1}, 366), (LocalDate{2029, 1, 1}));
}

TEST(CivilDays, IsValidRejectsOutOfRangeFields) {
  EXPECT_FALSE(is_valid({2026, 0, 1}));
  EXPECT_FALSE(is_valid({2026, 13, 1}));
  EXPECT_FALSE(is_valid({2026, 1, 0}));
  EXPECT_FALSE(is_valid({2026, 1, 32}));
  EXPECT_FALSE(is_valid({2026, 4, 31}));
  EXPECT_FALSE(is_valid({2026, 2, 30}));
  EXPECT_FALSE(is_valid({1969, 12, 31}));
  EXPECT_FALSE(is_valid({10000, 1, 1}));
  EXPECT_TRUE(is_valid({9999, 12, 31}));
}

TEST(IsoWeekday, KnownDates) {
  EXPECT_EQ(iso_weekday({1970, 1, 1}), 4);  // Thursday
  EXPECT_EQ(iso_weekday({2000, 1, 1}), 6);  // Saturday
  EXPECT_EQ(iso_weekday({2000, 2, 29}), 2);  // Tuesday
  EXPECT_EQ(iso_weekday({2026, 11, 23}), 1);  // Monday
  EXPECT_EQ(iso_weekday({2026, 11, 24}), 2);
  EXPECT_EQ(iso_weekday({2026, 11, 29}), 7);  // Sunday
  EXPECT_EQ(iso_weekday({2100, 3, 1}), 1);
  EXPECT_EQ(iso_weekday({1969, 12, 29}), 1);  // before the epoch too
}

TEST(ShanghaiTime, EveningUtcIsTheNextShanghaiDay) {
  // The day-shift trap (Easy!Appointments #961, nextcloud/calendar #6407): 17:30Z is 01:30 next day in Shanghai.
  const auto t = parse_iso8601("2026-11-23T17:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(shanghai_date(*t), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(shanghai_time(*t), LocalTime{90});
  EXPECT_EQ(iso_weekday(shanghai_date(*t)), 2);
  EXPECT_EQ(format_iso8601(*t), "2026-11-24T01:30:00+08:00");
  // 16:00Z is exactly Shanghai midnight; one second earlier is still the previous day.
  EXPECT_EQ(shanghai_date(*parse_iso8601("2026-11-23T16:00:00Z")), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(shanghai_date(*parse_iso8601("2026-11-23T15:59:59Z")), (LocalDate{2026, 11, 23}));
}

TEST(ShanghaiTime, EarlyShanghaiSlotIsThePreviousUtcDay) {
  const UtcSeconds t = to_utc({2026, 11, 24}, LocalTime{30});  // 00:30 Shanghai
  EXPECT_EQ(t, *parse_iso8601("2026-11-23T16:30:00Z"));
  EXPECT_EQ(format_iso8601(t), "2026-11-24T00:30:00+08:00");
  EXPECT_EQ(shanghai_date(t), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(shanghai_time(t), LocalTime{30});
}

TEST(ShanghaiTime, ToUtcAndBackForEveryMinuteOfADayAndEndOfDay) {
  for (int m = 0; m < kMinutesPerDay; ++m) {
    const UtcSeconds t = to_utc({2000, 2, 29}, LocalTime{m});
    ASSERT_EQ(shanghai_date(t), (LocalDate{2000, 2, 29}));
    ASSERT_EQ(shanghai_time(t), LocalTime{m});
  }
  EXPECT_EQ(to_utc({2000, 2, 29}, LocalTime{kMinutesPerDay}), to_utc({2000, 3, 1}, LocalTime{0}));
  EXPECT_EQ(to_utc({1970, 1, 1}, LocalTime{8 * 60}), UtcSeconds{0});
  EXPECT_EQ(shanghai_date(UtcSeconds{0}), (LocalDate{1970, 1, 1}));
  EXPECT_EQ(shanghai_time(UtcSeconds{0}), LocalTime{8 * 60});
  EXPECT_EQ(shanghai_date(UtcSeconds{-8 * 3600 - 1}), (LocalDate{1969, 12, 31}));
  EXPECT_EQ(shanghai_time(UtcSeconds{-8 * 3600 - 1}), LocalTime{kMinutesPerDay - 1});
}

TEST(Iso8601, FormatKnownInstants) {
  EXPECT_EQ(format_iso8601(UtcSeconds{0}), "1970-01-01T08:00:00+08:00");
  EXPECT_EQ(format_iso8601(to_utc({2026, 11, 24}, LocalTime{9 * 60})), "2026-11-24T09:00:00+08:00");
  EXPECT_EQ(format_iso8601(UtcSeconds{1'795'514'459}), "2026-11-24T18:00:59+08:00");
  EXPECT_EQ(format_date({2026, 1, 5}), "2026-01-05");
  EXPECT_EQ(format_time(LocalTime{9 * 60}), "09:00");
  EXPECT_EQ(format_time(LocalTime{0}), "00:00");
  EXPECT_EQ(format_time(LocalTime{kMinutesPerDay}), "24:00");
  EXPECT_EQ(format_time(LocalTime{23 * 60 + 59}), "23:59");
}

TEST(Iso8601, FormatParseRoundTripOverManyInstants) {
  // A step that is prime in seconds walks through all times of day and all dates 1970..2100.
  const std::int64_t end = to_utc({2100, 12, 31}, LocalTime{kMinutesPerDay}).value;
  int checked = 0;
  for (std::int64_t s = to_utc({1970, 1, 1}, LocalTime{0}).value; s < end; s += 86'413 * 7 + 1) {
    const UtcSeconds t{s};
    const std::string text = format_iso8601(t);
    ASSERT_EQ(text.size(), 25u) << text;
    ASSERT_EQ(parse_iso8601(text), t) << text;
    ++checked;
  }
  EXPECT_GT(checked, 6'000);
}

TEST(Iso8601, ParseAcceptsOffsetsOptionalSecondsAndFractions) {
  const UtcSeconds nine = to_utc({2026, 11, 24}, LocalTime{9 * 60});  // 01:00Z
  EXPECT_EQ(parse_iso8601("2026-11-24T09:00:00+08:00"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T09:00+08:00"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T01:00:00Z"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T01:00Z"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-23T19:30:00-05:30"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T01:00:00+00:00"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T01:00:00-00:00"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T09:00:00.000+08:00"), nine);
  EXPECT_EQ(parse_iso8601("2026-11-24T09:00:00.999999999+08:00"), nine);  // fractions truncate
  EXPECT_EQ(parse_iso8601("2026-11-24T09:00:01.5Z"), (UtcSeconds{nine.value + 8 * 3600 + 1}));
  EXPECT_EQ(parse_iso8601("2000-02-29T23:59:59+08:00"), (UtcSeconds{to_utc({2000, 3, 1}, LocalTime{0}).value - 1}));
  EXPECT_EQ(parse_iso8601("1970-01-01T00:00:00Z"), UtcSeconds{0});
}

TEST(Iso8601, ParseRejectsBadInput) {
  constexpr std::string_view kBad[] = {
      "",
      "garbage",
      "2026-11-24",                       // a date is not an instant
      "2026-11-24T09:00:00",              // missing offset
      "2026-11-24T09:00",                 // missing offset
      "2026-11-24 09:00:00+08:00",        // space instead of T
      "2026-11-24t09:00:00+08:00",        // lower-case t
      "2026-11-24T09:00:00z",             // lower-case z
      "2026-02-30T09:00:00+08:00",        // Feb 30
      "2026-02-29T09:00:00+08:00",        // not a leap year
      "2100-02-29T09:00:00Z",             // not a leap year
      "2026-13-01T09:00:00Z",             // month 13
      "2026-00-10T09:00:00Z",             // month 0
      "2026-04-31T09:00:00Z",             // April has 30 days
      "2026-11-00T09:00:00Z",             // day 0
      "1969-12-31T23:00:00Z",             // before the supported range
      "2026-11-24T24:00:00+08:00",        // hour 24
      "2026-11-24T25:00:00+08:00",
      "2026-11-24T09:60:00+08:00",        // minute 60
      "2026-11-24T09:00:60+08:00",        // leap second
      "2026-11-24T09:00:00+24:00",        // offset hour out of range
      "2026-11-24T09:00:00+08:60",        // offset minute out of range
      "2026-11-24T09:00:00+0800",         // offset without colon
      "2026-11-24T09:00:00+08",           // offset without minutes
      "2026-11-24T09:00:00+08:00 ",       // trailing space
      " 2026-11-24T09:00:00+08:00",       // leading space
      "2026-11-24T09:00:00+08:00x",       // trailing garbage
      "2026-11-24T09:00:00Z+08:00",       // two offsets
      "2026-11-24T09:00:00.+08:00",       // empty fraction
      "2026-11-24T09:00:00.1234567890Z",  // fraction longer than nanoseconds
      "2026-11-24T09:00.5+08:00",         // fraction without seconds
      "2026-11-24T9:00:00+08:00",         // one-digit hour
      "2026-1-24T09:00:00+08:00",         // one-digit month
      "26-11-24T09:00:00+08:00",          // two-digit year
      "+2026-11-24T09:00:00+08:00",
      "2026-11-24T09:0a:00+08:00",
      "２０２６-11-24T09:00:00+08:00",      // full-width digits
  };
  for (std::string_view text : kBad) EXPECT_FALSE(parse_iso8601(text)) << '"' << text << '"';
  EXPECT_FALSE(parse_iso8601(std::string_view("2026-11-24T09:00:00\0+08:00", 26))) << "embedded NUL";
}

TEST(ParseDate, AcceptsValidDatesAndRejectsTheRest) {
  EXPECT_EQ(parse_date("2026-11-24"), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(parse_date("2000-02-29"), (LocalDate{2000, 2, 29}));
  constexpr std::string_view kBad[] = {"",           "2026-11-24T00:00", "2026/11/24", "2026-11-4",  "2026-2-04",
                                       "2026-02-30", "2100-02-29",       "2026-13-01", "2026-11-24 ", "20261124",
                                       "1969-12-31", "abcd-ef-gh"};
  for (std::string_view text : kBad) EXPECT_FALSE(parse_date(text)) << '"' << text << '"';
}

TEST(ParseTime, AcceptsWallClockTimesAnd2400AsEndOfDay) {
  EXPECT_EQ(parse_time("00:00"), LocalTime{0});
  EXPECT_EQ(parse_time("09:00"), LocalTime{540});
  EXPECT_EQ(parse_time("23:59"), LocalTime{1439});
  EXPECT_EQ(parse_time("24:00"), LocalTime{1440});
  for (int m = 0; m <= kMinutesPerDay; ++m) ASSERT_EQ(parse_time(format_time(LocalTime{m})), LocalTime{m});
  constexpr std::string_view kBad[] = {"",      "9:00",  "09:0",   "0900",     "09:00:00", "24:01", "25:00",
                                       "09:60", "-1:00", "09:00 ", " 09:00",   "ab:cd",    "24:00:00"};
  for (std::string_view text : kBad) EXPECT_FALSE(parse_time(text)) << '"' << text << '"';
}

}  // namespace
}  // namespace gongyou
