// server/store/sql/course_rows.cpp — see course_rows.h.
#include "server/store/sql/course_rows.h"

#include <string>

namespace gongyou::server::sql {

namespace {

/// kCourseSelect up to its title_key column, which course_select() completes per dialect.
constexpr const char* kCourseColumns = R"sql(
SELECT c.id AS id, c.category_id, c.title, c.teacher, c.summary, c.hours, c.format, c.published_at AS published_at,
       (SELECT count(*) FROM course_lessons l WHERE l.course_id = c.id),
       s.id AS class_slot_id, s.site_id, s.start_at, s.end_at, s.capacity, s.booked,
       (SELECT count(*) FROM bookings w WHERE w.slot_id = s.id AND w.status = 'waitlisted'),
       si.name,
       CASE WHEN c.format = 'online'
         THEN (SELECT count(*) FROM online_enrollments e WHERE e.course_id = c.id AND e.left_at IS NULL)
         ELSE s.booked END AS enrolled,
       CASE WHEN c.format = 'online'
         THEN (SELECT 'confirmed' FROM online_enrollments e WHERE e.course_id = c.id AND e.user_id = ?1
               AND e.left_at IS NULL)
         ELSE (SELECT b.status FROM bookings b WHERE b.slot_id = c.slot_id AND b.user_id = ?1
               AND b.status IN ('confirmed', 'waitlisted', 'checked_in')) END,
       )sql";

constexpr const char* kCourseFrom = R"sql( AS title_key
FROM courses c
LEFT JOIN slots s ON s.id = c.slot_id
LEFT JOIN sites si ON si.id = s.site_id
)sql";

}  // namespace

std::string course_select(const Dialect& dialect) {
  // title_key compares byte by byte, with the initials ending at U+0001 before any other character.
  return std::string(kCourseColumns) + "(c.title_initials || " + dialect.char_one() + " || c.title)" +
         dialect.byte_order() + kCourseFrom;
}

Course read_course_row(const Statement& row) {
  Course course;
  course.id = row.column_id<CourseId>(0);
  course.category = row.column_id<CategoryId>(1);
  course.title = row.column_text(2);
  course.teacher = row.column_text(3);
  course.summary = row.column_text(4);
  course.hours = row.column_double(5);
  course.format = row.column_text(6) == "in_person" ? CourseFormat::in_person : CourseFormat::online;
  course.published_at = UtcSeconds{row.column_int(7)};
  course.lessons_total = static_cast<int>(row.column_int(8));
  if (!row.column_is_null(9)) {
    Slot slot;
    slot.id = SlotId{row.column_int(9)};
    slot.site = SiteId{row.column_int(10)};
    slot.start = UtcSeconds{row.column_int(11)};
    slot.end = UtcSeconds{row.column_int(12)};
    slot.capacity = static_cast<int>(row.column_int(13));
    slot.booked = static_cast<int>(row.column_int(14));
    slot.waitlist = static_cast<int>(row.column_int(15));
    course.slot = slot;
    course.site_name = row.column_text(16);
  }
  course.enrolled = static_cast<int>(row.column_int(kCourseEnrolledColumn));
  if (!row.column_is_null(18)) course.my_status = parse_booking_status(row.column_text(18));
  return course;
}

std::optional<Course> load_course(Connection& connection, CourseId id, std::optional<UserId> viewer) {
  auto query = connection.cached(course_select(connection.dialect()) + "WHERE c.id = ?2");
  if (viewer) query->bind(1, viewer->value);
  query->bind(2, id);
  if (!query->step()) return std::nullopt;
  return read_course_row(*query);
}

}  // namespace gongyou::server::sql
