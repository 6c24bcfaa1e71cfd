// server/store/course_records.h — the course classroom (中心学堂) and lecture requests (送课上门) as the store
// keeps them (docs/api-courses.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/site.h"
#include "core/units.h"
#include "server/store/booking_records.h"

namespace gongyou::server {

/// A category of the two-level course tree.
struct CourseCategory {
  CategoryId id;
  std::optional<CategoryId> parent;  ///< nothing for a top category
  std::string name;
  int position = 0;      ///< display order among its siblings
  int course_count = 0;  ///< courses in it and, for a top category, in its subcategories
};

/// Online (lessons with videos or texts) or in person (a class at a site, with a capacity).
enum class CourseFormat : std::uint8_t { online, in_person };

/// "online" / "in_person".
std::string_view course_format_name(CourseFormat format);

/// What a lesson is: a video (url), a text (text), or one meeting of an in-person class (start..end).
enum class LessonKind : std::uint8_t { video, text, session };

/// "video" / "text" / "session".
std::string_view lesson_kind_name(LessonKind kind);

/// One lesson of a course; index is 1-based.
struct Lesson {
  int index = 1;
  std::string title;
  LessonKind kind = LessonKind::video;
  std::optional<std::string> url, text;
  std::optional<UtcSeconds> start, end;
};

/// A course as listed, with its class slot's counters when in person.
struct Course {
  CourseId id;
  CategoryId category;
  std::string title, teacher, summary;
  double hours = 0;
  CourseFormat format = CourseFormat::online;
  std::optional<Slot> slot;  ///< the class slot (in person)
  std::string site_name;     ///< the class site's name (in person)
  int enrolled = 0;          ///< confirmed enrollments (online: active ones)
  int lessons_total = 0;
  UtcSeconds published_at;
  std::optional<BookingStatus> my_status;  ///< the viewer's active enrollment
};

/// A course with its lessons and its site.
struct CourseDetail {
  Course course;
  std::vector<Lesson> lessons;
  std::optional<Site> site;
};

/// Orders of the course list.
enum class CourseSort : std::uint8_t { title, newest, popular };

/// Where a page of courses continues: after the course with these order keys.
struct CourseCursor {
  std::string text;         ///< title order: initials + title
  std::int64_t number = 0;  ///< newest: published_at; popular: enrolled
  CourseId id;
};

/// Which courses to list; the filters combine with AND.
struct CourseQuery {
  std::optional<CategoryId> category;  ///< a top category includes its subcategories
  std::string text;                      ///< substring of title or teacher; empty means any
  bool text_as_pinyin = false;           ///< also match `text` against the title's pinyin (initials or whole)
  std::optional<CourseFormat> format;
  CourseSort sort = CourseSort::title;
  std::size_t limit = 20;
  std::optional<CourseCursor> after;
  std::optional<UserId> viewer;
};

/// One page of courses, the cursor of its last item, and whether more follow.
struct CoursePage {
  std::vector<Course> items;
  std::optional<CourseCursor> last;
  bool has_more = false;
};

/// A category to store (ids given by the caller so that the tree can refer to them).
struct NewCategory {
  CategoryId id;
  std::optional<CategoryId> parent;
  std::string name;
  int position = 0;
};

/// A course to store; an in-person one gets a class slot at `site` spanning its sessions with `capacity`.
struct NewCourse {
  CategoryId category;
  std::string title, title_initials, title_pinyin, teacher, summary;
  double hours = 1;
  CourseFormat format = CourseFormat::online;
  std::optional<SiteId> site;
  int capacity = 0;
  std::vector<Lesson> lessons;
  UtcSeconds published_at;
};

/// A user's active enrollment with its progress.
struct Enrollment {
  Course course;
  BookingStatus status = BookingStatus::confirmed;  ///< confirmed or waitlisted
  std::optional<int> waitlist_position;
  std::optional<BookingId> booking;  ///< the class booking (in person)
  UtcSeconds enrolled_at;
  std::vector<int> done_lessons;
};

/// What an enrollment request came to.
enum class EnrollResult : std::uint8_t {
  enrolled,
  course_not_found,
  class_started,     ///< an in-person class whose slot has begun
  class_full,        ///< an in-person class with no place left (and no waitlist asked for)
  already_enrolled,  ///< the user is enrolled or waiting already
};

/// What an enrollment request came to, with the enrollment when made.
struct EnrollOutcome {
  EnrollResult result = EnrollResult::enrolled;
  std::optional<Enrollment> enrollment;
};

/// What marking a lesson came to.
enum class ProgressResult : std::uint8_t { done, not_enrolled, no_such_lesson, waitlisted };

}  // namespace gongyou::server
