// core/membership.cpp — wire names of the union tree and of applications; the review deadline in working days.
#include "core/membership.h"

#include <array>

namespace gongyou {
namespace {

constexpr std::array<std::string_view, 6> kLevelNames{"federation", "town", "park", "industry", "village", "grassroots"};
constexpr std::array<std::string_view, 2> kKindNames{"join", "transfer"};
constexpr std::array<std::string_view, 4> kStatusNames{"pending", "approved", "rejected", "withdrawn"};

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view wire_name(UnionLevel level) { return kLevelNames[static_cast<std::size_t>(level)]; }
std::optional<UnionLevel> parse_union_level(std::string_view name) { return parse_name<UnionLevel>(kLevelNames, name); }
std::string_view wire_name(MembershipKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::optional<MembershipKind> parse_membership_kind(std::string_view name) {
  return parse_name<MembershipKind>(kKindNames, name);
}
std::string_view wire_name(ApplicationStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }
std::optional<ApplicationStatus> parse_application_status(std::string_view name) {
  return parse_name<ApplicationStatus>(kStatusNames, name);
}

bool is_working_day(LocalDate date, const HolidayCalendar& holidays) {
  return iso_weekday(date) <= 5 && !holidays.contains(date);
}

LocalDate nth_working_day_after(LocalDate date, int n, const HolidayCalendar& holidays) {
  while (n > 0) {
    date = add_days(date, 1);
    if (is_working_day(date, holidays)) --n;
  }
  return date;
}

UtcSeconds review_due_by(UtcSeconds created_at, const HolidayCalendar& holidays) {
  const LocalDate due = nth_working_day_after(shanghai_date(created_at), kReviewWorkingDays, holidays);
  return UtcSeconds{to_utc(due, LocalTime{1440}).value - 1};
}

int working_days_left(LocalDate today, LocalDate due, const HolidayCalendar& holidays) {
  int count = 0;
  if (today < due) {
    for (LocalDate d = add_days(today, 1); d <= due; d = add_days(d, 1)) count += is_working_day(d, holidays) ? 1 : 0;
    return count;
  }
  for (LocalDate d = add_days(due, 1); d <= today; d = add_days(d, 1)) count += is_working_day(d, holidays) ? 1 : 0;
  return today == due ? 0 : -(count > 0 ? count : 1);  // a day past the deadline is overdue, worked or not
}

}  // namespace gongyou
