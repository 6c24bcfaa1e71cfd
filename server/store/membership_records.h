// server/store/membership_records.h — what the store keeps about union organisations, real-name member profiles,
// membership applications, staff roles and the audit log (docs/api-membership.md). Personal numbers arrive sealed
// (server/crypto/member_key.h): the store never sees an ID number or a phone in clear.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/membership.h"
#include "server/store/account_records.h"

namespace gongyou::server {

/// One organisation of the union tree. tree_first..tree_last number its subtree in pre-order.
struct UnionRecord {
  UnionId id;
  std::optional<UnionId> parent;
  std::string name;
  UnionLevel level = UnionLevel::grassroots;
  std::string region;
  int tree_first = 0;
  int tree_last = 0;
};

/// The pre-order numbers of a union's subtree: the union and everything below it.
struct UnionSubtree {
  int first = 0;
  int last = 0;
};

/// A person's real-name data as the store holds it: masks in clear, numbers sealed.
struct MemberProfileRecord {
  UserId user;
  std::string username;
  std::string real_name;
  std::string id_masked;
  std::string phone_masked;
  UtcSeconds consent_at;
  std::optional<UtcSeconds> verified_at;
  std::optional<UnionId> union_id;  ///< the grassroots union they are a member of
  std::optional<UtcSeconds> member_since;
};

/// A profile to write: created, or corrected by its owner.
struct ProfileWrite {
  UserId user;
  std::string real_name;
  std::string id_sealed;     ///< secretbox of the canonical ID number
  std::string id_hash;       ///< keyed hash of the canonical ID number (unique across accounts)
  std::string id_masked;
  std::string phone_sealed;  ///< secretbox of the canonical phone
  std::string phone_masked;
  UtcSeconds now;
};

/// A demo member to seed: an account, its profile (whose user is ignored) and its membership.
struct SeedMember {
  NewUser account;
  ProfileWrite profile;
  std::optional<UnionId> union_id;
  bool verified = false;
};

/// What writing a profile came to.
enum class ProfileWriteResult : std::uint8_t {
  saved,     ///< stored; a verified profile whose name or ID number changed is unverified again
  conflict,  ///< another account has that ID number
};

/// One side's decision on an application.
struct ApplicationDecisionRecord {
  UnionId union_id;
  bool approve = false;
  std::string reason;
  UserId staff;
  UtcSeconds at;
};

/// A membership application with its decisions so far.
struct ApplicationRecord {
  ApplicationId id;
  UserId user;
  MembershipKind kind = MembershipKind::join;
  ApplicationStatus status = ApplicationStatus::pending;
  UnionId union_id;                     ///< the union to join or move to
  std::optional<UnionId> from_union;    ///< a transfer's old union
  std::string reason;
  UtcSeconds created_at;
  UtcSeconds due_by;
  std::optional<UtcSeconds> decided_at;
  std::vector<ApplicationDecisionRecord> decisions;
};

/// An application as the staff queue lists it: with the applicant's name and masked number.
struct StaffApplicationRecord {
  ApplicationRecord application;
  std::string username;
  std::string real_name;     ///< "" when the applicant has no profile any more
  std::string id_masked;
  bool verified = false;
};

/// A new application; the API has checked the unions (a grassroots target, the applicant's current union).
struct NewApplication {
  UserId user;
  MembershipKind kind = MembershipKind::join;
  UnionId union_id;
  std::string reason;
  UtcSeconds now;
  UtcSeconds due_by;
};

/// What applying came to.
enum class ApplyResult : std::uint8_t {
  created,
  profile_required,  ///< no real-name profile
  conflict,          ///< a pending application exists, or the membership state does not allow this kind
};

/// The outcome of applying: the result and, when created, the application.
struct ApplyOutcome {
  ApplyResult result = ApplyResult::conflict;
  std::optional<ApplicationRecord> application;
  std::string why;  ///< for a conflict: which rule refused it, in Chinese
};

/// A staff member's decision for the sides of one application they may decide.
struct DecisionRequest {
  ApplicationId application;
  std::vector<UnionId> sides;  ///< the application's unions the staff member acts for (one or two)
  bool approve = false;
  std::string reason;
  UserId staff;
  UtcSeconds now;
};

/// What deciding came to.
enum class DecideResult : std::uint8_t {
  decided,          ///< at least one side's decision recorded
  not_found,
  already_decided,  ///< every side the staff member acts for has decided, or the application has ended
};

/// The outcome of a decision: the result and the application as it now stands.
struct DecideOutcome {
  DecideResult result = DecideResult::not_found;
  std::optional<ApplicationRecord> application;
};

/// The counts of a union's stats (over its subtree).
struct UnionCounts {
  std::int64_t members = 0;
  std::int64_t verified = 0;
  std::int64_t pending = 0;
  std::int64_t overdue = 0;
};

/// Which members of a subtree to list, by user id.
struct MemberQuery {
  UnionSubtree subtree;
  std::optional<bool> verified;  ///< only verified (true) or only unverified (false) members
  std::string text;              ///< substring of the real name or username; empty: any
  UserId after;
  std::size_t limit = 50;
};

/// A staff role on a union.
struct StaffRoleRecord {
  UserId user;
  std::string username;
  UnionId union_id;
  std::string role;  ///< "union_staff" or "lawyer"
};

/// One line of the audit log: who did what to whom, when. Ids and masks only.
struct AuditEntry {
  std::int64_t id = 0;
  UtcSeconds at;
  UserId actor;
  std::string actor_username;  ///< filled when read
  std::string action;          ///< profile_read, members_list, members_export, member_verify, application_decision, staff_grant
  std::optional<UnionId> union_id;
  std::optional<UserId> subject;
  std::optional<std::int64_t> object_id;
  std::string detail;
};

}  // namespace gongyou::server
