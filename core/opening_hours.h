// core/opening_hours.h — a site's opening hours (Site::hours) parsed into a schedule, and "open now".
//
// The text is the OpenStreetMap `opening_hours` syntax that the demo data uses ("Mo-Fr 08:00-12:00,14:30-17:30;
// Sa 09:00-12:00", "24/7", "Tu-Su 09:00-21:00; PH off"), a subset of the specification at
// https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification, and the same rules written the way
// Chinese staff write them ("周一至周五 19:00-21:00；周六 09:00-11:30", "每天 22:00-次日06:00", "法定节假日休息").
// See opening_hours.cpp for the grammar and what is deliberately not supported (it is a parse error, never a
// silent misreading).
//
// Parsing allocates once per site; is_open_at() allocates nothing and is meant to be called per frame from wasm.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_time.h"
#include "core/public_holidays.h"

namespace gongyou {

/// A time range of one day, in minutes since that day's 00:00: [start, end). `end` may pass 24:00 (up to
/// 48:00): "22:00-06:00" is {1320, 1800}, open until 06:00 of the next day (the specification's "extended time").
struct TimeRange {
  std::int16_t start = 0;
  std::int16_t end = 0;
  friend constexpr bool operator==(TimeRange, TimeRange) = default;
};

/// A day of the year, optionally of one year: "Oct 01", "2026 Oct 01", "10月1日".
struct MonthDay {
  std::int16_t year = 0;  ///< 0: every year
  std::int8_t month = 1;  ///< 1..12
  std::int8_t day = 1;    ///< 1..31
  friend constexpr bool operator==(MonthDay, MonthDay) = default;
};

/// Dates from `from` to `to`, both included; without years a range may wrap the new year ("Dec 20-Jan 05").
struct DateRange {
  MonthDay from, to;
  friend constexpr bool operator==(DateRange, DateRange) = default;
};

/// One rule: which days it selects, and either the times it opens them or that it closes them.
struct OpeningRule {
  std::vector<DateRange> dates;  ///< empty: every date
  std::uint8_t weekdays = 0;     ///< bit 0 Monday ... bit 6 Sunday; with `holidays` both 0/false: every day
  bool holidays = false;         ///< "PH" / 节假日: public holidays are selected too
  std::vector<TimeRange> times;  ///< empty: the whole day (00:00-24:00)
  bool closed = false;           ///< "off" / "closed" / 休息
  bool additional = false;       ///< joined to the previous rule by "," (adds to it instead of replacing it)
  friend bool operator==(const OpeningRule&, const OpeningRule&) = default;
};

/// A parsed opening-hours text: its rules in order (a later rule overrides earlier ones on the days it selects).
struct OpeningSchedule {
  std::vector<OpeningRule> rules;
  friend bool operator==(const OpeningSchedule&, const OpeningSchedule&) = default;
};

/// Why a text could not be read: the byte offset in the text and what was expected there.
struct HoursError {
  std::size_t offset = 0;
  std::string message;
};

/// Parses an opening-hours text. Never throws; a text it cannot read fully gives a HoursError.
std::variant<OpeningSchedule, HoursError> parse_opening_hours(std::string_view text);

/// True when the schedule is open at `time` on `date` (Asia/Shanghai wall clock), including the part past
/// midnight of a range opened the day before. No allocation.
bool is_open_at(const OpeningSchedule& schedule, LocalDate date, LocalTime time, HolidayCalendar holidays = {});

/// True when the schedule is open all the way from `from` to `until` (minutes of the day, until ≤ 24:00) on an
/// ordinary `iso_weekday` (1 = Monday): date ranges and public holidays aside — the weekly shape of the hours, which a
/// slot template must lie within. Checked every minute boundary of a 15-minute grid and at `until` - 1.
bool open_throughout(const OpeningSchedule& schedule, int iso_weekday, LocalTime from, LocalTime until);

/// is_open_at() for an instant, read in Asia/Shanghai.
bool is_open_at(const OpeningSchedule& schedule, UtcSeconds instant, HolidayCalendar holidays = {});

}  // namespace gongyou
