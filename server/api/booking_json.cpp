// server/api/booking_json.cpp — see booking_json.h.
#include "server/api/booking_json.h"

#include "core/ids_json.h"

namespace gongyou::server::api {

using nlohmann::json;

json instant_json(std::optional<UtcSeconds> instant) {
  return instant ? json(format_iso8601(*instant)) : json(nullptr);
}

json user_json(const User& user) {
  return {{"id", user.id.value},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", role_name(user.role)}};
}

json slot_json(const Slot& slot) {
  return {{"id", slot.id.value},
          {"site_id", slot.site.value},
          {"start", format_iso8601(slot.start)},
          {"end", format_iso8601(slot.end)},
          {"capacity", slot.capacity},
          {"booked", slot.booked},
          {"remaining", slot.capacity - slot.booked},
          {"waitlist", slot.waitlist},
          {"min_group", slot.rules.min_group},
          {"max_group", slot.rules.max_group},
          {"approval_required", slot.rules.approval_required}};
}

json slot_view_json(const SlotView& view) {
  json item = slot_json(view.slot);
  item["my_booking"] = view.my_booking
                           ? json{{"id", view.my_booking->id.value}, {"status", wire_name(view.my_booking->status)}}
                           : json(nullptr);
  return item;
}

json booking_json(const Booking& booking) {
  return {{"id", booking.id.value},
          {"slot_id", booking.slot.value},
          {"site_id", booking.site.value},
          {"site_name", booking.site_name},
          {"start", format_iso8601(booking.start)},
          {"end", format_iso8601(booking.end)},
          {"status", wire_name(booking.status)},
          {"waitlist_position", booking.waitlist_position ? json(*booking.waitlist_position) : json(nullptr)},
          {"created_at", format_iso8601(booking.created_at)},
          {"cancelled_at", instant_json(booking.cancelled_at)},
          {"checked_in_at", instant_json(booking.checked_in_at)},
          {"user", {{"id", booking.user.value}, {"display_name", booking.user_display_name}}},
          {"group_size", booking.places},
          {"kind", slot_kind_name(booking.kind)},
          {"course_id", booking.course ? json(*booking.course) : json(nullptr)},
          {"reason", booking.reason ? json(*booking.reason) : json(nullptr)}};
}

json notification_json(const Notification& notification) {
  return {{"id", notification.id},
          {"kind", notification_kind_name(notification.kind)},
          {"booking_id", notification.booking ? json(notification.booking->value) : json(nullptr)},
          {"lecture_request_id", notification.lecture_request ? json(*notification.lecture_request) : json(nullptr)},
          {"application_id", notification.application ? json(*notification.application) : json(nullptr)},
          {"quiz_id", notification.quiz ? json(*notification.quiz) : json(nullptr)},
          {"activity_signup_id", notification.activity_signup ? json(*notification.activity_signup) : json(nullptr)},
          {"message", notification.message},
          {"created_at", format_iso8601(notification.created_at)},
          {"read", notification.read}};
}

json template_json(const WeeklyTemplate& weekly) {
  json weekdays = json::array();
  for (int day = 1; day <= 7; ++day)
    if (weekly.weekdays.test(static_cast<std::size_t>(day))) weekdays.push_back(day);
  return {{"weekdays", std::move(weekdays)},
          {"open", format_time(weekly.open)},
          {"close", format_time(weekly.close)},
          {"slot_minutes", weekly.slot_minutes},
          {"capacity", weekly.capacity}};
}

json exception_json(const DayException& exception) {
  const bool event = exception.kind == DayException::Kind::event;
  return {{"date", format_date(exception.date)},
          {"kind", event ? "event" : "closed"},
          {"note", exception.note},
          {"open", event ? json(format_time(exception.open)) : json(nullptr)},
          {"close", event ? json(format_time(exception.close)) : json(nullptr)},
          {"capacity", event ? json(exception.capacity) : json(nullptr)}};
}

}  // namespace gongyou::server::api
