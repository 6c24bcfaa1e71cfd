// server/store/sql/booking_steps.cpp — see booking_steps.h.
#include "server/store/sql/booking_steps.h"

#include "server/store/notification_text.h"

namespace gongyou::server::sql {

const char* const kBookingSelect = R"sql(
SELECT b.id, b.slot_id, s.site_id, si.name, si.address, s.start_at, s.end_at, b.status,
       CASE WHEN b.status = 'waitlisted' THEN
         (SELECT count(*) FROM bookings w WHERE w.slot_id = b.slot_id AND w.status = 'waitlisted' AND w.id <= b.id)
       END,
       b.created_at, b.cancelled_at, b.checked_in_at, b.user_id, u.display_name, u.username,
       b.kind, b.places, b.approval, b.decision_reason, (SELECT c.id FROM courses c WHERE c.slot_id = b.slot_id)
FROM bookings b
JOIN slots s ON s.id = b.slot_id
JOIN sites si ON si.id = s.site_id
JOIN users u ON u.id = b.user_id
)sql";

const char* const kSlotSelect = R"sql(
SELECT s.id, s.site_id, s.start_at, s.end_at, s.capacity, s.booked,
       (SELECT count(*) FROM bookings w WHERE w.slot_id = s.id AND w.status = 'waitlisted'),
       coalesce(r.min_group, 1), coalesce(r.max_group, 1), coalesce(r.approval_required, 0)
FROM slots s LEFT JOIN visit_rules r ON r.site_id = s.site_id AND s.kind = 'visit'
)sql";

namespace {

std::optional<UtcSeconds> optional_time(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return UtcSeconds{row.column_int(column)};
}

}  // namespace

Booking read_booking_row(const Statement& row) {
  Booking booking;
  booking.id = BookingId{row.column_int(0)};
  booking.slot = SlotId{row.column_int(1)};
  booking.site = SiteId{row.column_int(2)};
  booking.site_name = row.column_text(3);
  booking.site_address = row.column_text(4);
  booking.start = UtcSeconds{row.column_int(5)};
  booking.end = UtcSeconds{row.column_int(6)};
  const std::string status = row.column_text(7);
  const auto parsed = parse_booking_status(status);
  if (!parsed) throw Error("booking " + std::to_string(booking.id.value) + " has unknown status '" + status + "'");
  booking.status = *parsed;
  const std::optional<std::string> approval =
      row.column_is_null(17) ? std::nullopt : std::optional<std::string>(row.column_text(17));
  if (approval == "pending" && booking.status == BookingStatus::confirmed) booking.status = BookingStatus::pending;
  if (approval == "denied" && booking.status == BookingStatus::cancelled) booking.status = BookingStatus::denied;
  if (!row.column_is_null(8)) booking.waitlist_position = static_cast<int>(row.column_int(8));
  booking.created_at = UtcSeconds{row.column_int(9)};
  booking.cancelled_at = optional_time(row, 10);
  booking.checked_in_at = optional_time(row, 11);
  booking.user = UserId{row.column_int(12)};
  booking.user_display_name = row.column_text(13);
  booking.username = row.column_text(14);
  booking.kind = row.column_text(15) == "class" ? SlotKind::class_session : SlotKind::visit;
  booking.places = static_cast<int>(row.column_int(16));
  if (!row.column_is_null(18)) booking.reason = row.column_text(18);
  if (!row.column_is_null(19)) booking.course = row.column_int(19);
  return booking;
}

std::optional<Booking> load_booking(Connection& connection, BookingId id) {
  auto query = connection.cached(std::string(kBookingSelect) + "WHERE b.id = ?1");
  query->bind(1, id.value);
  if (!query->step()) return std::nullopt;
  return read_booking_row(*query);
}

Slot read_slot_row(const Statement& row) {
  const VisitRules rules{static_cast<int>(row.column_int(7)), static_cast<int>(row.column_int(8)),
                         row.column_int(9) != 0};
  return Slot{SlotId{row.column_int(0)},           SiteId{row.column_int(1)},
              UtcSeconds{row.column_int(2)},       UtcSeconds{row.column_int(3)},
              static_cast<int>(row.column_int(4)), static_cast<int>(row.column_int(5)),
              static_cast<int>(row.column_int(6)), rules};
}

void notify(Connection& connection, NotificationKind kind, const Booking& booking, UtcSeconds now) {
  auto insert = connection.cached(
      "INSERT INTO notifications (user_id, kind, booking_id, message, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert->bind(1, booking.user.value);
  insert->bind(2, notification_kind_name(kind));
  insert->bind(3, booking.id.value);
  insert->bind(4, notification_message(kind, booking));
  insert->bind(5, now.value);
  insert->step();
}

bool take_places(Connection& connection, SlotId slot, int places) {
  auto update = connection.cached("UPDATE slots SET booked = booked + ?2 WHERE id = ?1 AND booked + ?2 <= capacity");
  update->bind(1, slot.value);
  update->bind(2, places);
  update->step();
  return connection.changes() == 1;
}

int free_places(Connection& connection, SlotId slot, int places) {
  auto update = connection.cached(
      "UPDATE slots SET booked = booked - ?2 WHERE id = ?1 "
      "RETURNING (SELECT count(*) FROM bookings w WHERE w.slot_id = slots.id AND w.status = 'waitlisted')");
  update->bind(1, slot.value);
  update->bind(2, places);
  return update->step() ? static_cast<int>(update->column_int(0)) : 0;
}

int promote_waiters(Connection& connection, SlotId slot, UtcSeconds now) {
  int promoted = 0;
  for (;;) {
    std::optional<BookingId> waiter;
    int places = 1;
    {
      // Strict arrival order: a group that does not fit yet holds back the waiters behind it.
      auto first = connection.cached(
          "SELECT b.id, b.places FROM bookings b JOIN slots s ON s.id = b.slot_id "
          "WHERE b.slot_id = ?1 AND b.status = 'waitlisted' AND s.end_at > ?2 AND s.booked < s.capacity "
          "ORDER BY b.id LIMIT 1");
      first->bind(1, slot.value);
      first->bind(2, now.value);
      if (first->step()) {
        waiter = BookingId{first->column_int(0)};
        places = static_cast<int>(first->column_int(1));
      }
    }
    if (!waiter || !take_places(connection, slot, places)) return promoted;
    {
      // The no-show grace counts from the promotion when that is after the start.
      auto confirm = connection.cached(
          "UPDATE bookings SET status = 'confirmed', "
          "attend_from = CASE WHEN slot_start > ?2 THEN slot_start ELSE ?2 END WHERE id = ?1");
      confirm->bind(1, waiter->value);
      confirm->bind(2, now.value);
      confirm->step();
    }
    notify(connection, NotificationKind::promoted, *load_booking(connection, *waiter), now);
    ++promoted;
  }
}

}  // namespace gongyou::server::sql
