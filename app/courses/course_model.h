// app/courses/course_model.h — what the app knows of the course classroom (中心学堂) and lecture requests
// (送课上门), decoded from the API's JSON (docs/api-courses.md). Decoding never throws: malformed items
// are skipped; ids and statuses are typed here, at the JSON edge.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/statuses.h"

namespace gongyou {

/// A course category; top categories have no parent.
struct CourseCategory {
  CategoryId id;
  CategoryId parent_id;  ///< none (0): a top category
  std::string name;
  int course_count = 0;
};

/// A course as listed in the catalog.
struct Course {
  CourseId id;
  CategoryId category_id;
  SiteId site_id;  ///< none (0): online
  std::string title, teacher, summary, site_name;
  double hours = 0;  ///< class hours (课时), may be fractional
  int lessons_total = 0, enrolled = 0;
  bool in_person = false;
  int capacity = 0, remaining_places = 0, waitlist = 0;  ///< in person only
  UtcSeconds starts_at, ends_at;                         ///< in person only
  std::optional<BookingStatus> my_status;  ///< confirmed or waitlisted; nothing: not enrolled
};

/// One lesson of a course: a video, a text, or (in person) a class meeting.
struct Lesson {
  int index = 0;  ///< 1-based
  std::string title, kind, url, text;
  UtcSeconds start, end;
};

/// A course with its lessons.
struct CourseDetail {
  Course course;
  std::vector<Lesson> lessons;
  std::string site_address;
};

/// The caller's place in a course, with progress.
struct Enrollment {
  Course course;
  BookingStatus status = BookingStatus::confirmed;  ///< confirmed or waitlisted
  int waitlist_position = 0, lessons_done = 0, lessons_total = 0;
  std::vector<int> done_lessons;
};

/// A union's request for a lecture at its workplace.
struct LectureRequest {
  LectureRequestId id;
  CourseId course_id;  ///< none (0): a free topic
  std::string requester, topic, address, town, note, reason;
  LectureStatus status = LectureStatus::pending;
  std::vector<std::string> preferred_dates;
  int audience_size = 0;
  std::optional<UtcSeconds> scheduled_at;
};

/// Requests and lectures per town (staff dashboard).
struct TownLectureCount {
  std::string town;
  int requests = 0, pending = 0, scheduled = 0, delivered = 0, declined = 0;
};

std::optional<CourseCategory> category_from_json(const nlohmann::json& j);
std::optional<Course> course_from_json(const nlohmann::json& j);
std::optional<CourseDetail> course_detail_from_json(const nlohmann::json& j);
std::optional<Enrollment> enrollment_from_json(const nlohmann::json& j);
std::optional<LectureRequest> lecture_request_from_json(const nlohmann::json& j);
std::optional<TownLectureCount> town_count_from_json(const nlohmann::json& j);

}  // namespace gongyou
