// ui/booking_views.h — the views of slot booking: sign-in dialog, 7-day slot grid, my bookings with
// the door pass, reminders and the feedback line. They read state and emit intents; no I/O.
#pragma once
#include <vector>

#include "imgui.h"
#include "app/sites/site_finder_state.h"
#include "app/bookings/bookings.h"
#include "app/intent.h"

namespace gongyou::ui {

/// The sign-in / register dialog (a modal popup); keeps what is typed between frames.
class AuthDialog {
 public:
  void draw(const BookingState& state, ImVec2 screen, std::vector<Intent>& intents);

 private:
  char username_[40] = {}, password_[72] = {}, display_name_[64] = {};
  bool was_open_ = false;
};

/// The 7-day slot grid of the chosen site, with the confirming second tap.
void draw_slot_grid(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents);

/// The user's bookings: status, pass, calendar, cancel; and the messages (promotions, releases).
void draw_my_bookings(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents);

/// A reminder line for bookings starting within the hour.
void draw_reminders(const BookingState& state, UtcSeconds now);

/// The result of the last action, in words, with a close button.
void draw_feedback(const BookingState& state, std::vector<Intent>& intents);

/// The sentence for a feedback code, written into `buffer` when it needs numbers or the server's words.
const char* feedback_text(const Feedback& f, char* buffer, std::size_t size);

/// A booking's status in words ("已确认", "候补第 2 位", "未通过：…"), written into `buffer` when needed.
const char* booking_status_text(const Booking& b, char* buffer, std::size_t size);

/// A QR code of `text` drawn at the cursor, `size` px wide, dark modules on white with a quiet zone.
void draw_qr_code(const char* text, float size);

}  // namespace gongyou::ui
