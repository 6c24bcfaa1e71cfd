// server/store/sql/sql_activities.cpp — SqlStore's union activities (store/activity_store.h).
//
// [SECTION] Rows       reading activities (with their counts) and sign-ups (with the waitlist position)
// [SECTION] Places     the conditional update that takes a place, promotion of the first waiters
// [SECTION] Activities created, listed, one
// [SECTION] Sign-ups   sign up (the unique key), cancel (the place freed and given on at once), check in once
//
// Every write runs in locking mode behind a lock on the activity's row (Dialect::for_update(); SQLite's single writer
// needs none), so that the sign-ups of one activity are decided one at a time on both databases; the place itself is
// still taken by a conditional update and the one sign-up per person by a unique key (INSERT ... ON CONFLICT DO
// NOTHING), so that no interleaving can overbook or sign a person up twice.
#include <limits>

#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Rows

/// The columns of an activity and its waitlist length (a is the activities table).
constexpr const char* kActivityColumns =
    "a.id, a.union_id, a.kind, a.title, a.description, a.site_id, a.starts_at, a.ends_at, a.signup_opens_at, "
    "a.signup_closes_at, a.places, a.members_only, a.min_age, a.max_age, a.created_by, a.created_at, a.confirmed, "
    "(SELECT count(*) FROM activity_signups w WHERE w.activity_id = a.id AND w.status = 'waitlisted')";

ActivityRecord read_activity(const Statement& row) {
  ActivityRecord a;
  a.id = row.column_id<ActivityId>(0);
  a.union_id = row.column_id<UnionId>(1);
  a.kind = parse_activity_kind(row.column_text(2)).value_or(ActivityKind::sports);
  a.title = row.column_text(3);
  a.description = row.column_text(4);
  if (!row.column_is_null(5)) a.site = row.column_id<SiteId>(5);
  a.times = {UtcSeconds{row.column_int(6)}, UtcSeconds{row.column_int(7)}, UtcSeconds{row.column_int(8)},
             UtcSeconds{row.column_int(9)}};
  if (!row.column_is_null(10)) a.places = static_cast<int>(row.column_int(10));
  a.members_only = row.column_int(11) != 0;
  a.min_age = static_cast<int>(row.column_int(12));
  a.max_age = static_cast<int>(row.column_int(13));
  a.created_by = row.column_id<UserId>(14);
  a.created_at = UtcSeconds{row.column_int(15)};
  a.confirmed = static_cast<int>(row.column_int(16));
  a.waitlisted = static_cast<int>(row.column_int(17));
  return a;
}

