// server/store/notification_text.h — the human text of the notifications a store writes (Chinese, the
// product's default language; clients may render their own text from `kind`).
#pragma once
#include <string>

#include "server/store/booking_records.h"

namespace gongyou::server {

/// "螺城共享职工之家 2026-11-24 09:00–10:00": where and when a booking is.
std::string describe_booking(const Booking& booking);

/// The message of a notification of `kind` about `booking`.
std::string notification_message(NotificationKind kind, const Booking& booking);

}  // namespace gongyou::server
