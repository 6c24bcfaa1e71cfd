// core/booking_rules.cpp — template validation, slot expansion and the time windows of slot booking.
// See booking_rules.h and docs/api-bookings.md.
#include "core/booking_rules.h"

#include <cstdint>

namespace gongyou {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMinSlotMinutes = 15;
constexpr int kMaxSlotMinutes = 480;
constexpr int kMinCapacity = 1;
constexpr int kMaxCapacity = 500;

/// Whole seconds of a duration in minutes (the windows are whole minutes).
constexpr std::int64_t to_seconds(Minutes m) { return static_cast<std::int64_t>(m.value * 60.0); }

UtcSeconds shifted(UtcSeconds t, std::int64_t seconds) { return UtcSeconds{t.value + seconds}; }

const DayException* find_exception(const std::vector<DayException>& exceptions, LocalDate date) {
  for (const DayException& e : exceptions) {
    if (e.date == date) return &e;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> validate(const WeeklyTemplate& t) {
  if (t.weekdays.none()) return "至少要选择一个开放日";
  if (t.weekdays.test(0)) return "开放日只能是周一到周日（1–7）";
  if (t.open.minutes < 0 || t.open.minutes >= kMinutesPerDay) return "开放时间必须在 00:00 到 23:59 之间";
  if (t.close.minutes <= 0 || t.close.minutes > kMinutesPerDay) return "关闭时间必须在 00:01 到 24:00 之间";
  if (t.open >= t.close) return "开放时间必须早于关闭时间";
  if (t.slot_minutes < kMinSlotMinutes || t.slot_minutes > kMaxSlotMinutes) return "时段长度必须在 15 到 480 分钟之间";
  if ((t.close.minutes - t.open.minutes) % t.slot_minutes != 0) return "时段长度必须能整除开放时长";
  if (t.capacity < kMinCapacity || t.capacity > kMaxCapacity) return "名额必须在 1 到 500 之间";
  return std::nullopt;
}

std::vector<SlotSpec> expand_slots(const WeeklyTemplate& t, const std::vector<DayException>& exceptions,
                                   LocalDate first_day, int days) {
  std::vector<SlotSpec> slots;
  // An invalid template yields no template slots (and cannot loop forever on slot_minutes <= 0).
  const bool template_usable = !validate(t).has_value();
  for (int i = 0; i < days; ++i) {
    const LocalDate date = add_days(first_day, i);
    if (const DayException* e = find_exception(exceptions, date)) {
      const bool event_usable = e->open.minutes >= 0 && e->open < e->close && e->close.minutes <= kMinutesPerDay &&
                                e->capacity >= kMinCapacity && e->capacity <= kMaxCapacity;
      if (e->kind == DayException::Kind::event && event_usable) {
        slots.push_back(SlotSpec{to_utc(date, e->open), to_utc(date, e->close), e->capacity});
      }
      continue;  // a closed day, or an event day: the template does not apply
    }
    if (!template_usable || !t.weekdays.test(static_cast<std::size_t>(iso_weekday(date)))) continue;
    for (int start = t.open.minutes; start + t.slot_minutes <= t.close.minutes; start += t.slot_minutes) {
      slots.push_back(
          SlotSpec{to_utc(date, LocalTime{start}), to_utc(date, LocalTime{start + t.slot_minutes}), t.capacity});
    }
  }
  return slots;
}

bool can_cancel(UtcSeconds now, UtcSeconds slot_start) {
  return now <= shifted(slot_start, -to_seconds(kCancelNotice));
}

bool is_no_show(UtcSeconds now, UtcSeconds slot_start) {
  return now >= shifted(slot_start, to_seconds(kNoShowGrace));
}

PassWindow pass_window(UtcSeconds slot_start, UtcSeconds slot_end) {
  return PassWindow{shifted(slot_start, -to_seconds(kPassEarly)), slot_end};
}

bool is_bookable_at(UtcSeconds now, UtcSeconds slot_start) { return now < slot_start; }

}  // namespace gongyou
