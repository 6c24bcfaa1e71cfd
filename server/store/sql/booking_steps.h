// server/store/sql/booking_steps.h — steps shared by SqlStore's schedule and booking transactions:
// reading bookings and slots, notifying a user, and promoting waiters into freed places. Every function
// takes the connection of an open transaction (or a reader) and never commits.
#pragma once
#include <optional>
#include <string>

#include "server/store/booking_records.h"
#include "server/store/sql/connection.h"

namespace gongyou::server::sql {

/// SELECT of a Booking's columns, to be followed by a WHERE clause over b (bookings), s (slots),
/// si (sites) and u (users); read each row with read_booking_row().
extern const char* const kBookingSelect;

/// The Booking in the current row of a kBookingSelect query.
Booking read_booking_row(const Statement& row);

/// One booking, read on `connection`.
std::optional<Booking> load_booking(Connection& connection, BookingId id);

/// SELECT of a Slot's columns from s (slots), to be followed by a WHERE clause; read with read_slot_row().
extern const char* const kSlotSelect;

/// The Slot in the current row of a kSlotSelect query.
Slot read_slot_row(const Statement& row);

/// Stores a notification of `kind` about `booking` for its owner.
void notify(Connection& connection, NotificationKind kind, const Booking& booking, UtcSeconds now);

/// Confirms the oldest waiters of a slot while it has free places and has not ended, notifying each.
/// Returns how many were promoted.
int promote_waiters(Connection& connection, SlotId slot, UtcSeconds now);

/// Takes `places` places of a slot when it has them: the conditional update `booked + places <= capacity`
/// of the capacity guarantee, shared by bookings, class enrollments and promotions. False when full.
bool take_places(Connection& connection, SlotId slot, int places);

/// Frees `places` places of a slot (booked - places); returns how many wait for it, so that a caller skips
/// promote_waiters() (one statement less) when nobody does.
int free_places(Connection& connection, SlotId slot, int places);

}  // namespace gongyou::server::sql
