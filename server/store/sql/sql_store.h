// server/store/sql/sql_store.h — the Store's domain logic, written once against the SQL interface
// (sql/connection.h), whose connections name their dialect (sql/dialect.h): every read-decide-write step,
// every booking rule. SqliteStore and PostgresStore derive from it and bring only what differs: opening and migrating,
// the connections, and how a read borrows a connection and a write runs as one transaction (lend, give_back,
// run_write). Every SQL text is fixed (or picks fragments from the dialect); values are bound parameters.
//
// The implementation is split by subject: sql_sites.cpp (sites, workplaces, idempotency, secrets, purge), sql_accounts.cpp,
// sql_schedule.cpp, sql_bookings.cpp, sql_courses.cpp, sql_enrollments.cpp, sql_lectures.cpp, sql_unions.cpp, sql_membership.cpp, sql_quizzes.cpp, sql_campaigns.cpp, sql_activities.cpp, sql_articles.cpp, sql_legal.cpp, sql_relief.cpp, sql_wishes.cpp; shared row
// helpers in booking_steps.h and course_rows.h.
#pragma once
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "server/store/sql/connection.h"
#include "server/store/store.h"

namespace gongyou::server::sql {

/// The Store over any SQL database that implements sql::Connection; abstract in how it gets connections.
class SqlStore : public Store {
 public:
  // Sites, workplaces, idempotency records, secrets (store.h), in sql_sites.cpp.
  SitePage list_sites(const SitePageRequest& request) override;
  std::optional<Site> find_site(SiteId id) override;
  std::vector<Site> all_sites() override;
  bool seed_sites(std::span<const Site> sites) override;
  std::vector<SiteId> insert_sites(std::span<const Site> sites) override;
  std::vector<Workplace> all_workplaces() override;
  bool seed_workplaces(std::span<const Workplace> workplaces) override;
  IdempotentAnswer run_idempotent(const IdempotencyKey& key, UtcSeconds now, UtcSeconds fresh_since,
                                  const std::function<StoredResponse()>& action) override;
  std::string server_secret(std::string_view name, const std::function<std::string()>& make) override;
  void purge_expired(UtcSeconds now, UtcSeconds idempotency_before, UtcSeconds failures_before) override;

  // Accounts (account_store.h), in sql_accounts.cpp.
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

  // Schedules and slots (schedule_store.h), in sql_schedule.cpp.
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

  // Bookings (booking_store.h), in sql_bookings.cpp.
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

  // Courses (course_store.h), in sql_courses.cpp, sql_enrollments.cpp and sql_lectures.cpp.
  std::vector<CourseCategory> course_categories() override;
  CoursePage list_courses(const CourseQuery& query) override;
  std::optional<CourseDetail> find_course(CourseId id, std::optional<UserId> viewer) override;
  bool seed_courses(std::span<const NewCategory> categories, std::span<const NewCourse> courses) override;
  EnrollOutcome enroll(UserId user, CourseId course, bool waitlist, UtcSeconds now) override;
  std::vector<Enrollment> user_enrollments(UserId user) override;
  std::optional<Enrollment> find_enrollment(UserId user, CourseId course) override;
  ChangeResult leave_course(UserId user, CourseId course, UtcSeconds now) override;
  ProgressResult mark_lesson(UserId user, CourseId course, int index, bool done, UtcSeconds now) override;
  LectureRequest create_lecture_request(const NewLectureRequest& request) override;
  std::optional<LectureRequest> find_lecture_request(LectureRequestId id, UtcSeconds now) override;
  std::vector<LectureRequest> user_lecture_requests(UserId user, UtcSeconds now) override;
  std::vector<LectureRequest> list_lecture_requests(const LectureQuery& query, UtcSeconds now, bool& has_more) override;
  DecisionOutcome decide_lecture_request(const LectureDecision& decision) override;
  std::vector<TownLectureCounts> lecture_dashboard(UtcSeconds now) override;