std::optional<ActivityRecord> activity_on(Connection& connection, ActivityId id) {
  auto query = connection.cached(std::string("SELECT ") + kActivityColumns + " FROM activities a WHERE a.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_activity(*query);
}

/// The columns of a sign-up with its waitlist position and its person's names (s is activity_signups, u users).
constexpr const char* kSignupSelect =
    "SELECT s.id, s.activity_id, s.user_id, u.display_name, u.username, s.status, "
    "CASE WHEN s.status = 'waitlisted' THEN (SELECT count(*) FROM activity_signups w WHERE w.activity_id = "
    "s.activity_id AND w.status = 'waitlisted' AND (w.signed_up_at < s.signed_up_at OR (w.signed_up_at = "
    "s.signed_up_at AND w.id <= s.id))) END, "
    "s.signed_up_at, s.cancelled_at, s.checked_in_at, s.declared_age, s.contact_phone "
    "FROM activity_signups s JOIN users u ON u.id = s.user_id ";

std::optional<UtcSeconds> optional_time(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return UtcSeconds{row.column_int(column)};
}

SignupRecord read_signup(const Statement& row) {
  SignupRecord s;
  s.id = row.column_id<SignupId>(0);
  s.activity = row.column_id<ActivityId>(1);
  s.user = row.column_id<UserId>(2);
  s.display_name = row.column_text(3);
  s.username = row.column_text(4);
  const std::string status = row.column_text(5);
  const auto parsed = parse_signup_status(status);
  if (!parsed) throw Error("sign-up " + std::to_string(s.id.value) + " has unknown status '" + status + "'");
  s.status = *parsed;
  if (!row.column_is_null(6)) s.waitlist_position = static_cast<int>(row.column_int(6));
  s.signed_up_at = UtcSeconds{row.column_int(7)};
  s.cancelled_at = optional_time(row, 8);
  s.checked_in_at = optional_time(row, 9);
  if (!row.column_is_null(10)) s.declared_age = static_cast<int>(row.column_int(10));
  if (!row.column_is_null(11)) s.contact_phone_sealed = row.column_blob(11);
  return s;
}

std::optional<SignupRecord> signup_on(Connection& connection, SignupId id) {
  auto query = connection.cached(std::string(kSignupSelect) + "WHERE s.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_signup(*query);
}

std::optional<SignupRecord> user_signup_on(Connection& connection, ActivityId activity, UserId user) {
  auto query = connection.cached(std::string(kSignupSelect) + "WHERE s.activity_id = ?1 AND s.user_id = ?2");
  query->bind(1, activity);
  query->bind(2, user);
  if (!query->step()) return std::nullopt;
  return read_signup(*query);
}

/// Locks the activity's row where writes are not serial anyway, then reads it.
std::optional<ActivityRecord> lock_activity(Connection& writer, ActivityId id) {
  if (const char* lock = writer.dialect().for_update(); *lock) {
    auto query = writer.cached(std::string("SELECT id FROM activities WHERE id = ?1") + lock);
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
  }
  return activity_on(writer, id);
}

void set_status(Connection& writer, SignupId id, SignupStatus status) {
  auto update = writer.cached("UPDATE activity_signups SET status = ?2 WHERE id = ?1");
  update->bind(1, id);
  update->bind(2, signup_status_name(status));
  update->step();
}

// [SECTION] Places

/// Takes one place when one is left: the conditional update of the capacity guarantee. False when full.
bool take_place(Connection& writer, ActivityId activity) {
  auto update = writer.cached(
      "UPDATE activities SET confirmed = confirmed + 1 WHERE id = ?1 AND (places IS NULL OR confirmed < places)");
  update->bind(1, activity);
  update->step();
  return writer.changes() == 1;
}

/// Confirms the first waiters (arrival order) while places are left, notifying each; how many were promoted.
int promote_waiters(Connection& writer, const ActivityRecord& activity, UtcSeconds now) {
  int promoted = 0;
  for (;;) {
    std::optional<SignupId> waiter;
    std::optional<UserId> user;
    {
      auto first = writer.cached(
          "SELECT id, user_id FROM activity_signups WHERE activity_id = ?1 AND status = 'waitlisted' "
          "ORDER BY signed_up_at, id LIMIT 1");
      first->bind(1, activity.id);
      if (first->step()) {
        waiter = first->column_id<SignupId>(0);
        user = first->column_id<UserId>(1);
      }
    }
    if (!waiter || !take_place(writer, activity.id)) return promoted;
    set_status(writer, *waiter, SignupStatus::confirmed);
    auto note = writer.cached(
        "INSERT INTO notifications (user_id, kind, activity_signup_id, message, created_at) "
        "VALUES (?1, 'activity_promoted', ?2, ?3, ?4)");
    note->bind(1, *user);
    note->bind(2, *waiter);
    note->bind(3, "候补成功：“" + activity.title + "”有了空位，您已从候补转为报名成功。/ A place came free: you are in.");
    note->bind(4, now.value);
    note->step();
    ++promoted;
  }
}

}  // namespace

// [SECTION] Activities

ActivityRecord SqlStore::create_activity(const ActivityRecord& activity) {
  const ActivityId id = write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO activities (union_id, kind, title, description, site_id, starts_at, ends_at, signup_opens_at, "
        "signup_closes_at, places, members_only, min_age, max_age, created_by, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id");
    insert->bind(1, activity.union_id);
    insert->bind(2, activity_kind_name(activity.kind));
    insert->bind(3, activity.title);
    insert->bind(4, activity.description);
    if (activity.site) insert->bind(5, *activity.site); else insert->bind_null(5);
    insert->bind(6, activity.times.starts_at.value);
    insert->bind(7, activity.times.ends_at.value);
    insert->bind(8, activity.times.signup_opens_at.value);
    insert->bind(9, activity.times.signup_closes_at.value);
    if (activity.places) insert->bind(10, *activity.places); else insert->bind_null(10);
    insert->bind(11, activity.members_only ? 1 : 0);
    insert->bind(12, activity.min_age);
    insert->bind(13, activity.max_age);
    insert->bind(14, activity.created_by);
    insert->bind(15, activity.created_at.value);
    insert->step();
    return insert->column_id<ActivityId>(0);
  });
  return *find_activity(id);
}

