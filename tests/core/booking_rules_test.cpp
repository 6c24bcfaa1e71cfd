// tests/core/booking_rules_test.cpp — template validation, slot expansion (template, closed and event days,
// the UTC conversion) and the cancel / no-show / pass / booking windows at their exact boundaries.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/booking_rules.h"

namespace gongyou {
namespace {

/// The demo Workers' Home: Tu–Su 09:00–21:00, 60-minute slots, 12 places.
WeeklyTemplate workers_home() {
  WeeklyTemplate t;
  for (int d = 2; d <= 7; ++d) t.weekdays.set(static_cast<std::size_t>(d));
  t.open = LocalTime{9 * 60};
  t.close = LocalTime{21 * 60};
  t.slot_minutes = 60;
  t.capacity = 12;
  return t;
}

constexpr LocalDate kMonday{2026, 11, 23};

UtcSeconds at(const char* iso) { return parse_iso8601(iso).value_or(UtcSeconds{-1}); }

TEST(ValidateTemplate, AcceptsTheDemoTemplates) {
  EXPECT_EQ(validate(workers_home()), std::nullopt);
  WeeklyTemplate studio;  // Mo–Fr 09:00–17:00, 120-minute slots, 20 places
  for (int d = 1; d <= 5; ++d) studio.weekdays.set(static_cast<std::size_t>(d));
  studio.open = LocalTime{9 * 60};
  studio.close = LocalTime{17 * 60};
  studio.slot_minutes = 120;
  studio.capacity = 20;
  EXPECT_EQ(validate(studio), std::nullopt);
  WeeklyTemplate whole_day = workers_home();
  whole_day.open = LocalTime{0};
  whole_day.close = LocalTime{24 * 60};
  whole_day.slot_minutes = 480;
  whole_day.capacity = 500;
  EXPECT_EQ(validate(whole_day), std::nullopt);
}

TEST(ValidateTemplate, RejectsBadValuesWithAMessageForStaff) {
  struct Case {
    const char* what;
    void (*change)(WeeklyTemplate&);
    const char* message;
  };
  const Case cases[] = {
      {"no weekday", [](WeeklyTemplate& t) { t.weekdays.reset(); }, "至少要选择一个开放日"},
      {"bit 0", [](WeeklyTemplate& t) { t.weekdays.set(0); }, "开放日只能是周一到周日（1–7）"},
      {"open after close", [](WeeklyTemplate& t) { t.open = LocalTime{22 * 60}; }, "开放时间必须早于关闭时间"},
      {"open equals close", [](WeeklyTemplate& t) { t.close = t.open; }, "开放时间必须早于关闭时间"},
      {"negative open", [](WeeklyTemplate& t) { t.open = LocalTime{-60}; }, "开放时间必须在 00:00 到 23:59 之间"},
      {"open at 24:00", [](WeeklyTemplate& t) { t.open = LocalTime{1440}; }, "开放时间必须在 00:00 到 23:59 之间"},
      {"close after 24:00", [](WeeklyTemplate& t) { t.close = LocalTime{1500}; }, "关闭时间必须在 00:01 到 24:00 之间"},
      {"slot 14 min", [](WeeklyTemplate& t) { t.slot_minutes = 14; }, "时段长度必须在 15 到 480 分钟之间"},
      {"slot 0 min", [](WeeklyTemplate& t) { t.slot_minutes = 0; }, "时段长度必须在 15 到 480 分钟之间"},
      {"slot 481 min", [](WeeklyTemplate& t) { t.slot_minutes = 481; }, "时段长度必须在 15 到 480 分钟之间"},
      {"slot does not divide", [](WeeklyTemplate& t) { t.slot_minutes = 50; }, "时段长度必须能整除开放时长"},
      {"slot longer than the day", [](WeeklyTemplate& t) { t.close = LocalTime{10 * 60}; t.slot_minutes = 120; },
       "时段长度必须能整除开放时长"},
      {"capacity 0", [](WeeklyTemplate& t) { t.capacity = 0; }, "名额必须在 1 到 500 之间"},
      {"capacity 501", [](WeeklyTemplate& t) { t.capacity = 501; }, "名额必须在 1 到 500 之间"},
  };
  for (const Case& c : cases) {
    WeeklyTemplate t = workers_home();
    c.change(t);
    EXPECT_EQ(validate(t), std::optional<std::string>(c.message)) << c.what;
  }
  WeeklyTemplate edge = workers_home();
  edge.slot_minutes = 15;
  edge.capacity = 1;
  EXPECT_EQ(validate(edge), std::nullopt);
}

TEST(ExpandSlots, WorkersHomeOverFourteenDays) {
  const auto slots = expand_slots(workers_home(), {}, kMonday, kBookingHorizonDays);
  ASSERT_EQ(slots.size(), 12u * 12u);  // 14 days, 2 Mondays closed, 12 slots a day
  EXPECT_EQ(slots.front().start, at("2026-11-24T01:00:00Z"));  // Tuesday 09:00 Shanghai
  EXPECT_EQ(slots.front().end, at("2026-11-24T02:00:00Z"));
  EXPECT_EQ(slots.back().start, at("2026-12-06T20:00:00+08:00"));  // Sunday's last slot
  EXPECT_EQ(slots.back().end, at("2026-12-06T13:00:00Z"));

  std::map<LocalDate, int> per_day;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const SlotSpec& s = slots[i];
    EXPECT_EQ(s.capacity, 12);
    EXPECT_EQ(s.end.value - s.start.value, 3600);
    if (i > 0) {
      EXPECT_LE(slots[i - 1].end, s.start) << "ordered and not overlapping";
    }
    const LocalDate day = shanghai_date(s.start);
    EXPECT_NE(iso_weekday(day), 1) << format_iso8601(s.start) << " falls on a Monday";
    EXPECT_GE(shanghai_time(s.start), LocalTime{9 * 60});
    EXPECT_LE(shanghai_time(s.end), LocalTime{21 * 60});
    EXPECT_EQ(shanghai_date(s.end), day);
    ++per_day[day];
  }
  EXPECT_EQ(per_day.size(), 12u);
  for (const auto& [day, count] : per_day) EXPECT_EQ(count, 12) << format_date(day);
}

TEST(ExpandSlots, ClosedAndEventDays) {
  const LocalDate tuesday = add_days(kMonday, 1), wednesday = add_days(kMonday, 2);
  std::vector<DayException> exceptions(2);
  exceptions[0].date = tuesday;
  exceptions[0].kind = DayException::Kind::closed;
  exceptions[0].note = "设备检修";
  exceptions[1].date = kMonday;  // an event on the regular closing day
  exceptions[1].kind = DayException::Kind::event;
  exceptions[1].note = "劳模讲座";
  exceptions[1].open = LocalTime{14 * 60};
  exceptions[1].close = LocalTime{16 * 60 + 30};
  exceptions[1].capacity = 80;

  const auto slots = expand_slots(workers_home(), exceptions, kMonday, 3);
  ASSERT_EQ(slots.size(), 1u + 12u);
  EXPECT_EQ(slots[0], (SlotSpec{at("2026-11-23T14:00:00+08:00"), at("2026-11-23T16:30:00+08:00"), 80}));
  for (std::size_t i = 1; i < slots.size(); ++i) {
    EXPECT_EQ(shanghai_date(slots[i].start), wednesday);
    EXPECT_EQ(slots[i].capacity, 12);
  }

  // An event on an open day replaces that day's template slots.
  exceptions[1].date = wednesday;
  const auto replaced = expand_slots(workers_home(), exceptions, kMonday, 3);
  ASSERT_EQ(replaced.size(), 1u);
  EXPECT_EQ(replaced[0].start, at("2026-11-25T06:00:00Z"));
}

TEST(ExpandSlots, EarlyMorningSlotsStartOnThePreviousUtcDay) {
  WeeklyTemplate night = workers_home();
  night.open = LocalTime{0};
  night.close = LocalTime{2 * 60};
  night.slot_minutes = 30;
  const auto slots = expand_slots(night, {}, {2026, 11, 24}, 1);
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[1].start, at("2026-11-23T16:30:00Z"));  // 00:30 on the 24th in Shanghai
  EXPECT_EQ(shanghai_date(slots[1].start), (LocalDate{2026, 11, 24}));
}

