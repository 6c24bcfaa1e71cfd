// core/public_holidays.h — public-holiday calendars for the "PH" selector of opening hours, and China's
// statutory holiday table (core/data/china_public_holidays.txt, embedded at build time).
//
// The table lists the years whose State Council notice has been published. Past its last year, only the
// fixed-date holidays of the 全国年节及纪念日放假办法 (2024 revision, Art. 2) count — 元旦 1 Jan, 劳动节 1–2 May,
// 国庆节 1–3 Oct — because the lunar holidays and the arrangements around them are not known until the notice;
// holiday_table_reach() tells callers (the server's start-up log, the staff screen) to say so.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"

namespace gongyou {

/// A day of every year (month 1..12, day 1..31).
struct AnnualDay {
  std::int8_t month = 1;
  std::int8_t day = 1;
};

/// Public-holiday dates that the "PH" selector matches. A default calendar has no holidays at all.
struct HolidayCalendar {
  std::span<const LocalDate> dates;           ///< the table's days off, sorted ascending, no duplicates
  int last_year = 0;                          ///< the last year `dates` covers (0: no table)
  std::span<const AnnualDay> after_table;     ///< the days that count in years past `last_year`
  /// True when `date` is a holiday (binary search; no allocation).
  bool contains(LocalDate date) const;
};

/// A line of a holiday table that could not be read.
struct HolidayTableError {
  int line = 0;  ///< 1-based
  std::string message;
};

/// A holiday table read from text (the format described at the top of core/data/china_public_holidays.txt).
struct HolidayTable {
  std::vector<LocalDate> dates;  ///< every day off, sorted ascending, no duplicates
  int first_year = 0, last_year = 0;  ///< 0 when the table lists nothing
  std::vector<HolidayTableError> errors;  ///< lines skipped; empty for a valid table
};

/// Reads a holiday table. Never throws; each line it cannot read is skipped and reported in `errors`.
HolidayTable parse_holiday_table(std::string_view text);

/// The text of core/data/china_public_holidays.txt (embedded at build time).
std::string_view china_public_holidays_text();

/// China's statutory public holidays: the embedded table, then the fixed-date holidays past its last year.
/// Make-up working days (调休上班) are not holidays.
HolidayCalendar china_public_holidays();

/// How far a holiday table reaches, seen from one day.
enum class HolidayTableReach : std::uint8_t {
  covers,     ///< the table covers today and the next 31 days
  ends_soon,  ///< the table's last year ends within 31 days: the next year's notice should be added
  ended,      ///< today is past the table's last year
};

/// Days before the end of the table that ends_soon starts (the notice usually comes in November).
inline constexpr int kHolidayTableWarningDays = 31;

/// Where `today` stands against `calendar`'s table (a calendar without a table has always ended).
HolidayTableReach holiday_table_reach(const HolidayCalendar& calendar, LocalDate today);

}  // namespace gongyou
