// server/store/membership_store.h — what the server needs stored about unions and their members: the tree, real-name
// profiles, membership applications and decisions, staff roles, the audit log (membership_records.h).
#pragma once
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "server/store/membership_records.h"

namespace gongyou::server {

/// Union and membership storage. Implementations are safe to call from many threads at once.
class MembershipStore {
 public:
  virtual ~MembershipStore() = default;

  /// Inserts the tree in one transaction when the store has no union yet (ids and tree numbers as given);
  /// false (nothing written) when it had some.
  virtual bool seed_unions(std::span<const UnionRecord> unions) = 0;
  /// Every union, in id order.
  virtual std::vector<UnionRecord> all_unions() = 0;
  /// The members of each union that has any (its own members, not its subtree's).
  virtual std::vector<std::pair<UnionId, std::int64_t>> direct_member_counts() = 0;

  /// Creates or corrects a profile (the consent time is kept from the first write).
  virtual ProfileWriteResult put_profile(const ProfileWrite& profile) = 0;
  /// The profile of a user, if any.
  virtual std::optional<MemberProfileRecord> find_profile(UserId user) = 0;
  /// Deletes the profile (membership ends; pending applications are withdrawn); false when there was none.
  virtual bool delete_profile(UserId user, UtcSeconds now) = 0;
  /// Marks a profile verified by `staff`; false when there is no profile.
  virtual bool verify_profile(UserId user, UserId staff, UtcSeconds now) = 0;
  /// Seeds demo members in one transaction: each account (skipped when its name is taken) with its profile and
  /// membership. Returns how many were added.
  virtual std::size_t seed_members(std::span<const SeedMember> members) = 0;

  /// Applies to join or transfer, checking in one transaction: a profile, no pending application, membership
  /// state (join: not a member; transfer: a member of another union). A transfer's old union is the current one.
  virtual ApplyOutcome apply_for_membership(const NewApplication& application) = 0;
  /// One application.
  virtual std::optional<ApplicationRecord> find_application(ApplicationId id) = 0;
  /// A user's applications, newest first.
  virtual std::vector<ApplicationRecord> user_applications(UserId user) = 0;
  /// Applications to or from a subtree, with the applicant: pending ones by due_by (overdue first), others newest
  /// first; `status` nothing for all.
  virtual std::vector<StaffApplicationRecord> subtree_applications(UnionSubtree subtree,
                                                                   std::optional<ApplicationStatus> status,
                                                                   std::size_t limit) = 0;
  /// Records the decisions in one transaction: each side once; a rejection ends the application, the last
  /// approval approves it and moves the member; the applicant is notified when it ends.
  virtual DecideOutcome decide_application(const DecisionRequest& decision) = 0;

  /// Members, verified members, pending and overdue (due_by before `now`) applications of a subtree.
  virtual UnionCounts subtree_counts(UnionSubtree subtree, UtcSeconds now) = 0;
  /// Members of a subtree by user id, one page (limit + 1 read to know whether more follow).
  virtual std::vector<MemberProfileRecord> subtree_members(const MemberQuery& query) = 0;

  /// Grants a staff role (nothing when held already).
  virtual void grant_staff(UserId user, UnionId union_id, std::string_view role, UtcSeconds now) = 0;
  /// A user's staff roles.
  virtual std::vector<StaffRoleRecord> staff_roles(UserId user) = 0;
  /// The staff roles on a subtree's unions.
  virtual std::vector<StaffRoleRecord> subtree_staff(UnionSubtree subtree) = 0;

  /// Appends to the audit log.
  virtual void audit(const AuditEntry& entry) = 0;
  /// The audit log newest first, ids below `before` (0: from the newest).
  virtual std::vector<AuditEntry> audit_log(std::int64_t before, std::size_t limit) = 0;
};

}  // namespace gongyou::server