std::vector<ActivityRecord> SqlStore::list_activities(const ActivityQuery& query) {
  auto connection = borrow();
  auto select = (*connection).cached(std::string("SELECT ") + kActivityColumns +
                                     " FROM activities a WHERE (?1 = '' OR a.kind = ?1) AND a.ends_at > ?2 "
                                     "ORDER BY a.starts_at, a.id LIMIT ?3");
  // A literal "": a default string_view has no data and would bind NULL, which equals nothing.
  select->bind(1, query.kind ? activity_kind_name(*query.kind) : std::string_view(""));
  select->bind(2, query.ending_after ? query.ending_after->value : std::numeric_limits<std::int64_t>::min());
  select->bind(3, static_cast<std::int64_t>(query.limit));
  std::vector<ActivityRecord> out;
  while (select->step()) out.push_back(read_activity(*select));
  return out;
}

std::optional<ActivityRecord> SqlStore::find_activity(ActivityId id) {
  auto connection = borrow();
  return activity_on(*connection, id);
}

// [SECTION] Sign-ups

SignupOutcome SqlStore::sign_up(const SignupRequest& request) {
  return write_locking([&](Connection& writer) -> SignupOutcome {
    const auto activity = lock_activity(writer, request.activity);
    if (!activity) return {SignupResult::not_found, std::nullopt};
    if (signup_window(activity->times, request.now) != SignupWindow::open) return {SignupResult::not_open, std::nullopt};
    if (activity->members_only && !request.verified_member) return {SignupResult::members_only, std::nullopt};
    // One row per person and activity: a new one arrives waitlisted, a cancelled one comes back at the back.
    std::optional<SignupId> id;
    {
      auto insert = writer.cached(
          "INSERT INTO activity_signups (activity_id, user_id, status, signed_up_at, declared_age, contact_phone) "
          "VALUES (?1, ?2, 'waitlisted', ?3, ?4, ?5) ON CONFLICT (activity_id, user_id) DO NOTHING RETURNING id");
      insert->bind(1, request.activity);
      insert->bind(2, request.user);
      insert->bind(3, request.now.value);
      if (request.declared_age) insert->bind(4, *request.declared_age); else insert->bind_null(4);
      if (request.contact_phone_sealed.empty()) insert->bind_null(5); else insert->bind_blob(5, request.contact_phone_sealed);
      if (insert->step()) id = insert->column_id<SignupId>(0);
    }
    if (!id) {
      auto again = writer.cached(
          "UPDATE activity_signups SET status = 'waitlisted', signed_up_at = ?3, cancelled_at = NULL, "
          "declared_age = ?4, contact_phone = ?5 WHERE activity_id = ?1 AND user_id = ?2 AND status = 'cancelled' "
          "RETURNING id");
      again->bind(1, request.activity);
      again->bind(2, request.user);
      again->bind(3, request.now.value);
      if (request.declared_age) again->bind(4, *request.declared_age); else again->bind_null(4);
      if (request.contact_phone_sealed.empty()) again->bind_null(5); else again->bind_blob(5, request.contact_phone_sealed);
      if (!again->step()) return {SignupResult::already_signed_up, std::nullopt};
      id = again->column_id<SignupId>(0);
    }
    // First come, first served: nobody passes a waiter (there is none while a place is left, but say so).
    bool others_wait = false;
    {
      auto waiting = writer.cached(
          "SELECT 1 FROM activity_signups WHERE activity_id = ?1 AND status = 'waitlisted' AND id <> ?2 LIMIT 1");
      waiting->bind(1, request.activity);
      waiting->bind(2, *id);
      others_wait = waiting->step();
    }
    if (!others_wait && take_place(writer, request.activity)) set_status(writer, *id, SignupStatus::confirmed);
    return {SignupResult::signed_up, signup_on(writer, *id)};
  });
}

