// server/api/booking_json.h — the JSON forms of docs/api-bookings.md: User, Slot, Booking, Notification.
// Instants are written as ISO-8601 in Asia/Shanghai ("2026-11-24T09:00:00+08:00").
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "core/civil_time.h"
#include "server/store/account_records.h"
#include "server/store/booking_records.h"

namespace gongyou::server::api {

/// An instant as ISO-8601 text, or null.
nlohmann::json instant_json(std::optional<UtcSeconds> instant);

/// {"id","username","display_name","role"}
nlohmann::json user_json(const User& user);

/// {"id","site_id","start","end","capacity","booked","remaining","waitlist"}
nlohmann::json slot_json(const Slot& slot);

/// slot_json plus "my_booking": {"id","status"} or null (for listings asked with a token).
nlohmann::json slot_view_json(const SlotView& view);

/// The Booking object with its slot, site and user.
nlohmann::json booking_json(const Booking& booking);

/// {"id","kind","booking_id","message","created_at","read"}
nlohmann::json notification_json(const Notification& notification);

/// {"weekdays":[...],"open","close","slot_minutes","capacity"}
nlohmann::json template_json(const WeeklyTemplate& weekly);

/// {"date","kind","note","open","close","capacity"} (the last three null on closed days)
nlohmann::json exception_json(const DayException& exception);

}  // namespace gongyou::server::api
