// server/store/booking_store.h — what the server needs stored about bookings: booking with the capacity
// guarantee, waitlist promotion, cancellation, check-in, no-show release, notifications and rosters.
// Each operation is one transaction; the rules of core/booking_rules.h are applied inside it.
#pragma once
#include <optional>
#include <vector>

#include "core/civil_time.h"
#include "core/units.h"
#include "server/store/booking_records.h"

namespace gongyou::server {

/// Booking storage. Implementations are safe to call from many threads at once.
class BookingStore {
 public:
  virtual ~BookingStore() = default;

  /// Books a place (or a waitlist entry) on a slot; never more confirmed places than the capacity.
  virtual BookOutcome book(const BookRequest& request) = 0;

  /// One booking.
  virtual std::optional<Booking> find_booking(BookingId id) = 0;

  /// A user's bookings in `scope` relative to `now`, ordered by slot start.
  virtual std::vector<Booking> user_bookings(UserId user, BookingScope scope, UtcSeconds now) = 0;

  /// Every booking of a slot, in the order they were made.
  virtual std::vector<Booking> slot_bookings(SlotId slot) = 0;

  /// Cancels a booking: the owner within the cancel notice (a waitlist entry any time), staff any time
  /// (the owner is notified). A freed place goes to the first waiter at once.
  virtual ChangeOutcome cancel_booking(const CancelRequest& request) = 0;

  /// Cancels, as staff, every active booking of the site's slots starting in [from, until) and notifies
  /// the owners (a day closed by an exception). Returns how many were cancelled.
  virtual int cancel_site_bookings(SiteId site, UtcSeconds from, UtcSeconds until, UserId staff, UtcSeconds now) = 0;

  /// Checks a confirmed booking in (staff at the desk, or the door with a valid pass).
  virtual ChangeOutcome check_in(BookingId id, UtcSeconds now) = 0;

  /// Marks confirmed bookings not checked in by the end of the no-show grace as no_show, frees their places
  /// for the first waiters and notifies both. Returns how many were released. Cheap when there are none.
  virtual int release_no_shows(UtcSeconds now) = 0;

  /// Approves or denies a pending booking (staff); a denied one frees its places for the first waiters.
  /// The owner is notified. wrong_status unless pending.
  virtual ChangeOutcome decide_booking(const ApprovalRequest& request) = 0;

  /// A user's notifications, newest first.
  virtual std::vector<Notification> notifications(UserId user) = 0;

  /// Marks all of a user's notifications read.
  virtual void mark_notifications_read(UserId user) = 0;
};

}  // namespace gongyou::server
