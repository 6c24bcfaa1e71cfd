// core/statuses.h — the states of bookings and lecture requests with their wire names, shared by the server
// (the database and the API write these names) and the app (which parses them once, at the JSON edge).
// docs/api-bookings.md "Booking.status", docs/api-courses.md "LectureRequest.status".
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace gongyou {

/// The state of a booking (also of a course enrollment: confirmed or waitlisted).
enum class BookingStatus : std::uint8_t { confirmed, waitlisted, cancelled, checked_in, no_show, pending, denied };

/// "confirmed", "waitlisted", "cancelled", "checked_in", "no_show", "pending", "denied".
std::string_view wire_name(BookingStatus status);
/// The status a wire name names; nothing for any other text.
std::optional<BookingStatus> parse_booking_status(std::string_view name);

/// Where a lecture request is: pending → accepted → scheduled (→ delivered once its time has passed);
/// declined from any state before delivered.
enum class LectureStatus : std::uint8_t { pending, accepted, scheduled, declined, delivered };

/// "pending", "accepted", "scheduled", "declined", "delivered".
std::string_view wire_name(LectureStatus status);
/// The status a wire name names; nothing for any other text.
std::optional<LectureStatus> parse_lecture_status(std::string_view name);

}  // namespace gongyou
