// app/bookings/booking_model.cpp — see booking_model.h.
#include "app/bookings/booking_model.h"

#include <cstdio>

#include "core/site.h"
#include "app/json_fields.h"

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

}  // namespace

std::optional<Slot> slot_from_json(const json& j) {
  Slot s;
  if (!j.is_object() || !get_id(j, "id", s.id) || !get_time(j, "start", s.start) || !get_time(j, "end", s.end))
    return std::nullopt;
  get_id(j, "site_id", s.site_id);
  s.capacity = get_int_or(j, "capacity", 0);
  s.booked = get_int_or(j, "booked", 0);
  s.remaining = get_int_or(j, "remaining", s.capacity - s.booked);
  s.waitlist = get_int_or(j, "waitlist", 0);
  s.min_group = get_int_or(j, "min_group", 1);
  s.max_group = get_int_or(j, "max_group", 1);
  s.approval_required = get_bool(j, "approval_required");
  if (auto mine = j.find("my_booking"); mine != j.end() && mine->is_object()) {
    BookingId id;
    if (get_id(*mine, "id", id)) s.my_booking_id = id;
    s.my_status = parse_booking_status(get_string(*mine, "status"));
  }
  return s;
}

std::optional<Booking> booking_from_json(const json& j) {
  Booking b;
  if (!j.is_object() || !get_id(j, "id", b.id) || !get_time(j, "start", b.start) || !get_time(j, "end", b.end))
    return std::nullopt;
  const auto status = parse_booking_status(get_string(j, "status"));
  if (!status) return std::nullopt;
  b.status = *status;
  get_id(j, "slot_id", b.slot_id);
  get_id(j, "site_id", b.site_id);
  b.site_name = get_string(j, "site_name");
  b.waitlist_position = get_int_or(j, "waitlist_position", 0);
  b.group_size = get_int_or(j, "group_size", 1);
  b.reason = get_string(j, "reason");
  if (auto user = j.find("user"); user != j.end() && user->is_object()) b.user_name = get_string(*user, "display_name");
  return b;
}

std::optional<DoorPass> pass_from_json(const json& j) {
  DoorPass p;
  if (!j.is_object() || !get_id(j, "booking_id", p.booking_id) || !get_time(j, "valid_from", p.valid_from) ||
      !get_time(j, "valid_until", p.valid_until))
    return std::nullopt;
  p.token = get_string(j, "token");
  if (p.token.empty()) return std::nullopt;
  return p;
}

std::optional<Notification> notification_from_json(const json& j) {
  Notification n;
  if (!j.is_object() || !get_id(j, "id", n.id)) return std::nullopt;
  n.kind = get_string(j, "kind");
  n.message = get_string(j, "message");
  n.read = get_bool(j, "read");
  return n;
}

std::optional<TemplateForm> template_from_json(const json& j) {
  TemplateForm f;
  if (!j.is_object()) return std::nullopt;
  auto days = j.find("weekdays");
  if (days == j.end() || !days->is_array()) return std::nullopt;
  for (const auto& d : *days)
    if (d.is_number_integer() && d.get<int>() >= 1 && d.get<int>() <= 7) f.weekdays[d.get<int>()] = true;
  const std::string open = get_string(j, "open"), close = get_string(j, "close");
  if (!parse_time(open) || !parse_time(close)) return std::nullopt;
  std::snprintf(f.open, sizeof f.open, "%s", open.c_str());
  std::snprintf(f.close, sizeof f.close, "%s", close.c_str());
  f.slot_minutes = get_int_or(j, "slot_minutes", 60);
  f.capacity = get_int_or(j, "capacity", 12);
  return f;
}

json to_json(const TemplateForm& form) {
  json days = json::array();
  for (int d = 1; d <= 7; ++d)
    if (form.weekdays[d]) days.push_back(d);
  return json{{"weekdays", days}, {"open", form.open}, {"close", form.close},
              {"slot_minutes", form.slot_minutes}, {"capacity", form.capacity}};
}

}  // namespace gongyou
