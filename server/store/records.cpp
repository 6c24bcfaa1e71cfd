// server/store/records.cpp — the names of roles, booking statuses, notification kinds, course formats, lesson
// kinds and lecture statuses (account_records.h, booking_records.h, course_records.h, lecture_records.h).
#include "server/store/account_records.h"
#include "server/store/booking_records.h"
#include "server/store/course_records.h"
#include "server/store/lecture_records.h"

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
    case BookingStatus::pending:
      return "pending";
    case BookingStatus::denied:
      return "denied";
  }
  return "confirmed";
}

bool holds_places(BookingStatus status) {
  return status == BookingStatus::confirmed || status == BookingStatus::pending || status == BookingStatus::checked_in;
}

std::string_view slot_kind_name(SlotKind kind) { return kind == SlotKind::class_session ? "class" : "visit"; }

std::optional<BookingStatus> status_from_name(std::string_view name) {
  for (auto status : {BookingStatus::confirmed, BookingStatus::waitlisted, BookingStatus::cancelled,
                      BookingStatus::checked_in, BookingStatus::no_show, BookingStatus::pending, BookingStatus::denied})
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
    case NotificationKind::approved:
      return "approved";
    case NotificationKind::denied:
      return "denied";
    case NotificationKind::lecture_update:
      return "lecture_update";
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

std::string_view lecture_status_name(LectureStatus status) {
  switch (status) {
    case LectureStatus::pending:
      return "pending";
    case LectureStatus::accepted:
      return "accepted";
    case LectureStatus::scheduled:
      return "scheduled";
    case LectureStatus::declined:
      return "declined";
    case LectureStatus::delivered:
      return "delivered";
  }
  return "pending";
}

std::optional<LectureStatus> lecture_status_from_name(std::string_view name) {
  for (auto status : {LectureStatus::pending, LectureStatus::accepted, LectureStatus::scheduled,
                      LectureStatus::declined, LectureStatus::delivered})
    if (lecture_status_name(status) == name) return status;
  return std::nullopt;
}

}  // namespace gongyou::server
