// server/store/booking_records.h — the booking data the store keeps: weekly templates and day exceptions
// of bookable sites, slots, bookings, notifications, and the outcomes of the booking operations.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/booking_rules.h"
#include "core/civil_time.h"
#include "core/statuses.h"
#include "core/units.h"
#include "server/store/account_records.h"

namespace gongyou::server {

/// Group size and approval of visits at a site (劳模之家); every other site has the defaults.
struct VisitRules {
  int min_group = 1;
  int max_group = 1;
  bool approval_required = false;
  friend bool operator==(const VisitRules&, const VisitRules&) = default;
};

/// What a slot is for: visits made from the site's schedule, or one in-person class (its enrollments).
enum class SlotKind : std::uint8_t { visit, class_session };

/// "visit" / "class", as in the API and the database.
std::string_view slot_kind_name(SlotKind kind);

/// A bookable time slot of a site with its counters.
struct Slot {
  SlotId id;
  SiteId site;
  UtcSeconds start, end;
  int capacity = 0;
  int booked = 0;    ///< places held by confirmed (pending included) + checked_in bookings
  int waitlist = 0;  ///< waitlisted bookings
  VisitRules rules;  ///< group size and approval of bookings of this slot
};

// The life of a booking (BookingStatus, core/statuses.h): confirmed, pending (holds its places, awaits staff
// approval) or waitlisted when made; then cancelled, checked_in, no_show or denied (staff refused a pending one).

/// True for the statuses that hold places of their slot: confirmed, pending, checked_in.
bool holds_places(BookingStatus status);

/// A booking with what the API shows about its slot, site and user.
struct Booking {
  BookingId id;
  SlotId slot;
  SiteId site;
  std::string site_name;
  std::string site_address;
  UtcSeconds start, end;
  BookingStatus status = BookingStatus::confirmed;
  std::optional<int> waitlist_position;  ///< 1-based while waitlisted
  UtcSeconds created_at;
  std::optional<UtcSeconds> cancelled_at;
  std::optional<UtcSeconds> checked_in_at;
  UserId user;
  std::string user_display_name;
  std::string username;
  SlotKind kind = SlotKind::visit;
  int places = 1;                      ///< the group size: places of the slot it holds
  std::optional<std::int64_t> course;  ///< the course of a class booking
  std::optional<std::string> reason;   ///< why staff denied it
};

/// A user's active booking of a slot (confirmed, waitlisted or checked in), for slot listings.
struct MyBooking {
  BookingId id;
  BookingStatus status = BookingStatus::confirmed;
};

/// A slot as listed to one viewer.
struct SlotView {
  Slot slot;
  std::optional<MyBooking> my_booking;  ///< only when the listing was asked for a user
};

/// What a notification tells its user.
enum class NotificationKind : std::uint8_t {
  promoted, released, cancelled_by_staff, approved, denied, lecture_update, membership_update, quiz_prize,
  activity_promoted,
};

/// "promoted" / "released" / "cancelled_by_staff" / "approved" / "denied" / "lecture_update" / "membership_update" / "quiz_prize" /
/// "activity_promoted".
std::string_view notification_kind_name(NotificationKind kind);

/// A message to a user about one of their bookings.
struct Notification {
  NotificationId id;
  NotificationKind kind = NotificationKind::promoted;
  std::optional<BookingId> booking;             ///< what it is about: a booking...
  std::optional<LectureRequestId> lecture_request;  ///< ... or a lecture request
  std::optional<ApplicationId> application;         ///< ... or a membership application
  std::optional<QuizId> quiz;                       ///< ... or a quiz whose draw gave a prize
  std::optional<SignupId> activity_signup;          ///< ... or an activity sign-up (a waiter promoted)
  std::string message;
  UtcSeconds created_at;
  bool read = false;
};

/// Which of a user's bookings to list.
enum class BookingScope : std::uint8_t { upcoming, past, all };

/// A booking request.
struct BookRequest {
  UserId user;
  SlotId slot;
  bool waitlist = false;  ///< wait for a place when the slot is full
  int limit = kDefaultBookingLimit;
  UtcSeconds now;
  int places = 1;                   ///< the group size
  SlotKind kind = SlotKind::visit;  ///< the kind of slot the caller means (a class only through its course)
};

/// What a booking request came to.
enum class BookResult : std::uint8_t {
  booked,  ///< confirmed, or waitlisted when asked for
  slot_not_found,
  slot_closed,     ///< the slot has started
  slot_full,       ///< full and no waitlist asked for
  already_holds,   ///< the user holds or waits for this slot already
  limit_reached,   ///< the user has as many active future bookings as allowed
  bad_group_size,  ///< places outside the slot's min_group..max_group
};

/// The result and, when booked, the booking.
struct BookOutcome {
  BookResult result = BookResult::booked;
  std::optional<Booking> booking;
};

/// Who cancels: the owner (within the notice) or staff (any time).
struct CancelRequest {
  BookingId booking;
  UserId actor;
  bool by_staff = false;
  UtcSeconds now;
};

/// What a cancellation or check-in came to.
enum class ChangeResult : std::uint8_t {
  done,
  not_found,
  too_late,      ///< the owner is inside the cancel notice
  wrong_status,  ///< e.g. cancelling a cancelled booking, checking in a waitlisted one
};

/// A staff decision on a pending booking.
struct ApprovalRequest {
  BookingId booking;
  bool approve = true;
  std::string reason;  ///< why it was denied (empty when approved)
  UtcSeconds now;
};

/// The result and the booking as it is afterwards (when it exists).
struct ChangeOutcome {
  ChangeResult result = ChangeResult::done;
  std::optional<Booking> booking;
};

/// A site's schedule: its weekly template (if any) and its day exceptions.
struct SiteSchedule {
  std::optional<WeeklyTemplate> weekly;
  std::vector<DayException> exceptions;
};

/// The slots one site should have inside a window of time.
struct SlotPlan {
  SiteId site;
  UtcSeconds from;              ///< slots starting at or after this are reconciled (earlier ones are history)
  UtcSeconds until;             ///< ... and before this
  std::vector<SlotSpec> slots;  ///< what should exist in [from, until)
};

/// What reconciling slot plans changed.
struct SlotSyncCounts {
  int created = 0;
  int removed = 0;  ///< deleted, or hidden when old bookings still refer to them
  int resized = 0;
  int promoted = 0;  ///< waiters confirmed because capacity grew
};

}  // namespace gongyou::server
