// core/booking_rules.h — the rules of Workers' Home slot booking (时段预约), free of any storage.
//
// Windows: cancel up to 60 minutes before the start; a pass opens the door from 15 minutes before the
// start to the end; a booking not checked in 15 minutes after the start is a no-show; slots exist for
// the next 14 days; at most 3 active future bookings per user (configurable on the server).
#pragma once
#include <bitset>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/units.h"

namespace gongyou {

/// How long before the start a worker may still cancel.
inline constexpr Minutes kCancelNotice{60};
/// How long after the start an unchecked booking is released as a no-show.
inline constexpr Minutes kNoShowGrace{15};
/// How long before the start the door pass opens the door.
inline constexpr Minutes kPassEarly{15};
/// How many days ahead slots exist.
inline constexpr int kBookingHorizonDays = 14;
/// Active future bookings (confirmed + waitlisted) a user may hold by default.
inline constexpr int kDefaultBookingLimit = 3;

/// A weekly opening template of a bookable site: e.g. Tu–Su 09:00–21:00, 60-minute slots, 12 places.
struct WeeklyTemplate {
  std::bitset<8> weekdays;  ///< bit d set = open on ISO weekday d (1 = Monday ... 7 = Sunday); bit 0 unused
  LocalTime open{9 * 60};
  LocalTime close{21 * 60};
  int slot_minutes = 60;
  int capacity = 12;
};

/// Why a template is not acceptable, in words for staff; nothing when it is.
std::optional<std::string> validate(const WeeklyTemplate& t);

/// A day that differs from the template.
struct DayException {
  enum class Kind : std::uint8_t { closed, event };
  LocalDate date;
  Kind kind = Kind::closed;
  std::string note;
  LocalTime open{}, close{};  ///< event only: one slot from open to close
  int capacity = 0;           ///< event only
};

/// One slot to exist: its interval and capacity.
struct SlotSpec {
  UtcSeconds start, end;
  int capacity = 0;
  friend bool operator==(const SlotSpec&, const SlotSpec&) = default;
};

/// The slots of `days` days from `first_day` (Asia/Shanghai dates): the template's slots on open weekdays,
/// none on closed exception days, one event slot on event days. Ordered by start.
std::vector<SlotSpec> expand_slots(const WeeklyTemplate& t, const std::vector<DayException>& exceptions,
                                   LocalDate first_day, int days);

/// True while the owner may still cancel a booking of a slot starting at `slot_start`.
bool can_cancel(UtcSeconds now, UtcSeconds slot_start);
/// True once a confirmed booking that was not checked in counts as a no-show.
bool is_no_show(UtcSeconds now, UtcSeconds slot_start);
/// The interval in which a pass opens the door: [start - 15 min, end].
struct PassWindow {
  UtcSeconds valid_from, valid_until;
};
PassWindow pass_window(UtcSeconds slot_start, UtcSeconds slot_end);
/// True when a slot can still be booked (it has not started).
bool is_bookable_at(UtcSeconds now, UtcSeconds slot_start);

}  // namespace gongyou