std::optional<SignupRecord> SqlStore::user_signup(ActivityId activity, UserId user) {
  auto connection = borrow();
  return user_signup_on(*connection, activity, user);
}

std::vector<SignupRecord> SqlStore::user_signups(UserId user) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kSignupSelect) +
                                    "JOIN activities a ON a.id = s.activity_id WHERE s.user_id = ?1 "
                                    "ORDER BY a.starts_at, s.id LIMIT 500");
  query->bind(1, user);
  std::vector<SignupRecord> out;
  while (query->step()) out.push_back(read_signup(*query));
  return out;
}

std::vector<SignupRecord> SqlStore::activity_signups(ActivityId activity) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kSignupSelect) + "WHERE s.activity_id = ?1 ORDER BY s.signed_up_at, s.id");
  query->bind(1, activity);
  std::vector<SignupRecord> out;
  while (query->step()) out.push_back(read_signup(*query));
  return out;
}

SignupChangeOutcome SqlStore::cancel_signup(ActivityId activity_id, UserId user, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> SignupChangeOutcome {
    const auto activity = lock_activity(writer, activity_id);
    if (!activity) return {SignupChange::not_found, std::nullopt, 0};
    const auto signup = user_signup_on(writer, activity_id, user);
    if (!signup) return {SignupChange::not_found, std::nullopt, 0};
    if (signup->status == SignupStatus::cancelled) return {SignupChange::already_cancelled, signup, 0};
    if (signup->status == SignupStatus::checked_in) return {SignupChange::already_checked_in, signup, 0};
    if (now.value >= activity->times.starts_at.value) return {SignupChange::too_late, signup, 0};
    {
      auto cancel = writer.cached(
          "UPDATE activity_signups SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1 AND status = ?3");
      cancel->bind(1, signup->id);
      cancel->bind(2, now.value);
      cancel->bind(3, signup_status_name(signup->status));
      cancel->step();
      if (writer.changes() != 1) return {SignupChange::already_cancelled, signup_on(writer, signup->id), 0};
    }
    int promoted = 0;
    if (signup->status == SignupStatus::confirmed) {
      auto free = writer.cached("UPDATE activities SET confirmed = confirmed - 1 WHERE id = ?1 AND confirmed > 0");
      free->bind(1, activity_id);
      free->step();
      promoted = promote_waiters(writer, *activity, now);
    }
    return {SignupChange::done, signup_on(writer, signup->id), promoted};
  });
}

SignupChangeOutcome SqlStore::check_in_signup(ActivityId activity, SignupId signup, UserId staff, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> SignupChangeOutcome {
    auto check_in = writer.cached(
        "UPDATE activity_signups SET status = 'checked_in', checked_in_at = ?3, checked_in_by = ?4 "
        "WHERE id = ?1 AND activity_id = ?2 AND status = 'confirmed'");
    check_in->bind(1, signup);
    check_in->bind(2, activity);
    check_in->bind(3, now.value);
    check_in->bind(4, staff);
    check_in->step();
    const bool done = writer.changes() == 1;
    auto record = signup_on(writer, signup);
    if (!record || record->activity != activity) return {SignupChange::not_found, std::nullopt, 0};
    if (done) return {SignupChange::done, std::move(record), 0};
    if (record->status == SignupStatus::checked_in) return {SignupChange::already_checked_in, std::move(record), 0};
    return {SignupChange::not_confirmed, std::move(record), 0};
  });
}

}  // namespace gongyou::server::sql
