// server/store/records.cpp — the names of roles, notification kinds, course formats and lesson kinds
// (account_records.h, booking_records.h, course_records.h); statuses are named in core/statuses.h.
#include "server/store/account_records.h"
#include "server/store/booking_records.h"
#include "server/store/course_records.h"
#include "server/store/lecture_records.h"

namespace gongyou::server {

std::string_view role_name(Role role) { return role == Role::admin ? "admin" : "worker"; }

bool holds_places(BookingStatus status) {
  return status == BookingStatus::confirmed || status == BookingStatus::pending || status == BookingStatus::checked_in;
}

std::string_view slot_kind_name(SlotKind kind) { return kind == SlotKind::class_session ? "class" : "visit"; }

std::string_view notification_kind_name(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::promoted:
      return "promoted";
    case NotificationKind::released:
      return "released";
    case NotificationKind::cancelled_by_staff:
      return "cancelled_by_staff";
    case NotificationKind::approved:
      return "approved";
    case NotificationKind::denied:
      return "denied";
    case NotificationKind::lecture_update:
      return "lecture_update";
    case NotificationKind::membership_update:
      return "membership_update";
    case NotificationKind::quiz_prize:
      return "quiz_prize";
    case NotificationKind::activity_promoted:
      return "activity_promoted";
  }
  return "promoted";
}

std::string_view course_format_name(CourseFormat format) {
  return format == CourseFormat::in_person ? "in_person" : "online";
}

std::string_view lesson_kind_name(LessonKind kind) {
  switch (kind) {
    case LessonKind::video:
      return "video";
    case LessonKind::text:
      return "text";
    case LessonKind::session:
      return "session";
  }
  return "video";
}

}  // namespace gongyou::server
