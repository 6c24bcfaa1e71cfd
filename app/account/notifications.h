// app/account/notifications.h — the signed-in user's messages (a waitlist place became theirs, a booking released,
// cancelled or decided by staff, a lecture request answered), their unread count for 我的, and marking them read.
// Platform-free: talks to the API through the Session.
#pragma once
#include <functional>
#include <vector>

#include "app/bookings/booking_model.h"
#include "app/session.h"
#include "app/type_list.h"

namespace gongyou {

// ---- Intents (ui/me_view) ----
struct MarkNotificationsRead {};
/// The notifications' intents.
using NotificationIntents = TypeList<MarkNotificationsRead>;

/// What the views show of the messages.
struct NotificationsState {
  std::vector<Notification> items;  ///< newest first

  /// Unread messages.
  int unread() const;
};

/// The messages' controller.
class Notifications {
 public:
  explicit Notifications(Session& session) : session_(session) {}

  const NotificationsState& state() const { return state_; }
  /// Reloads the messages (signed in only).
  void load();
  /// The signed-in user changed: forget the last one's messages; load the new one's.
  void session_changed();
  /// Called when new unread messages arrived (a waiter was promoted: my bookings changed).
  std::function<void()> on_news;

  void apply(const MarkNotificationsRead& i);

 private:
  Session& session_;
  NotificationsState state_;
};

}  // namespace gongyou
