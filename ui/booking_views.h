// ui/booking_views.h — the views of slot booking: the sign-in dialog, the 7-day slot grid, my bookings with the door
// pass, reminders and the feedback line. They read state and emit intents; no I/O. An idle frame allocates nothing:
// the grid and the list keep their layout between frames and lay it out again only when their data changes.
#pragma once
#include <cstdint>
#include <vector>

#include "app/bookings/bookings.h"
#include "app/intent.h"
#include "app/session.h"
#include "imgui.h"
#include "ui/confirm_tap.h"

namespace gongyou::ui {

/// The sign-in / register dialog (a modal popup); keeps what is typed between frames.
class AuthDialog {
 public:
  void draw(const SessionState& session, ImVec2 screen, std::vector<Intent>& intents);

 private:
  char username_[40] = {}, password_[72] = {}, display_name_[64] = {};
  bool was_open_ = false;
  bool show_password_ = false;  ///< the eye beside the password field: read what was typed
};

/// The 7-day slot grid of the chosen site, with the confirming second tap.
class SlotGridView {
 public:
  void draw(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents);

 private:
  /// Lays the slots out in rows (times of day) and columns (days), when they or the first day changed.
  void layout(const BookingState& state);

  std::uint64_t laid_out_revision_ = ~0ull;
  LocalDate laid_out_first_day_;
  std::vector<int> times_;  ///< the rows: minutes of the day, ascending
  std::vector<int> cells_;  ///< times_.size() × 7: the index in state.slots of each cell's slot, or -1
};

/// The user's bookings: status, pass, calendar, cancel. Drawn into the caller's (scrolling) window.
class MyBookingsView {
 public:
  void draw(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents);

 private:
  std::vector<const Booking*> order_;  ///< upcoming first (soonest first), then the past (latest first)
  ConfirmTap confirm_;                 ///< the armed 取消预约, if any
};

/// A reminder line for bookings starting within the hour.
void draw_reminders(const BookingState& state, UtcSeconds now);
/// The result of the last action, in words, with a close button.
void draw_feedback(const SessionState& session, std::vector<Intent>& intents);
/// The sentence for a feedback code, written into `buffer` when it needs numbers or the server's words.
const char* feedback_text(const Feedback& f, char* buffer, std::size_t size);
/// A booking's status in words ("已确认", "候补第 2 位", "未通过：…"), written into `buffer` when needed.
const char* booking_status_text(const Booking& b, char* buffer, std::size_t size);
/// A QR code of `text` drawn at the cursor, `size` px wide, dark modules on white with a quiet zone.
void draw_qr_code(const char* text, float size);
/// "09:30" into `out` (6 bytes).
const char* hour_minute(LocalTime time, char (&out)[6]);

}  // namespace gongyou::ui
