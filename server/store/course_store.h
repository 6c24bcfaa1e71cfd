// server/store/course_store.h — what the server needs stored about the course classroom and lecture
// requests. In-person enrollment is a booking of the course's class slot (BookingStore::book).
#pragma once
#include <optional>
#include <span>
#include <vector>

#include "server/store/course_records.h"
#include "server/store/lecture_records.h"

namespace gongyou::server {

/// Course and lecture-request storage. Implementations are safe to call from many threads at once.
class CourseStore {
 public:
  virtual ~CourseStore() = default;

  /// Every category with its course count, top categories each followed by their subcategories.
  virtual std::vector<CourseCategory> course_categories() = 0;

  /// One page of courses.
  virtual CoursePage list_courses(const CourseQuery& query) = 0;

  /// One course with its lessons and site; with `viewer`, the viewer's enrollment status.
  virtual std::optional<CourseDetail> find_course(CourseId id, std::optional<UserId> viewer) = 0;

  /// Stores the categories and courses in one transaction when there are no categories yet; false (nothing
  /// written) otherwise.
  virtual bool seed_courses(std::span<const NewCategory> categories, std::span<const NewCourse> courses) = 0;

  /// Enrolls a user: online without a cap; in person by booking the class slot (capacity, waitlist).
  virtual EnrollOutcome enroll(UserId user, CourseId course, bool waitlist, UtcSeconds now) = 0;

  /// A user's active enrollments, newest first.
  virtual std::vector<Enrollment> user_enrollments(UserId user) = 0;

  /// A user's active enrollment in one course.
  virtual std::optional<Enrollment> find_enrollment(UserId user, CourseId course) = 0;

  /// Leaves a course (in person: cancels the class booking, promoting the first waiter). not_found when not
  /// enrolled; too_late as for bookings.
  virtual ChangeResult leave_course(UserId user, CourseId course, UtcSeconds now) = 0;

  /// Marks a lesson done or not done.
  virtual ProgressResult mark_lesson(UserId user, CourseId course, int index, bool done, UtcSeconds now) = 0;

  /// Stores a new lecture request.
  virtual LectureRequest create_lecture_request(const NewLectureRequest& request) = 0;

  /// One lecture request (status delivered once its scheduled time is before `now`).
  virtual std::optional<LectureRequest> find_lecture_request(LectureRequestId id, UtcSeconds now) = 0;

  /// A user's lecture requests, newest first.
  virtual std::vector<LectureRequest> user_lecture_requests(UserId user, UtcSeconds now) = 0;

  /// Lecture requests for staff, newest first; `has_more` tells whether more follow.
  virtual std::vector<LectureRequest> list_lecture_requests(const LectureQuery& query, UtcSeconds now,
                                                            bool& has_more) = 0;

  /// Applies a staff decision and notifies the requester.
  virtual DecisionOutcome decide_lecture_request(const LectureDecision& decision) = 0;

  /// Requests counted per town: every town that has sites, plus "" when requests fall outside them.
  virtual std::vector<TownLectureCounts> lecture_dashboard(UtcSeconds now) = 0;
};

}  // namespace gongyou::server