TEST(ExpandSlots, EndOfDayCloseAndMonthBoundaries) {
  WeeklyTemplate late = workers_home();
  late.open = LocalTime{20 * 60};
  late.close = LocalTime{24 * 60};
  late.slot_minutes = 240;
  const auto slots = expand_slots(late, {}, {2000, 2, 29}, 2);  // Tuesday and Wednesday
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].end, at("2000-03-01T00:00:00+08:00"));
  EXPECT_EQ(slots[1].start, at("2000-03-01T20:00:00+08:00"));
}

TEST(ExpandSlots, NothingForAnInvalidTemplateOrNoDays) {
  WeeklyTemplate broken = workers_home();
  broken.slot_minutes = 0;  // must not loop forever
  EXPECT_TRUE(expand_slots(broken, {}, kMonday, 14).empty());
  EXPECT_TRUE(expand_slots(workers_home(), {}, kMonday, 0).empty());
  EXPECT_TRUE(expand_slots(workers_home(), {}, kMonday, -3).empty());
  DayException bad_event;  // open >= close: no slot, and no template slots either
  bad_event.date = add_days(kMonday, 1);
  bad_event.kind = DayException::Kind::event;
  bad_event.open = LocalTime{10 * 60};
  bad_event.close = LocalTime{10 * 60};
  bad_event.capacity = 10;
  EXPECT_TRUE(expand_slots(workers_home(), {bad_event}, kMonday, 2).empty());
}

