// app/bookings/booking_model.h — what the app knows of slots, bookings, passes, notifications and staff templates,
// decoded from the API's JSON (docs/api-bookings.md): ids and statuses typed (core/ids.h, core/statuses.h) at this
// edge. Decoding never throws: malformed items (an unknown status among them) are skipped.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/statuses.h"

namespace gongyou {

/// A bookable time slot of a site.
struct Slot {
  SlotId id;
  SiteId site_id;
  UtcSeconds start, end;
  int capacity = 0, booked = 0, remaining = 0, waitlist = 0;
  int min_group = 1, max_group = 1;           ///< visitors one booking may bring (studio visit rules)
  bool approval_required = false;             ///< staff approve each booking (studio visits)
  std::optional<BookingId> my_booking_id;     ///< the caller's booking of this slot, if any
  std::optional<BookingStatus> my_status;     ///< its status
};

/// A booking of a slot.
struct Booking {
  BookingId id;
  SlotId slot_id;
  SiteId site_id;
  std::string site_name;
  UtcSeconds start, end;
  BookingStatus status = BookingStatus::confirmed;
  int waitlist_position = 0;
  int group_size = 1;     ///< places it holds (a studio visit's group)
  std::string reason;     ///< why staff denied it
  std::string user_name;  ///< the booker's display name (staff views)
};

/// A door pass of a confirmed booking.
struct DoorPass {
  BookingId booking_id;
  std::string token;
  UtcSeconds valid_from, valid_until;
};

/// A message for the user (promoted from the waitlist, released as no-show, cancelled by staff).
struct Notification {
  NotificationId id;
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

std::optional<Slot> slot_from_json(const nlohmann::json& j);
std::optional<Booking> booking_from_json(const nlohmann::json& j);
std::optional<DoorPass> pass_from_json(const nlohmann::json& j);
std::optional<Notification> notification_from_json(const nlohmann::json& j);
std::optional<TemplateForm> template_from_json(const nlohmann::json& j);
nlohmann::json to_json(const TemplateForm& form);

}  // namespace gongyou