  // Unions, staff roles and the audit log in sql_unions.cpp; profiles and applications in sql_membership.cpp
  // (membership_store.h).
  bool seed_unions(std::span<const UnionRecord> unions) override;
  std::vector<UnionRecord> all_unions() override;
  std::vector<std::pair<UnionId, std::int64_t>> direct_member_counts() override;
  ProfileWriteResult put_profile(const ProfileWrite& profile) override;
  std::optional<MemberProfileRecord> find_profile(UserId user) override;
  bool delete_profile(UserId user, UtcSeconds now) override;
  bool verify_profile(UserId user, UserId staff, UtcSeconds now) override;
  std::size_t seed_members(std::span<const SeedMember> members) override;
  ApplyOutcome apply_for_membership(const NewApplication& application) override;
  std::optional<ApplicationRecord> find_application(ApplicationId id) override;
  std::vector<ApplicationRecord> user_applications(UserId user) override;
  std::vector<StaffApplicationRecord> subtree_applications(UnionSubtree subtree, std::optional<ApplicationStatus> status,
                                                           std::size_t limit) override;
  DecideOutcome decide_application(const DecisionRequest& decision) override;
  UnionCounts subtree_counts(UnionSubtree subtree, UtcSeconds now) override;
  std::vector<MemberProfileRecord> subtree_members(const MemberQuery& query) override;
  void grant_staff(UserId user, UnionId union_id, std::string_view role, UtcSeconds now) override;
  std::vector<StaffRoleRecord> staff_roles(UserId user) override;
  std::vector<StaffRoleRecord> subtree_staff(UnionSubtree subtree) override;
  void audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_log(std::int64_t before, std::size_t limit) override;

  // Prize quizzes (quiz_store.h), in sql_quizzes.cpp.
  std::vector<QuestionId> add_questions(UnionId bank, std::span<const QuizQuestion> questions, UtcSeconds now) override;
  std::optional<QuestionRecord> find_question(QuestionId id) override;
  std::vector<QuestionRecord> find_questions(std::span<const QuestionId> ids) override;
  std::vector<QuestionRecord> list_questions(const QuestionQuery& query) override;
  QuestionReplace replace_question(QuestionId id, const QuizQuestion& question, UtcSeconds now) override;
  bool retire_question(QuestionId id, UtcSeconds now) override;
  std::vector<QuestionId> question_pool(std::span<const UnionId> banks, std::span<const std::string> laws,
                                        std::span<const std::string> topics) override;
  QuizRecord create_quiz(const NewQuiz& quiz) override;
  std::vector<QuizRecord> list_quizzes() override;
  std::optional<QuizRecord> find_quiz(QuizId id) override;
  StartOutcome start_attempt(const NewAttempt& attempt) override;
  std::optional<AttemptRecord> find_attempt(AttemptId id, UserId owner, UtcSeconds now) override;
  std::vector<AttemptRecord> user_attempts(QuizId quiz, UserId user, UtcSeconds now) override;
  SubmitOutcome save_answers(const AttemptAnswers& answers) override;
  SubmitOutcome submit_attempt(const AttemptAnswers& answers) override;
  int finish_expired_attempts(UtcSeconds now) override;
  std::vector<LeaderRow> leaderboard(QuizId quiz, std::size_t limit) override;
  DrawOutcome draw_quiz(const DrawRequest& request) override;
  std::optional<DrawRecord> find_draw(QuizId quiz) override;
  std::vector<PrizeRecord> quiz_prizes(QuizId quiz) override;
  std::vector<PrizeRecord> user_prizes(UserId user) override;
  HandOutResult hand_out_prize(QuizId quiz, std::string_view code, UserId staff, UtcSeconds now) override;

