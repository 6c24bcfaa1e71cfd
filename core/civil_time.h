// core/civil_time.h — instants (UTC), Asia/Shanghai calendar dates and wall-clock times, ISO-8601.
//
// Asia/Shanghai has been UTC+08:00 all year since 1991 (IANA tzdata "Asia/Shanghai": no DST after
// 1991-09-15), so the conversion is a fixed offset for every instant this product handles.
// Dates use the proleptic Gregorian calendar (days_from_civil, H. Hinnant's algorithm).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou {

/// An instant: seconds since 1970-01-01T00:00:00Z (Unix time, no leap seconds).
struct UtcSeconds {
  std::int64_t value = 0;
  friend constexpr auto operator<=>(UtcSeconds, UtcSeconds) = default;
};

/// A calendar date in Asia/Shanghai.
struct LocalDate {
  int year = 1970, month = 1, day = 1;
  friend constexpr auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

/// A wall-clock time of day in Asia/Shanghai, minutes since midnight (0..1439; 1440 = end of day).
struct LocalTime {
  int minutes = 0;
  friend constexpr auto operator<=>(LocalTime, LocalTime) = default;
};

/// Asia/Shanghai's offset from UTC.
inline constexpr std::int64_t kShanghaiOffsetSeconds = 8 * 3600;

/// Days since 1970-01-01 of a date.
std::int64_t days_since_epoch(LocalDate date);
/// The date `days` after 1970-01-01.
LocalDate date_from_days(std::int64_t days);
/// The date `n` days after `date` (n may be negative).
LocalDate add_days(LocalDate date, int n);
/// ISO-8601 weekday: Monday = 1 ... Sunday = 7.
int iso_weekday(LocalDate date);
/// True for a real calendar date (month 1–12, day within the month, year 1970–9999).
bool is_valid(LocalDate date);

/// The instant of a date and wall-clock time in Asia/Shanghai.
UtcSeconds to_utc(LocalDate date, LocalTime time);
/// The Asia/Shanghai date of an instant.
LocalDate shanghai_date(UtcSeconds t);
/// The Asia/Shanghai time of day of an instant.
LocalTime shanghai_time(UtcSeconds t);

/// "2026-11-24T09:00:00+08:00": the instant written in Asia/Shanghai time.
std::string format_iso8601(UtcSeconds t);
/// "2026-11-24".
std::string format_date(LocalDate date);
/// "09:00".
std::string format_time(LocalTime time);

/// Parses ISO-8601 date-time with an offset ("...+08:00", "...Z"; seconds optional). Nothing on bad input.
std::optional<UtcSeconds> parse_iso8601(std::string_view text);
/// Parses "YYYY-MM-DD" (a valid date). Nothing on bad input.
std::optional<LocalDate> parse_date(std::string_view text);
/// Parses "HH:MM" (00:00–24:00). Nothing on bad input.
std::optional<LocalTime> parse_time(std::string_view text);

}  // namespace gongyou
