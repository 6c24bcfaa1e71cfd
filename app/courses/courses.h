// app/courses/courses.h — the course classroom (中心学堂), my courses, and lecture requests (送课上门): their
// state (CourseState, read by views) and their controller (Courses, changed by intents). Platform-free:
// talks to the API (docs/api-courses.md) through the Session.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/courses/course_model.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/units.h"

namespace gongyou {

/// What the classroom screen shows.
enum class CourseView : std::uint8_t { catalog, detail, mine, requests, request_form, staff_requests };

/// Catalog order (api-courses.md `sort`).
enum class CourseSort : std::uint8_t { title, newest, popular };

/// A lecture request being written.
struct LectureForm {
  CourseId course_id;          ///< none (0): a free topic
  char topic[128] = {};
  char dates[3][11] = {};      ///< YYYY-MM-DD; empty ones are left out
  int audience_size = 50;
  char address[200] = {};
  char note[500] = {};
  std::optional<LatLon> place; ///< picked on the map
};

/// A staff decision on a lecture request.
struct LectureDecision {
  LectureRequestId request;
  std::string action;        ///< "accept", "schedule" or "decline"
  std::string scheduled_at;  ///< ISO-8601, for "schedule"
  std::string reason;        ///< for "decline"
};

/// All state of the classroom side of the app.
struct CourseState {
  CourseView view = CourseView::catalog;
  std::vector<CourseCategory> categories;
  CategoryId category;        ///< none (0): all categories
  std::string query;
  CourseSort sort = CourseSort::title;
  std::vector<Course> list;
  std::string next_cursor;    ///< empty: the list is complete
  bool list_loading = false;
  std::uint64_t list_revision = 0;  ///< increases when the list starts over (views reset their scroll)
  CourseId opened_course;     ///< the course the detail view shows (or is loading)
  std::optional<CourseDetail> detail;
  std::vector<Enrollment> mine;
  std::vector<LectureRequest> my_requests, staff_requests;
  std::vector<TownLectureCount> dashboard;
  bool busy = false;          ///< an enrollment or request is on its way

  /// The caller's enrollment in a course, if loaded.
  const Enrollment* enrollment(CourseId course_id) const;
  /// The name of a category, or "".
  const std::string& category_name(CategoryId id) const;
};

// ---- Intents (ui/course_views) ----
struct SetCourseCategory { CategoryId category; };  ///< none: all
struct SetCourseQuery { std::string text; };
struct SetCourseSort { CourseSort sort; };
struct LoadMoreCourses {};                    ///< the end of the catalog list came into view
struct OpenCourse { CourseId course; };
struct Enroll { CourseId course; bool waitlist; };
struct LeaveCourse { CourseId course; };
struct MarkLesson { CourseId course; int lesson; bool done; };
struct SubmitLectureRequest { LectureForm form; };
struct DecideLectureRequest { LectureDecision decision; };
/// The classroom's intents (ShowCourses, which also changes the screen, is the shell's: app/app.h).
using CourseIntents = TypeList<SetCourseCategory, SetCourseQuery, SetCourseSort, LoadMoreCourses, OpenCourse, Enroll,
                               LeaveCourse, MarkLesson, SubmitLectureRequest, DecideLectureRequest>;

/// The classroom controller.
class Courses {
 public:
  /// Uses `session` for the token, 401 handling and feedback.
  explicit Courses(Session& session) : session_(session) {}

  const CourseState& state() const { return state_; }

  /// Shows one view, loading what it needs (views that need an account ask to sign in).
  void show(CourseView view);
  void set_category(CategoryId category);
  /// The catalog as a link names it: `category` (none: all) and no search text; a link wins over what was typed
  /// before it was opened.
  void show_linked_list(CategoryId category);
  void open_course(CourseId course);
  void apply(const SetCourseCategory& i) { set_category(i.category); }
  void apply(const SetCourseQuery& i);
  void apply(const SetCourseSort& i);
  void apply(const LoadMoreCourses& i);
  void apply(const OpenCourse& i) { open_course(i.course); }
  void apply(const Enroll& i);
  void apply(const LeaveCourse& i);
  void apply(const MarkLesson& i);
  void apply(const SubmitLectureRequest& i);
  void apply(const DecideLectureRequest& i);
  /// Reloads what the current view shows (periodic refresh).
  void refresh();
  /// Someone signed in or out: forget the last user's data; reload when the classroom is on screen.
  void session_changed(bool on_screen);
  /// Reloads my courses (signed in only).
  void load_mine();

 private:
  void load_categories();
  void reload_list();
  void load_page();
  void load_requests();
  void load_staff();
  void replace_course(const Course& course);

  Session& session_;
  CourseState state_;
  std::string enroll_key_;  ///< idempotency key of the enrollment on its way (kept for retries)
  std::uint64_t page_generation_ = 0;  ///< answers of an outdated list query are dropped
};

}  // namespace gongyou