  // Micro-wishes (wish_store.h), in sql_wishes.cpp.
  NewWishOutcome create_wish(const NewWish& wish) override;
  std::optional<WishRecord> find_wish(WishId id) override;
  std::vector<WishRecord> list_wishes(const WishQuery& query) override;
  WishChangeOutcome review_wish(WishId id, WishDecision decision, std::string_view reason, UserId staff,
                                UtcSeconds now) override;
  WishChangeOutcome claim_wish(const ClaimRequest& claim) override;
  WishChangeOutcome fulfil_wish(WishId id, UserId staff, UtcSeconds now) override;
  WishChangeOutcome thank_wish(WishId id, UserId wisher, std::string_view thanks) override;
  WishFigures wish_figures() override;
  std::size_t seed_wishes(std::span<const SeedWish> wishes) override;
  // Message campaigns (campaign_store.h), in sql_campaigns.cpp.
  CampaignRecord create_campaign(const CampaignRecord& campaign) override;
  std::vector<CampaignRecord> list_campaigns() override;
  std::optional<CampaignRecord> find_campaign(CampaignId id) override;
  std::int64_t count_view(CampaignId id, UserId viewer, UtcSeconds now) override;
  PostOutcome post_message(const NewMessage& message) override;
  std::optional<MessageRecord> find_message(CampaignMessageId id) override;
  std::vector<MessageRecord> list_messages(const MessageQuery& query) override;
  std::vector<MessageRecord> user_messages(CampaignId campaign, UserId user) override;
  LikeOutcome set_like(CampaignMessageId id, UserId user, bool like, UtcSeconds now) override;
  ReviewOutcome review_message(CampaignMessageId id, MessageDecision decision, std::string_view reason, UserId staff,
                               UtcSeconds now) override;
  ReviewOutcome feature_message(CampaignMessageId id, bool featured) override;
  void seed_messages(CampaignId campaign, std::span<const SeedMessage> messages) override;

  // Activities (activity_store.h), in sql_activities.cpp.
  ActivityRecord create_activity(const ActivityRecord& activity) override;
  std::vector<ActivityRecord> list_activities(const ActivityQuery& query) override;
  std::optional<ActivityRecord> find_activity(ActivityId id) override;
  SignupOutcome sign_up(const SignupRequest& request) override;
  std::optional<SignupRecord> user_signup(ActivityId activity, UserId user) override;
  std::vector<SignupRecord> user_signups(UserId user) override;
  std::vector<SignupRecord> activity_signups(ActivityId activity) override;
  SignupChangeOutcome cancel_signup(ActivityId activity, UserId user, UtcSeconds now) override;
  SignupChangeOutcome check_in_signup(ActivityId activity, SignupId signup, UserId staff, UtcSeconds now) override;

  // The info center (article_store.h), in sql_articles.cpp.
  ArticleRecord create_article(const ArticleWrite& article, UserId author, UtcSeconds now) override;
  bool update_article(ArticleId id, const ArticleWrite& article, UtcSeconds now) override;
  bool set_article_status(ArticleId id, ArticleStatus status, UtcSeconds now) override;
  bool set_article_pinned(ArticleId id, bool pinned, UtcSeconds now) override;
  std::optional<ArticleRecord> find_article(ArticleId id) override;
  ArticlePage list_articles(const ArticleQuery& query) override;
  bool record_read(ArticleId id, const std::string& reader, std::int64_t day) override;
  bool has_articles() override;
  std::int64_t add_file(const StoredFile& file) override;
  std::optional<StoredFile> find_file(std::int64_t id, FilePurpose purpose, bool with_bytes) override;
  std::vector<StoredFile> list_documents() override;
  void count_download(std::int64_t id) override;

