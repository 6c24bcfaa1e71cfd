// server/store/postgres/pg_store.h — the Store on a PostgreSQL database (--db postgresql://...).
//
// Connection model: a pool of connections (pg_pool.h) shared by reads and writes; each write is one
// SERIALIZABLE transaction, retried when PostgreSQL reports a serialization failure, so the store code keeps
// the read-decide-write steps it has on SQLite's single writer, and several server instances may share one
// database. Every statement is prepared once per connection and limited by statement_timeout.
//
// The implementation is split by subject like SqliteStore's: pg_store.cpp (opening, sites, idempotency,
// secrets), pg_accounts.cpp, pg_schedule.cpp, pg_bookings.cpp, pg_courses.cpp, pg_enrollments.cpp,
// pg_lectures.cpp; shared row helpers in pg_booking_steps.h and pg_course_rows.h.
#pragma once
#include <memory>
#include <string>

#include "server/store/postgres/pg_pool.h"
#include "server/store/store.h"

namespace gongyou::server::postgres {

/// Store over PostgreSQL; opening migrates the database to the newest schema.
class PostgresStore final : public Store {
 public:
  /// Connects to `conninfo` (a postgresql:// URL) with `connections` pooled connections, each statement
  /// limited to `statement_timeout_ms`.
  PostgresStore(const std::string& conninfo, std::size_t connections, int statement_timeout_ms);

  // Sites (store.h).
  SitePage list_sites(const SitePageRequest& request) override;
  std::optional<Site> find_site(SiteId id) override;
  std::vector<Site> all_sites() override;
  bool seed_sites(std::span<const Site> sites) override;
  std::vector<SiteId> insert_sites(std::span<const Site> sites) override;
  IdempotentAnswer run_idempotent(const IdempotencyKey& key, UtcSeconds now, UtcSeconds fresh_since,
                                  const std::function<StoredResponse()>& action) override;
  std::string server_secret(std::string_view name, const std::function<std::string()>& make) override;
  void purge_expired(UtcSeconds now, UtcSeconds idempotency_before, UtcSeconds failures_before) override;

  // Accounts (account_store.h), in pg_accounts.cpp.
  std::optional<User> create_user(const NewUser& user) override;
  User upsert_admin(const NewUser& user) override;
  std::optional<UserCredentials> find_credentials(std::string_view username) override;
  void create_session(const NewSession& session) override;
  std::optional<User> session_user(std::string_view token_hash, UtcSeconds now) override;
  void delete_session(std::string_view token_hash) override;
  void record_login_failure(std::string_view username, std::string_view address, UtcSeconds at) override;
  void clear_login_failures(std::string_view username) override;
  std::optional<UtcSeconds> nth_recent_login_failure(FailureScope scope, std::string_view who, UtcSeconds since,
                                                     int n) override;

  // Schedules and slots (schedule_store.h), in pg_schedule.cpp.
  SiteSchedule site_schedule(SiteId site) override;
  std::vector<SiteId> scheduled_sites() override;
  void set_weekly_template(SiteId site, const WeeklyTemplate& weekly) override;
  bool set_weekly_template_if_missing(SiteId site, const WeeklyTemplate& weekly) override;
  void put_day_exception(SiteId site, const DayException& exception) override;
  bool delete_day_exception(SiteId site, LocalDate date) override;
  SlotSyncCounts sync_slots(std::span<const SlotPlan> plans, UtcSeconds now) override;
  std::vector<SlotView> list_slots(SiteId site, UtcSeconds from, UtcSeconds until,
                                   std::optional<UserId> viewer) override;
  std::optional<Slot> find_slot(SlotId id) override;
  std::optional<VisitRules> visit_rules(SiteId site) override;
  void set_visit_rules(SiteId site, const VisitRules& rules) override;
  bool set_visit_rules_if_missing(SiteId site, const VisitRules& rules) override;

  // Bookings (booking_store.h), in pg_bookings.cpp.
  BookOutcome book(const BookRequest& request) override;
  std::optional<Booking> find_booking(BookingId id) override;
  std::vector<Booking> user_bookings(UserId user, BookingScope scope, UtcSeconds now) override;
  std::vector<Booking> slot_bookings(SlotId slot) override;
  ChangeOutcome cancel_booking(const CancelRequest& request) override;
  int cancel_site_bookings(SiteId site, UtcSeconds from, UtcSeconds until, UserId staff, UtcSeconds now) override;
  ChangeOutcome check_in(BookingId id, UtcSeconds now) override;
  int release_no_shows(UtcSeconds now) override;
  ChangeOutcome decide_booking(const ApprovalRequest& request) override;
  std::vector<Notification> notifications(UserId user) override;
  void mark_notifications_read(UserId user) override;

  // Courses (course_store.h), in pg_courses.cpp, pg_enrollments.cpp and pg_lectures.cpp.
  std::vector<CourseCategory> course_categories() override;
  CoursePage list_courses(const CourseQuery& query) override;
  std::optional<CourseDetail> find_course(std::int64_t id, std::optional<UserId> viewer) override;
  bool seed_courses(std::span<const NewCategory> categories, std::span<const NewCourse> courses) override;
  EnrollOutcome enroll(UserId user, std::int64_t course, bool waitlist, UtcSeconds now) override;
  std::vector<Enrollment> user_enrollments(UserId user) override;
  std::optional<Enrollment> find_enrollment(UserId user, std::int64_t course) override;
  ChangeResult leave_course(UserId user, std::int64_t course, UtcSeconds now) override;
  ProgressResult mark_lesson(UserId user, std::int64_t course, int index, bool done, UtcSeconds now) override;
  LectureRequest create_lecture_request(const NewLectureRequest& request) override;
  std::optional<LectureRequest> find_lecture_request(std::int64_t id, UtcSeconds now) override;
  std::vector<LectureRequest> user_lecture_requests(UserId user, UtcSeconds now) override;
  std::vector<LectureRequest> list_lecture_requests(const LectureQuery& query, UtcSeconds now, bool& has_more) override;
  DecisionOutcome decide_lecture_request(const LectureDecision& decision) override;
  std::vector<TownLectureCounts> lecture_dashboard(UtcSeconds now) override;

 private:
  Pool pool_;
};

}  // namespace gongyou::server::postgres
