// app/account/notifications.cpp — see notifications.h.
#include "app/account/notifications.h"

#include "app/json_fields.h"
#include "core/site.h"

namespace gongyou {

int NotificationsState::unread() const {
  int n = 0;
  for (const Notification& note : items) n += note.read ? 0 : 1;
  return n;
}

void Notifications::session_changed() {
  state_.items.clear();
  load();
}

void Notifications::load() {
  if (!session_.signed_in()) return;
  const UserId user = session_.state().user->id;
  session_.call("GET", "/api/v1/me/notifications", "", [this, user](const HttpResponse& r) {
    if (r.status != 200 || !session_.is_signed_in_as(user)) return;
    const int before = state_.unread();
    state_.items = decode_items<Notification>(parse_json_or_discarded(r.body), notification_from_json);
    if (state_.unread() > before && on_news) on_news();
  });
}

void Notifications::apply(const MarkNotificationsRead&) {
  session_.call("POST", "/api/v1/me/notifications/read", "", [this](const HttpResponse& r) {
    if (r.status == 200)
      for (Notification& n : state_.items) n.read = true;
  });
}

}  // namespace gongyou
