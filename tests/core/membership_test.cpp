// tests/core/membership_test.cpp — the review deadline of a membership application in working days: weekends and
// the statutory holiday table do not count; the wire names of levels, kinds and statuses go both ways.
#include "core/membership.h"

#include <gtest/gtest.h>

namespace gongyou {
namespace {

UtcSeconds at(LocalDate date, int hour) { return to_utc(date, LocalTime{hour * 60}); }

TEST(Membership, ThreeWorkingDaysSkipTheWeekend) {
  const HolidayCalendar china = china_public_holidays();
  // Wednesday 2 December 2026 → Thursday, Friday, Monday 7 December, to its last second.
  const UtcSeconds due = review_due_by(at({2026, 12, 2}, 10), china);
  EXPECT_EQ(shanghai_date(due), (LocalDate{2026, 12, 7}));
  EXPECT_EQ(due.value, to_utc(LocalDate{2026, 12, 8}, LocalTime{0}).value - 1);
  // Made on a Saturday: Monday, Tuesday, Wednesday.
  EXPECT_EQ(shanghai_date(review_due_by(at({2026, 12, 5}, 9), china)), (LocalDate{2026, 12, 9}));
}

TEST(Membership, TheStatutoryHolidaysDoNotCount) {
  const HolidayCalendar china = china_public_holidays();
  // 国庆节 2026 is 1–7 October (Thursday to Wednesday); made on Wednesday 30 September: 8, 9 and 12 October.
  EXPECT_EQ(shanghai_date(review_due_by(at({2026, 9, 30}, 15), china)), (LocalDate{2026, 10, 12}));
  // The calendar without a table counts only weekends: 1, 2 and 5 October.
  EXPECT_EQ(shanghai_date(review_due_by(at({2026, 9, 30}, 15), HolidayCalendar{})), (LocalDate{2026, 10, 5}));
}

TEST(Membership, ShanghaiMidnightDecidesTheDay) {
  // 23:30 UTC on Tuesday is 07:30 on Wednesday in Shanghai: the application is Wednesday's.
  const UtcSeconds late{to_utc(LocalDate{2026, 12, 2}, LocalTime{7 * 60 + 30}).value};
  EXPECT_EQ(shanghai_date(review_due_by(late, HolidayCalendar{})), (LocalDate{2026, 12, 7}));
}

TEST(Membership, WorkingDaysLeftCountDownAndGoNegative) {
  const HolidayCalendar none{};
  const LocalDate due{2026, 12, 7};  // a Monday
  EXPECT_EQ(working_days_left({2026, 12, 2}, due, none), 3);
  EXPECT_EQ(working_days_left({2026, 12, 4}, due, none), 1);
  EXPECT_EQ(working_days_left({2026, 12, 5}, due, none), 1);  // Saturday: Monday is the next working day
  EXPECT_EQ(working_days_left(due, due, none), 0);
  EXPECT_EQ(working_days_left({2026, 12, 8}, due, none), -1);
  EXPECT_EQ(working_days_left({2026, 12, 11}, {2026, 12, 4}, none), -5);
  EXPECT_EQ(working_days_left({2026, 12, 5}, {2026, 12, 4}, none), -1);  // the Saturday after a Friday deadline
}

TEST(Membership, WireNamesGoBothWays) {
  for (const UnionLevel level : {UnionLevel::federation, UnionLevel::town, UnionLevel::park, UnionLevel::industry,
                                 UnionLevel::village, UnionLevel::grassroots}) {
    EXPECT_EQ(parse_union_level(wire_name(level)), level);
  }
  EXPECT_EQ(parse_membership_kind("transfer"), MembershipKind::transfer);
  EXPECT_EQ(parse_application_status("approved"), ApplicationStatus::approved);
  EXPECT_EQ(parse_union_level("county"), std::nullopt);
  EXPECT_EQ(parse_application_status("Pending"), std::nullopt);
}

}  // namespace
}  // namespace gongyou
