// tests/fuzz/fuzz_opening_hours.cpp — opening hours ("Mo-Fr 09:00-21:00; PH off", …): any text parses or gives an
// error, and a parsed schedule answers "open at" for every day of a week and times across the day.
#include <variant>

#include "core/opening_hours.h"
#include "core/public_holidays.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = parse_opening_hours(fuzz::text_of(data, size));
  const auto* schedule = std::get_if<OpeningSchedule>(&parsed);
  if (!schedule) return 0;
  static const HolidayCalendar holidays = china_public_holidays();
  for (int day = 0; day < 7; ++day)
    for (int minute = 0; minute < 24 * 60; minute += 97) {
      (void)is_open_at(*schedule, LocalDate{2026, 12, 7 + day}, LocalTime{minute}, holidays);
      (void)open_throughout(*schedule, day + 1, LocalTime{minute}, LocalTime{23 * 60 + 59});
    }
  return 0;
}
