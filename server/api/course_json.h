// server/api/course_json.h — the JSON of the course classroom and lecture requests (docs/api-courses.md).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/store/course_records.h"
#include "server/store/lecture_records.h"

namespace gongyou::server::api {

/// A Category.
nlohmann::json category_json(const CourseCategory& category);

/// A Course (list item).
nlohmann::json course_json(const Course& course);

/// A Course detail: the Course with its lessons and site.
nlohmann::json course_detail_json(const CourseDetail& detail);

/// An Enrollment.
nlohmann::json enrollment_json(const Enrollment& enrollment);

/// A LectureRequest.
nlohmann::json lecture_json(const LectureRequest& request);

/// The opaque cursor continuing a course list of `sort` after `last`.
std::string encode_course_cursor(CourseSort sort, const CourseCursor& last);

/// The position a cursor continues after; nothing when the text is not a cursor of ours for `sort`.
std::optional<CourseCursor> decode_course_cursor(CourseSort sort, std::string_view cursor);

}  // namespace gongyou::server::api
