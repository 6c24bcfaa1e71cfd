// server/store/sql/sql_enrollments.cpp — SqlStore's course enrollments and lesson progress
// (store/course_store.h). Online: rows of online_enrollments, no cap. In person: a booking of the course's
// class slot made by SqlStore::book() itself, inside the same transaction — the capacity guarantee, the
// waitlist and the promotion are those of slot booking, not a copy.
#include <algorithm>
#include <climits>

#include "server/store/sql/booking_steps.h"
#include "server/store/sql/course_rows.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

/// A user's active enrollment as found in the tables, before its course and progress are read.
struct EnrollmentRow {
  CourseId course;
  std::optional<BookingId> booking;
  UtcSeconds enrolled_at;
};

/// The user's active enrollments (one course, or all when `course` is none), newest first.
std::vector<EnrollmentRow> enrollment_rows(Connection& connection, UserId user, CourseId course) {
  auto query = connection.cached(R"sql(
SELECT course_id, NULL, enrolled_at, id FROM online_enrollments
WHERE user_id = ?1 AND left_at IS NULL AND (?2 = 0 OR course_id = ?2)
UNION ALL
SELECT c.id, b.id, b.created_at, b.id FROM bookings b JOIN courses c ON c.slot_id = b.slot_id
WHERE b.user_id = ?1 AND b.kind = 'class' AND b.status IN ('confirmed', 'waitlisted', 'checked_in')
  AND (?2 = 0 OR c.id = ?2)
ORDER BY 3 DESC, 4 DESC
)sql");
  query->bind(1, user.value);
  query->bind(2, course);
  std::vector<EnrollmentRow> rows;
  while (query->step()) {
    EnrollmentRow row{query->column_id<CourseId>(0), std::nullopt, UtcSeconds{query->column_int(2)}};
    if (!query->column_is_null(1)) row.booking = BookingId{query->column_int(1)};
    rows.push_back(row);
  }
  return rows;
}

std::vector<int> done_lessons(Connection& connection, UserId user, CourseId course) {
  auto query = connection.cached("SELECT idx FROM lesson_progress WHERE user_id = ?1 AND course_id = ?2 ORDER BY idx");
  query->bind(1, user.value);
  query->bind(2, course);
  std::vector<int> done;
  while (query->step()) done.push_back(static_cast<int>(query->column_int(0)));
  return done;
}

Enrollment complete(Connection& connection, UserId user, const EnrollmentRow& row) {
  Enrollment enrollment;
  enrollment.course = *load_course(connection, row.course, user);
  enrollment.booking = row.booking;
  enrollment.enrolled_at = row.enrolled_at;
  if (row.booking) {
    const Booking booking = *load_booking(connection, *row.booking);
    enrollment.status =
        booking.status == BookingStatus::waitlisted ? BookingStatus::waitlisted : BookingStatus::confirmed;
    enrollment.waitlist_position = booking.waitlist_position;
  }
  enrollment.done_lessons = done_lessons(connection, user, row.course);
  return enrollment;
}

std::optional<Enrollment> active_enrollment(Connection& connection, UserId user, CourseId course) {
  const auto rows = enrollment_rows(connection, user, course);
  if (rows.empty()) return std::nullopt;
  return complete(connection, user, rows.front());
}

}  // namespace

EnrollOutcome SqlStore::enroll(UserId user, CourseId course_id, bool waitlist, UtcSeconds now) {
  return write([&](Connection& writer) -> EnrollOutcome {
    const auto course = load_course(writer, course_id, user);
    if (!course) return {EnrollResult::course_not_found, std::nullopt};
    if (course->slot) {
      BookRequest request{user, course->slot->id, waitlist, INT_MAX, now};
      request.kind = SlotKind::class_session;
      switch (book(request).result) {  // joins this transaction
        case BookResult::booked: break;
        case BookResult::slot_closed: return {EnrollResult::class_started, std::nullopt};
        case BookResult::slot_full: return {EnrollResult::class_full, std::nullopt};
        case BookResult::already_holds: return {EnrollResult::already_enrolled, std::nullopt};
        case BookResult::slot_not_found:  // the class slot is the course's own: gone only with the course
        case BookResult::limit_reached:   // no booking limit for classes (INT_MAX)
        case BookResult::bad_group_size:  // classes take one place
          return {EnrollResult::course_not_found, std::nullopt};
      }
    } else {
      if (course->my_status) return {EnrollResult::already_enrolled, std::nullopt};
      auto insert =
          writer.cached("INSERT INTO online_enrollments (course_id, user_id, enrolled_at) VALUES (?1, ?2, ?3)");
      insert->bind(1, course_id);
      insert->bind(2, user.value);
      insert->bind(3, now.value);
      insert->step();
    }
    return {EnrollResult::enrolled, active_enrollment(writer, user, course_id)};
  });
}

std::vector<Enrollment> SqlStore::user_enrollments(UserId user) {
  auto connection = borrow();
  std::vector<Enrollment> items;
  for (const EnrollmentRow& row : enrollment_rows(*connection, user, CourseId{}))
    items.push_back(complete(*connection, user, row));
  return items;
}

std::optional<Enrollment> SqlStore::find_enrollment(UserId user, CourseId course) {
  auto connection = borrow();
  return active_enrollment(*connection, user, course);
}

ChangeResult SqlStore::leave_course(UserId user, CourseId course, UtcSeconds now) {
  return write([&](Connection& writer) -> ChangeResult {
    const auto rows = enrollment_rows(writer, user, course);
    if (rows.empty()) return ChangeResult::not_found;
    if (rows.front().booking)
      return cancel_booking(CancelRequest{*rows.front().booking, user, false, now}).result;  // joins
    auto leave = writer.cached(
        "UPDATE online_enrollments SET left_at = ?3 WHERE user_id = ?1 AND course_id = ?2 AND left_at IS NULL");
    leave->bind(1, user.value);
    leave->bind(2, course);
    leave->bind(3, now.value);
    leave->step();
    return ChangeResult::done;
  });
}

ProgressResult SqlStore::mark_lesson(UserId user, CourseId course, int index, bool done, UtcSeconds now) {
  return write([&](Connection& writer) -> ProgressResult {
    const auto enrollment = active_enrollment(writer, user, course);
    if (!enrollment) return ProgressResult::not_enrolled;
    if (index < 1 || index > enrollment->course.lessons_total) return ProgressResult::no_such_lesson;
    if (enrollment->status == BookingStatus::waitlisted) return ProgressResult::waitlisted;
    auto change = writer.cached(done ? "INSERT INTO lesson_progress (user_id, course_id, idx, done_at) "
                                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"
                                     : "DELETE FROM lesson_progress WHERE user_id = ?1 AND course_id = ?2 AND "
                                       "idx = ?3 AND CAST(?4 AS bigint) IS NOT NULL");
    change->bind(1, user.value);
    change->bind(2, course);
    change->bind(3, index);
    change->bind(4, now.value);
    change->step();
    return ProgressResult::done;
  });
}

}  // namespace gongyou::server::sql
