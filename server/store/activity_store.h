// server/store/activity_store.h — what the server needs stored about union activities (activity_records.h). Every
// counted decision is one serial write transaction backed by a conditional update or a unique key: a place taken by
// `UPDATE activities SET confirmed = confirmed + 1 WHERE ... confirmed < places` (never overbooked), one sign-up per
// person and activity (a unique key, INSERT ... ON CONFLICT DO NOTHING), a cancellation that frees the place and
// promotes the first waiter in the same transaction, a check-in once (UPDATE ... WHERE status = 'confirmed').
#pragma once
#include <optional>
#include <vector>

#include "server/store/activity_records.h"

namespace gongyou::server {

/// Activity storage. Implementations are safe to call from many threads at once.
class ActivityStore {
 public:
  virtual ~ActivityStore() = default;

  /// Stores a new activity (its counts are ignored) and returns it with its id.
  virtual ActivityRecord create_activity(const ActivityRecord& activity) = 0;
  /// Activities matching the query, by start (soonest first), with their counts.
  virtual std::vector<ActivityRecord> list_activities(const ActivityQuery& query) = 0;
  /// One activity with its counts.
  virtual std::optional<ActivityRecord> find_activity(ActivityId id) = 0;

  /// Signs a person up: confirmed while places are left, else waitlisted (arrival order); the window, the
  /// members-only flag and the unique key are decided inside the transaction.
  virtual SignupOutcome sign_up(const SignupRequest& request) = 0;
  /// The user's sign-up for an activity (cancelled ones included), with its waitlist position.
  virtual std::optional<SignupRecord> user_signup(ActivityId activity, UserId user) = 0;
  /// A user's sign-ups, soonest activity first.
  virtual std::vector<SignupRecord> user_signups(UserId user) = 0;
  /// Every sign-up of an activity in arrival order, with names (staff).
  virtual std::vector<SignupRecord> activity_signups(ActivityId activity) = 0;

  /// Cancels the user's active sign-up before the start; a freed place goes to the first waiter in the same
  /// transaction, who is notified.
  virtual SignupChangeOutcome cancel_signup(ActivityId activity, UserId user, UtcSeconds now) = 0;
  /// Checks a confirmed sign-up of the activity in, once.
  virtual SignupChangeOutcome check_in_signup(ActivityId activity, SignupId signup, UserId staff, UtcSeconds now) = 0;
};

}  // namespace gongyou::server
