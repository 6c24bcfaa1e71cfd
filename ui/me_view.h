// ui/me_view.h — 我的: the account (signed in as whom, or how to sign in), the messages with their unread count, my
// bookings with their door passes, my courses with their progress, my activities with their status, and the staff tools for staff. Reads the App's
// state, emits Intents; no I/O.
#pragma once
#include <vector>

#include "app/app.h"
#include "app/intent.h"
#include "ui/booking_views.h"

namespace gongyou::ui {

/// The 我的 screen.
class MeView {
 public:
  void draw(const App& app, bool phone, std::vector<Intent>& intents);

 private:
  MyBookingsView bookings_;
  ConfirmTap confirm_;  ///< 退出, once armed
};

}  // namespace gongyou::ui
