// app/bookings/bookings.h — booking a slot (the 7-day grid of a Workers' Home or studio), my bookings, door passes
// and calendar files: their state (BookingState, read by ui/booking_views) and their controller (Bookings, changed
// by intents). Platform-free: talks to the API through the Session.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/bookings/booking_model.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/civil_time.h"
#include "core/units.h"

namespace gongyou {

// ---- Intents (ui/booking_views) ----
struct ShiftDays { int days; };              ///< move the slot grid by days
struct ChooseSlot { SlotId slot; };          ///< first tap on a slot
struct ClearChoice {};
struct SetGroupSize { int size; };           ///< visitors of a studio visit
struct ConfirmBooking { bool waitlist; };    ///< second tap: book (or join the waitlist)
struct CancelBooking { BookingId booking; };
struct ShowPass { BookingId booking; };
struct HidePass {};
struct DownloadCalendar { BookingId booking; };
/// The booking intents.
using BookingIntents = TypeList<ShiftDays, ChooseSlot, ClearChoice, SetGroupSize, ConfirmBooking, CancelBooking,
                                ShowPass, HidePass, DownloadCalendar>;

/// All state of booking: the slot grid of one site, and my bookings.
struct BookingState {
  // ---- slot grid of one site ----
  std::optional<SiteId> site;     ///< the bookable site whose slots are shown
  std::string site_name;
  LocalDate first_day;            ///< first of the 7 days shown
  std::vector<Slot> slots;
  std::uint64_t slots_revision = 0;  ///< increases whenever `slots` change (views cache their layout by it)
  bool slots_loading = false;
  std::optional<SlotId> chosen_slot;  ///< first tap done, waiting for the confirming tap
  int group_size = 1;                 ///< visitors of a studio visit being booked
  bool booking_busy = false;
  // ---- my bookings ----
  std::vector<Booking> my_bookings;
  std::uint64_t my_bookings_revision = 0;  ///< increases whenever `my_bookings` change
  bool my_bookings_loading = false;
  std::optional<DoorPass> pass;   ///< the pass being shown

  /// The chosen slot, if it is among the loaded ones.
  const Slot* chosen() const;
  /// Confirmed bookings starting within the next hour (for the reminder banner).
  std::vector<const Booking*> starting_soon(UtcSeconds now) const;
  /// The next confirmed (or pending) booking that has not ended, if any.
  const Booking* next_booking(UtcSeconds now) const;
};

/// Days shown by the slot grid.
inline constexpr int kSlotGridDays = 7;

/// The booking controller.
class Bookings {
 public:
  /// `session` and `now` must outlive the controller; `now` is the platform's clock.
  Bookings(Session& session, std::function<UtcSeconds()> now);

  const BookingState& state() const { return state_; }

  /// Shows the 7-day slot grid of a bookable site from today (asks to sign in first when choosing).
  void open_site(SiteId site, const std::string& name);
  /// Reloads my bookings (signed in only).
  void load_my_bookings();
  /// Reloads the slots of the grid.
  void load_slots();
  /// The signed-in user changed: forget the last one's bookings, passes and choices; load the new one's.
  void session_changed();

  void apply(const ShiftDays& i);
  void apply(const ChooseSlot& i);
  void apply(const ClearChoice& i);
  void apply(const SetGroupSize& i);
  void apply(const ConfirmBooking& i);
  void apply(const CancelBooking& i);
  void apply(const ShowPass& i);
  void apply(const HidePass& i);
  void apply(const DownloadCalendar& i);

 private:
  Session& session_;
  std::function<UtcSeconds()> now_;
  BookingState state_;
  std::string pending_key_;  ///< idempotency key of the booking being confirmed (kept for retries)
  std::optional<UserId> user_;  ///< whose bookings the state holds
};

}  // namespace gongyou