TEST(Windows, CancelUpToExactlySixtyMinutesBefore) {
  const UtcSeconds start = at("2026-11-24T09:00:00+08:00");
  EXPECT_TRUE(can_cancel(at("2026-11-24T07:00:00+08:00"), start));
  EXPECT_TRUE(can_cancel(at("2026-11-24T08:00:00+08:00"), start));    // exactly 60 min before
  EXPECT_FALSE(can_cancel(at("2026-11-24T08:00:01+08:00"), start));   // 59:59 before
  EXPECT_FALSE(can_cancel(at("2026-11-24T09:30:00+08:00"), start));
}

TEST(Windows, NoShowFromExactlyFifteenMinutesAfter) {
  const UtcSeconds start = at("2026-11-24T09:00:00+08:00");
  EXPECT_FALSE(is_no_show(at("2026-11-24T09:00:00+08:00"), start));
  EXPECT_FALSE(is_no_show(at("2026-11-24T09:14:59+08:00"), start));
  EXPECT_TRUE(is_no_show(at("2026-11-24T09:15:00+08:00"), start));
  EXPECT_TRUE(is_no_show(at("2026-11-24T10:00:00+08:00"), start));
}

TEST(Windows, PassFromFifteenMinutesBeforeToTheEnd) {
  const UtcSeconds start = at("2026-11-24T09:00:00+08:00"), end = at("2026-11-24T10:00:00+08:00");
  const PassWindow w = pass_window(start, end);
  EXPECT_EQ(w.valid_from, at("2026-11-24T08:45:00+08:00"));
  EXPECT_EQ(w.valid_until, end);
  EXPECT_EQ(start.value - w.valid_from.value, 15 * 60);
}

TEST(Windows, BookableUntilTheStart) {
  const UtcSeconds start = at("2026-11-24T09:00:00+08:00");
  EXPECT_TRUE(is_bookable_at(at("2026-11-24T08:59:59+08:00"), start));
  EXPECT_FALSE(is_bookable_at(start, start));
  EXPECT_FALSE(is_bookable_at(at("2026-11-24T09:00:01+08:00"), start));
}

}  // namespace
}  // namespace gongyou
