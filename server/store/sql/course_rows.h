// server/store/sql/course_rows.h — reading courses: the SELECT of a Course's columns (with its class
// slot's counters and the viewer's enrollment) and its row reader, shared by the catalog and enrollments.
#pragma once
#include <optional>
#include <string>

#include "server/store/course_records.h"
#include "server/store/sql/connection.h"

namespace gongyou::server::sql {

/// SELECT of a Course's columns over c (courses), s (its class slot), si (the slot's site) in `dialect`; ?1 is the
/// viewer's user id (NULL for none). To be followed by WHERE / ORDER BY; read each row with read_course_row().
std::string course_select(const Dialect& dialect);

/// Columns of course_select() that a wrapping query can order by: id, published_at, enrolled, title_key (pinyin
/// initials, U+0001, title).
inline constexpr int kCourseTitleKeyColumn = 19;
inline constexpr int kCourseEnrolledColumn = 17;

/// The Course in the current row of a course_select() query.
Course read_course_row(const Statement& row);

/// One course (nothing when unknown), read on `connection`, as seen by `viewer`.
std::optional<Course> load_course(Connection& connection, CourseId id, std::optional<UserId> viewer);

}  // namespace gongyou::server::sql