  // Legal aid (legal_store.h), in sql_legal.cpp.
  ConsultationRecord create_consultation(const NewConsultation& consultation,
                                         const std::function<std::string()>& make_case_number) override;
  std::optional<ConsultationRecord> find_consultation(ConsultationId id) override;
  std::optional<ConsultationRecord> lookup_case(std::string_view case_number, std::string_view phone_hash) override;
  std::vector<ConsultationRecord> user_consultations(UserId asker) override;
  std::vector<ConsultationRecord> legal_queue(const LegalQueueQuery& query) override;
  std::vector<LawyerLoad> lawyer_loads() override;
  bool is_lawyer(UserId user) override;
  LegalOutcome assign_consultation(ConsultationId id, UserId lawyer, UserId admin, UtcSeconds now) override;
  LegalOutcome add_legal_message(ConsultationId id, UserId author, bool from_lawyer, std::string_view text,
                                 UtcSeconds now) override;
  LegalOutcome close_consultation(ConsultationId id, UserId by, UtcSeconds now) override;
  LegalOutcome add_legal_photo(ConsultationId id, const LegalPhotoRecord& photo, UtcSeconds now) override;
  std::optional<LegalPhotoRecord> find_legal_photo(ConsultationId id, std::int64_t photo) override;
  void record_lookup_failure(std::string_view address, UtcSeconds at) override;
  std::int64_t lookup_failures(std::string_view address, UtcSeconds since) override;
  bool seed_consultations(std::span<const SeedConsultation> consultations) override;
  // Complaints and hardship aid (relief_store.h), in sql_relief.cpp.
  ComplaintRecord create_complaint(const ComplaintRecord& complaint,
                                   const std::function<std::string()>& case_number) override;
  std::optional<ComplaintRecord> find_complaint(std::string_view case_no) override;
  std::vector<ComplaintRecord> user_complaints(UserId user) override;
  std::vector<ComplaintRecord> subtree_complaints(UnionSubtree subtree, std::optional<ComplaintStatus> status,
                                                  std::size_t limit) override;
  StepResult reply_complaint(std::string_view case_no, std::string_view reply_sealed, UserId staff,
                             UtcSeconds now) override;
  StepResult close_complaint(std::string_view case_no, UtcSeconds now) override;
  StepResult rate_complaint(std::string_view case_no, UserId user, std::int64_t rating, std::string_view comment,
                            UtcSeconds now) override;
  std::optional<HardshipRecord> create_hardship(const HardshipRecord& application,
                                                const std::function<std::string()>& case_number) override;
  std::optional<HardshipRecord> find_hardship(std::string_view case_no) override;
  std::vector<HardshipRecord> user_hardships(UserId user) override;
  std::vector<HardshipRecord> subtree_hardships(UnionSubtree subtree, std::optional<HardshipStatus> status,
                                                std::size_t limit) override;
  StepResult step_hardship(const HardshipStep& step) override;
  bool withdraw_hardship(std::string_view case_no, UserId user) override;
  StepResult recheck_hardship(std::string_view case_no, UtcSeconds now) override;
  std::vector<HardshipRecord> approved_hardships(UtcSeconds since, std::size_t limit) override;

 protected:
  /// How a write transaction keeps its decisions valid.
  enum class WriteMode {
    serial,   ///< as if the writes ran one at a time (SQLite's single writer; PostgreSQL SERIALIZABLE, retried)
    /// each decision is one conditional statement (or a unique key), or the work locks the rows it decides on
    /// first (Dialect::for_update()); PostgreSQL READ COMMITTED, without SERIALIZABLE's predicate locks and retries
    locking,
  };

  /// A connection for reads; inside run_write() on the same thread it may be the transaction's own.
  virtual Connection& lend() = 0;
  /// Takes back a connection from lend().
  virtual void give_back(Connection& connection) noexcept = 0;
  /// Runs `work` in one write transaction and returns once it is committed; rolls back and rethrows when `work`
  /// throws. May run `work` again from the start (a retried transaction). Called from inside `work`, it joins.
  virtual void run_write(WriteMode mode, const std::function<void(Connection&)>& work) = 0;

 private:
  /// Appends one line to the audit log inside the caller's write transaction.
  static void append_audit(Connection& writer, const AuditEntry& entry);

  /// A connection from lend(), given back when the lease ends.
  class Lease {
   public:
    explicit Lease(SqlStore& store) : store_(store), connection_(store.lend()) {}
    Lease(const Lease&) = delete;
    ~Lease() { store_.give_back(connection_); }
    /// The borrowed connection.
    Connection& operator*() const { return connection_; }

   private:
    SqlStore& store_;
    Connection& connection_;
  };

  /// A connection for reads, for the scope of the returned lease.
  Lease borrow() { return Lease(*this); }

  /// Runs `work(connection)` in a write transaction (run_write, serial unless told) and returns its result.
  template <class Work>
  std::invoke_result_t<Work&, Connection&> write(Work&& work, WriteMode mode = WriteMode::serial) {
    using Result = std::invoke_result_t<Work&, Connection&>;
    if constexpr (std::is_void_v<Result>) {
      run_write(mode, [&](Connection& connection) { work(connection); });
    } else {
      std::optional<Result> result;
      run_write(mode, [&](Connection& connection) { result.emplace(work(connection)); });
      return std::move(*result);
    }
  }

  /// Like write() but WriteMode::locking: `work` decides by single conditional statements or on rows it locked.
  template <class Work>
  std::invoke_result_t<Work&, Connection&> write_locking(Work&& work) {
    return write(std::forward<Work>(work), WriteMode::locking);
  }
};

}  // namespace gongyou::server::sql
