// app/bookings/booking_model.h — what the app knows of accounts, slots, bookings and passes, decoded from the
// API's JSON (docs/api-bookings.md). Decoding never throws: malformed items are skipped.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/civil_time.h"

namespace gongyou {

/// The signed-in user.
struct User {
  std::int64_t id = 0;
  std::string username, display_name;
  bool admin = false;
};

/// A bookable time slot of a site.
struct Slot {
  std::int64_t id = 0, site_id = 0;
  UtcSeconds start, end;
  int capacity = 0, booked = 0, remaining = 0, waitlist = 0;
  int min_group = 1, max_group = 1;           ///< visitors one booking may bring (studio visit rules)
  bool approval_required = false;             ///< staff approve each booking (studio visits)
  std::optional<std::int64_t> my_booking_id;  ///< the caller's booking of this slot, if any
  std::string my_status;                      ///< its status ("confirmed", "waitlisted", ...)
};

/// The state of a booking (api-bookings.md "Booking.status").
enum class BookingStatus : std::uint8_t { confirmed, waitlisted, cancelled, checked_in, no_show, pending, denied, unknown };

/// A booking of a slot.
struct Booking {
  std::int64_t id = 0, slot_id = 0, site_id = 0;
  std::string site_name;
  UtcSeconds start, end;
  BookingStatus status = BookingStatus::unknown;
  int waitlist_position = 0;
  int group_size = 1;     ///< places it holds (a studio visit's group)
  std::string reason;     ///< why staff denied it
  std::string user_name;  ///< the booker's display name (staff views)
};

/// A door pass of a confirmed booking.
struct DoorPass {
  std::int64_t booking_id = 0;
  std::string token;
  UtcSeconds valid_from, valid_until;
};

/// A message for the user (promoted from the waitlist, released as no-show, cancelled by staff).
struct Notification {
  std::int64_t id = 0;
  std::string kind, message;
  bool read = false;
};

/// A staff member's weekly template of a site, as edited in the UI.
struct TemplateForm {
  bool weekdays[8] = {};  ///< [1] Monday ... [7] Sunday
  char open[6] = "09:00", close[6] = "21:00";
  int slot_minutes = 60, capacity = 12;
};

/// One slot of the day's roster with its bookings.
struct RosterSlot {
  Slot slot;
  std::vector<Booking> bookings;
};

/// An API error answer: HTTP status and the api.md error code ("slot_full", ...); status 0 = no network.
struct ApiError {
  int status = 0;
  std::string code, message;
};

std::optional<User> user_from_json(const nlohmann::json& j);
std::optional<Slot> slot_from_json(const nlohmann::json& j);
std::optional<Booking> booking_from_json(const nlohmann::json& j);
std::optional<DoorPass> pass_from_json(const nlohmann::json& j);
std::optional<Notification> notification_from_json(const nlohmann::json& j);
std::optional<TemplateForm> template_from_json(const nlohmann::json& j);
nlohmann::json to_json(const TemplateForm& form);
/// The items of `{"items":[...]}` decoded with `decode`; malformed items are skipped.
template <class T, class Decode>
std::vector<T> decode_items(const nlohmann::json& page, Decode decode);
/// The error of an answer body with the api.md shape, or a generic one for `status`.
ApiError api_error(int status, const std::string& body);

}  // namespace gongyou

#include <nlohmann/json.hpp>

template <class T, class Decode>
std::vector<T> gongyou::decode_items(const nlohmann::json& page, Decode decode) {
  std::vector<T> out;
  if (!page.is_object()) return out;
  auto items = page.find("items");
  if (items == page.end() || !items->is_array()) return out;
  for (const auto& item : *items)
    if (auto v = decode(item)) out.push_back(std::move(*v));
  return out;
}
