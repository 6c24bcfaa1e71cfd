// server/store/records.cpp — the names of roles, booking statuses and notification kinds
// (account_records.h, booking_records.h).
#include "server/store/account_records.h"
#include "server/store/booking_records.h"

namespace gongyou::server {

std::string_view role_name(Role role) { return role == Role::admin ? "admin" : "worker"; }

std::string_view status_name(BookingStatus status) {
  switch (status) {
    case BookingStatus::confirmed:
      return "confirmed";
    case BookingStatus::waitlisted:
      return "waitlisted";
    case BookingStatus::cancelled:
      return "cancelled";
    case BookingStatus::checked_in:
      return "checked_in";
    case BookingStatus::no_show:
      return "no_show";
  }
  return "confirmed";
}

std::optional<BookingStatus> status_from_name(std::string_view name) {
  for (auto status : {BookingStatus::confirmed, BookingStatus::waitlisted, BookingStatus::cancelled,
                      BookingStatus::checked_in, BookingStatus::no_show})
    if (status_name(status) == name) return status;
  return std::nullopt;
}

std::string_view notification_kind_name(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::promoted:
      return "promoted";
    case NotificationKind::released:
      return "released";
    case NotificationKind::cancelled_by_staff:
      return "cancelled_by_staff";
  }
  return "promoted";
}

}  // namespace gongyou::server
