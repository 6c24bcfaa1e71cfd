// server/store/activity_records.h — the records of union activities (活动报名, core/activity.h) that the store keeps
// and the outcomes of its counted operations. docs/api-activities.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/ids.h"

namespace gongyou::server {

/// An activity as stored, with its counts at the time of reading.
struct ActivityRecord {
  ActivityId id;
  UnionId union_id;  ///< the organizer
  ActivityKind kind = ActivityKind::sports;
  std::string title, description;  ///< plain text
  std::optional<SiteId> site;      ///< where it takes place; nothing: online
  ActivityTimes times;
  std::optional<int> places;  ///< nothing: unlimited (online only)
  bool members_only = false;  ///< only verified members may sign up
  int min_age = 0, max_age = 0;  ///< the ages a matchmaking event accepts (0 for other kinds)
  UserId created_by;
  UtcSeconds created_at;
  int confirmed = 0;   ///< places taken (confirmed and checked in)
  int waitlisted = 0;  ///< people waiting
};

/// Which activities a listing returns.
struct ActivityQuery {
  std::optional<ActivityKind> kind;
  std::optional<UtcSeconds> ending_after;  ///< only those ending after this instant (upcoming and running)
  std::size_t limit = 200;
};

/// One person's sign-up, with the waitlist position while waiting (1 = next to be promoted).
struct SignupRecord {
  SignupId id;
  ActivityId activity;
  UserId user;
  std::string display_name;  ///< filled for staff lists
  std::string username;      ///< filled for staff lists
  SignupStatus status = SignupStatus::confirmed;
  std::optional<int> waitlist_position;
  UtcSeconds signed_up_at;
  std::optional<UtcSeconds> cancelled_at, checked_in_at;
  std::optional<int> declared_age;     ///< matchmaking only
  std::string contact_phone_sealed;    ///< matchmaking only: sealed by the member key; opened for staff only
};

/// A sign-up to make: the declaration is checked by the API before the store sees it.
struct SignupRequest {
  ActivityId activity;
  UserId user;
  UtcSeconds now;
  bool verified_member = false;       ///< whether the caller is a verified member (members-only activities)
  std::optional<int> declared_age;    ///< matchmaking: the declared age (single status was declared)
  std::string contact_phone_sealed;   ///< matchmaking: the sealed canonical phone
};

/// How a sign-up ended.
enum class SignupResult : std::uint8_t {
  signed_up,          ///< confirmed or waitlisted (see the record)
  not_found,          ///< no such activity
  not_open,           ///< outside the sign-up window (by the server's clock)
  members_only,       ///< a members-only activity and the caller is not a verified member
  already_signed_up,  ///< the person holds an active sign-up (the unique key)
};

/// A sign-up's result and, when signed up, the record.
struct SignupOutcome {
  SignupResult result = SignupResult::not_found;
  std::optional<SignupRecord> signup;
};

/// How a cancellation or a check-in ended.
enum class SignupChange : std::uint8_t {
  done,                ///< cancelled (a freed place went to the first waiter) or checked in
  not_found,           ///< no such sign-up (of this user / activity)
  already_cancelled,   ///< cancelled before
  already_checked_in,  ///< checked in before (a second check-in changes nothing)
  too_late,            ///< the activity has started: a cancellation is no longer possible
  not_confirmed,       ///< a check-in of a waitlisted or cancelled sign-up
};

/// A change's result, the sign-up after it, and how many waiters it promoted.
struct SignupChangeOutcome {
  SignupChange result = SignupChange::not_found;
  std::optional<SignupRecord> signup;
  int promoted = 0;
};

}  // namespace gongyou::server
