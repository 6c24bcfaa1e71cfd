// app/courses/courses.h — the course classroom (中心学堂), my courses, and lecture requests (送课上门): their
// state (CourseState, read by views) and their controller (Courses, changed by intents). Platform-free:
// talks to the API (docs/api-courses.md) through the session of Bookings.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/units.h"
#include "app/courses/course_model.h"

namespace gongyou {

class Bookings;
struct HttpResponse;

/// What the classroom screen shows.
enum class CourseView : std::uint8_t { catalog, detail, mine, requests, request_form, staff_requests };

/// Catalog order (api-courses.md `sort`).
enum class CourseSort : std::uint8_t { title, newest, popular };

/// A lecture request being written.
struct LectureForm {
  std::int64_t course_id = 0;  ///< 0: a free topic
  char topic[128] = {};
  char dates[3][11] = {};      ///< YYYY-MM-DD; empty ones are left out
  int audience_size = 50;
  char address[200] = {};
  char note[500] = {};
  std::optional<LatLon> place; ///< picked on the map
};

/// A staff decision on a lecture request.
struct LectureDecision {
  std::int64_t request = 0;
  std::string action;        ///< "accept", "schedule" or "decline"
  std::string scheduled_at;  ///< ISO-8601, for "schedule"
  std::string reason;        ///< for "decline"
};

/// All state of the classroom side of the app.
struct CourseState {
  CourseView view = CourseView::catalog;
  std::vector<CourseCategory> categories;
  std::int64_t category = 0;  ///< 0: all categories
  std::string query;
  CourseSort sort = CourseSort::title;
  std::vector<Course> list;
  std::string next_cursor;    ///< empty: the list is complete
  bool list_loading = false;
  std::uint64_t list_revision = 0;  ///< increases when the list starts over (views reset their scroll)
  std::int64_t opened_course = 0;  ///< the course the detail view shows (or is loading)
  std::optional<CourseDetail> detail;
  std::vector<Enrollment> mine;
  std::vector<LectureRequest> my_requests, staff_requests;
  std::vector<TownLectureCount> dashboard;
  bool busy = false;          ///< an enrollment or request is on its way

  /// The caller's enrollment in a course, if loaded.
  const Enrollment* enrollment(std::int64_t course_id) const;
  /// The name of a category, or "".
  const std::string& category_name(std::int64_t id) const;
};

/// The classroom controller.
class Courses {
 public:
  /// Uses `session` for the token, 401 handling and feedback.
  Courses(Bookings& session);

  const CourseState& state() const { return state_; }

  /// Shows one view, loading what it needs (views that need an account ask to sign in).
  void show(CourseView view);
  void set_category(std::int64_t category);
  void set_query(const std::string& text);
  void set_sort(CourseSort sort);
  /// Loads the next page of the catalog (the list's end came into view).
  void load_more();
  void open_course(std::int64_t course);
  void enroll(std::int64_t course, bool waitlist);
  void leave(std::int64_t course);
  void mark_lesson(std::int64_t course, int lesson, bool done);
  void submit_request(const LectureForm& form);
  void decide(const LectureDecision& decision);
  /// Reloads what the current view shows (periodic refresh).
  void refresh();
  /// Someone signed in or out: forget the last user's data; reload when the classroom is on screen.
  void session_changed(bool on_screen);

 private:
  void load_categories();
  void reload_list();
  void load_page();
  void load_mine();
  void load_requests();
  void load_staff();
  void replace_course(const Course& course);

  Bookings& session_;
  CourseState state_;
  std::string enroll_key_;  ///< idempotency key of the enrollment on its way (kept for retries)
  std::uint64_t page_generation_ = 0;  ///< answers of an outdated list query are dropped
};

}  // namespace gongyou
