// core/public_holidays.cpp — see public_holidays.h.
//
// [SECTION] Reading a table
// [SECTION] China's calendar
// [SECTION] Reach
#include "core/public_holidays.h"

#include <algorithm>
#include <charconv>

namespace gongyou {
namespace {

// [SECTION] Reading a table

constexpr int kMaxBreakDays = 15;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// The next whitespace-separated field of `rest`, removed from it.
std::string_view next_field(std::string_view& rest) {
  rest = trim(rest);
  const auto end = rest.find_first_of(" \t");
  const std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  return field;
}

bool read_int(std::string_view text, int& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size();
}

/// "YYYY-MM-DD", exactly.
bool read_date(std::string_view text, LocalDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  return read_int(text.substr(0, 4), out.year) && read_int(text.substr(5, 2), out.month) &&
         read_int(text.substr(8, 2), out.day) && is_valid(out);
}

}  // namespace

HolidayTable parse_holiday_table(std::string_view text) {
  HolidayTable table;
  int line_number = 0;
  LocalDate previous_end{0, 1, 1};
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++line_number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::string_view rest = trim(line);
    if (rest.empty()) continue;
    const auto fail = [&](std::string message) { table.errors.push_back({line_number, std::move(message)}); };

    LocalDate first;
    int days = 0;
    const std::string_view date_text = next_field(rest), days_text = next_field(rest);
    if (!read_date(date_text, first)) {
      fail("the first day must be a date YYYY-MM-DD, not '" + std::string(date_text) + "'");
      continue;
    }
    if (!read_int(days_text, days) || days < 1 || days > kMaxBreakDays) {
      fail("the number of days off must be 1 to " + std::to_string(kMaxBreakDays));
      continue;
    }
    if (trim(rest).empty()) {
      fail("the holiday needs a name after the number of days");
      continue;
    }
    if (first <= previous_end) {
      fail("breaks must be in date order and must not overlap (" + format_date(first) + ")");
      continue;
    }
    if (table.last_year != 0 && first.year > table.last_year + 1) {
      fail("no holidays are listed for " + std::to_string(table.last_year + 1) + ": every year must be listed");
      continue;
    }
    for (int i = 0; i < days; ++i) table.dates.push_back(add_days(first, i));
    previous_end = table.dates.back();
    if (table.first_year == 0) table.first_year = first.year;
    table.last_year = std::max(table.last_year, previous_end.year);
  }
  return table;
}

// [SECTION] China's calendar

bool HolidayCalendar::contains(LocalDate date) const {
  if (last_year != 0 && date.year > last_year)
    return std::any_of(after_table.begin(), after_table.end(),
                       [&](AnnualDay d) { return d.month == date.month && d.day == date.day; });
  return std::binary_search(dates.begin(), dates.end(), date);
}

HolidayCalendar china_public_holidays() {
  // 全国年节及纪念日放假办法 (State Council decree 795, in force 2025-01-01), Art. 2: the holidays of a fixed
  // solar date. The lunar ones (春节, 端午节, 中秋节) and 清明节 need the year's notice.
  static constexpr AnnualDay kFixedDates[] = {{1, 1}, {5, 1}, {5, 2}, {10, 1}, {10, 2}, {10, 3}};
  static const HolidayTable table = parse_holiday_table(china_public_holidays_text());  // once, at first use
  return HolidayCalendar{table.dates, table.last_year, kFixedDates};
}

// [SECTION] Reach

HolidayTableReach holiday_table_reach(const HolidayCalendar& calendar, LocalDate today) {
  if (calendar.last_year == 0 || today.year > calendar.last_year) return HolidayTableReach::ended;
  const std::int64_t days_left = days_since_epoch({calendar.last_year, 12, 31}) - days_since_epoch(today);
  return days_left < kHolidayTableWarningDays ? HolidayTableReach::ends_soon : HolidayTableReach::covers;
}

}  // namespace gongyou
