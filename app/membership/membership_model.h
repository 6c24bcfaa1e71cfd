// app/membership/membership_model.h — the union tree, real-name profiles and membership applications as the client
// holds them (docs/api-membership.md "Objects"), decoded at the JSON edge: ids, levels, kinds and states typed, a
// malformed item gives nothing (lists skip it). Also the profile form's own check (core/id_number.h), which the view
// shows as the user types and the controller repeats before anything is sent. Platform-free.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/civil_time.h"
#include "core/id_number.h"
#include "core/ids.h"
#include "core/membership.h"

namespace gongyou {

/// One step of a union's path from the root (breadcrumbs).
struct UnionCrumb {
  UnionId id;
  std::string name;
};

/// A union organisation (工会组织).
struct UnionOrg {
  UnionId id;
  std::string name;
  UnionLevel level = UnionLevel::grassroots;
  UnionId parent;                ///< none (0) for a root
  std::string region;            ///< "huian", "dingxi"
  int member_count = 0;          ///< members of it and of every union below it
  int child_count = 0;
  std::vector<UnionCrumb> path;  ///< from the root to its parent (empty for a root)

  /// Only grassroots unions take members.
  bool takes_members() const { return level == UnionLevel::grassroots; }
};

/// The caller's real-name profile (实名信息): only masks of the ID number and the phone, never the numbers.
struct MemberProfile {
  std::string real_name, id_number_masked, phone_masked;
  bool verified = false;
  std::optional<UtcSeconds> verified_at, consent_at;
  UnionId union_id;        ///< none unless a member
  std::string union_name;
};

/// A staff role of the caller (GET /me "staff").
struct StaffRole {
  UnionId union_id;
  std::string role;  ///< "union_staff", "lawyer"
};
/// The caller's membership (GET /me "member").
struct MemberStatus {
  UnionId union_id;
  bool verified = false;
};

/// One side's decision on an application.
struct ApplicationDecision {
  UnionId union_id;
  bool approved = false;
  std::string reason;
  std::optional<UtcSeconds> at;
};

/// The applicant of an application, as staff see them (masks only).
struct Applicant {
  UserId user_id;
  std::string username, real_name, id_number_masked;
  bool verified = false;
};

/// A membership application (入会 / 转会): the caller's own, or one in a staff queue (with its applicant).
struct MembershipApplication {
  ApplicationId id;
  MembershipKind kind = MembershipKind::join;
  ApplicationStatus status = ApplicationStatus::pending;
  UnionId union_id, from_union_id;
  std::string union_name, from_union_name, reason;
  UtcSeconds created_at{0}, due_by{0};
  bool overdue = false;
  int days_left = 0;                   ///< working days to due_by (0 on the day, negative once overdue)
  std::vector<ApplicationDecision> decisions;
  std::vector<UnionId> waiting_for;    ///< the sides still to decide (pending only)
  std::optional<Applicant> applicant;  ///< staff queue only
  std::vector<UnionId> can_decide;     ///< staff queue only: the sides the caller may decide

  /// The reason of a rejection, or "" (the first rejecting side's).
  const std::string& rejection_reason() const;
  /// The name of the union `side` of this application ("" when it is neither).
  const std::string& side_name(UnionId side) const;
};

/// A member in a staff list (masks only).
struct UnionMember {
  UserId user_id;
  std::string username, real_name, id_number_masked, phone_masked;
  bool verified = false;
  UnionId union_id;
  std::string union_name;
};

/// A union's figures (over it and its descendants).
struct UnionStats {
  int members = 0, verified = 0, pending = 0, overdue = 0;
  double verification_rate = 0;  ///< 0..1
};

std::optional<UnionOrg> union_from_json(const nlohmann::json& j);
std::optional<MemberProfile> member_profile_from_json(const nlohmann::json& j);
std::optional<MembershipApplication> application_from_json(const nlohmann::json& j);
std::optional<UnionMember> union_member_from_json(const nlohmann::json& j);
std::optional<UnionStats> union_stats_from_json(const nlohmann::json& j);
/// The staff roles and the membership of a GET /me answer.
std::vector<StaffRole> staff_roles_from_json(const nlohmann::json& me);
std::optional<MemberStatus> membership_from_json(const nlohmann::json& me);

/// The real-name form as typed.
struct ProfileForm {
  std::string real_name, id_number, phone;
  bool consent = false;
};

/// What is wrong with a profile form (all fine when ok()).
struct ProfileProblems {
  bool name_missing = false;
  IdNumberProblem id = IdNumberProblem::none;
  bool phone_invalid = false;
  bool consent_missing = false;
  bool ok() const { return !name_missing && id == IdNumberProblem::none && !phone_invalid && !consent_missing; }
};

/// Checks a form on `today` (the ID number and phone as typed: they are normalized first).
ProfileProblems check_profile_form(std::string_view real_name, std::string_view id_number, std::string_view phone,
                                   bool consent, LocalDate today);
/// The PUT /me/member-profile body of a form (normalized numbers).
std::string profile_body(const ProfileForm& form);

}  // namespace gongyou
