// app/membership/membership.h — the union and its members (issue 15): the worker's union, real-name profile and
// applications to join or transfer, the union finder (search by name or pinyin initials, or walk the tree), and the
// staff side (the application queue of a union, verifying members in person, its figures, the members' CSV).
// State (MembershipState, read by ui/membership_views) and controller (Membership). Platform-free: talks to the API
// (docs/api-membership.md) through the Session.
//
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/membership/membership_model.h"
#include "app/session.h"
#include "app/type_list.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/membership_views)
//-------------------------------------------------------------------------------------------------

struct SearchUnions { std::string text; };             ///< the finder's search text (name or pinyin initials)
struct BrowseUnion { UnionId union_id; };              ///< the finder at one union (none: the roots)
struct ApplyToUnion { UnionId union_id; MembershipKind kind; std::string reason; };  ///< confirmed 申请入会 / 申请转入
struct SaveMemberProfile { ProfileForm form; };        ///< save (or correct) the real-name profile
struct DeleteMemberProfile {};                         ///< erase the real name, ID number and phone (confirmed)
struct PickStaffUnion { UnionId union_id; };           ///< the union whose desk staff see
struct SearchStaffUnions { std::string text; };        ///< admins: find any union for the picker
struct DecideApplication { ApplicationId application; bool approve; std::string reason; };
struct VerifyMember { UserId user; };                  ///< the ID card was compared in person: 已核验
struct ExportMembers {};                               ///< the staff union's members as CSV
/// The membership intents.
using MembershipIntents = TypeList<SearchUnions, BrowseUnion, ApplyToUnion, SaveMemberProfile, DeleteMemberProfile,
                                   PickStaffUnion, SearchStaffUnions, DecideApplication, VerifyMember, ExportMembers>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// The caller's real-name state (实名状态).
enum class RealNameStatus : std::uint8_t { none, unverified, verified };  ///< 未实名 / 待核验 / 已实名

/// What the membership screens show.
struct MembershipState {
  // ---- who the caller is here (GET /me) ----
  std::vector<StaffRole> staff_roles;
  std::optional<MemberStatus> member;
  bool admin = false;

  // ---- the worker's side ----
  std::optional<MemberProfile> profile;
  bool profile_loaded = false;        ///< the profile was asked for and answered (a 404 is "none")
  bool profile_busy = false;          ///< a save or deletion is on its way
  std::string profile_error;          ///< why the server refused the last save (its own words), or ""
  std::string profile_error_code;     ///< the refusal's code ("invalid_id_number", "conflict", "network", ...)
  std::uint64_t profile_saved = 0;    ///< increases when a save succeeds (the form forgets what was typed)
  std::optional<UnionOrg> my_union;   ///< the member's union, with its path
  std::vector<MembershipApplication> my_applications;  ///< newest first

  // ---- the finder ----
  std::string query;                  ///< the search text ("" walks the tree)
  UnionId parent;                     ///< the union walked into (none: the roots)
  std::optional<UnionOrg> parent_union;
  std::vector<UnionOrg> unions;       ///< the search results, or the children of `parent`
  bool unions_loading = false;
  bool unions_failed = false;
  std::uint64_t unions_revision = 0;  ///< increases when the list starts over (views reset their scroll)

  // ---- staff ----
  UnionId staff_union;                ///< the union whose desk is shown
  std::vector<UnionOrg> staff_choices;  ///< the picker's unions (the caller's roles; admins: roots or a search)
  std::optional<UnionOrg> staff_union_info;
  std::vector<MembershipApplication> queue;  ///< pending, overdue first, then by due_by
  int queue_overdue = 0;
  std::vector<UnionMember> unverified;
  std::optional<UnionStats> stats;

  /// 未实名 / 待核验 / 已实名.
  RealNameStatus real_name_status() const;
  /// True for staff of some union (admins included): the membership desk is theirs.
  bool union_staff() const;
  /// The caller's pending application, if any.
  const MembershipApplication* pending_application() const;
  /// When the caller joined their union: the last decision of the approved application that made them a member.
  std::optional<UtcSeconds> member_since() const;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The membership controller.
class Membership {
 public:
  /// `session` must outlive it; `now` is the platform's clock (today's date for the form's check).
  Membership(Session& session, std::function<UtcSeconds()> now) : session_(session), now_(std::move(now)) {}

  const MembershipState& state() const { return state_; }

  /// 我的: the caller's place (GET /me) and profile.
  void load_summary();
  /// My union: the summary, the union's path and my applications.
  void load_my_union();
  /// The real-name form: GET /me, then the profile unless GET /me says there is none.
  void load_profile();
  /// GET /me/member-profile.
  void fetch_profile();
  /// The finder: the list for the current query or parent, and the caller's place, profile and applications (for
  /// the apply buttons).
  void load_finder();
  /// The staff desk: the union to show (chosen once), its queue, unverified members and figures.
  void load_staff();
  /// Puts the finder at `union_id` (none: the roots) without loading (a link; the screen's load follows).
  void walk_to(UnionId union_id);
  /// Someone signed in or out: forget the last user's data; the new one's place is asked for.
  void session_changed();
  /// New messages arrived: an application may have been decided.
  void messages_arrived();

  void apply(const SearchUnions& i);
  void apply(const BrowseUnion& i);
  void apply(const ApplyToUnion& i);
  void apply(const SaveMemberProfile& i);
  void apply(const DeleteMemberProfile& i);
  void apply(const PickStaffUnion& i);
  void apply(const SearchStaffUnions& i);
  void apply(const DecideApplication& i);
  void apply(const VerifyMember& i);
  void apply(const ExportMembers& i);

 private:
  void load_me();
  void load_applications();
  void load_union_list();
  void load_staff_choices();
  void load_staff_union();
  /// Runs `done` with an answer only while the user who asked is still the one signed in.
  Session::Done for_user(std::function<void(const HttpResponse&)> done);

  Session& session_;
  std::function<UtcSeconds()> now_;
  MembershipState state_;
  std::uint64_t list_generation_ = 0;   ///< answers of an outdated finder query are dropped
  std::uint64_t staff_generation_ = 0;  ///< answers for a union no longer shown are dropped
  std::string apply_key_;               ///< idempotency key of the application on its way
  std::string staff_query_;             ///< an admin's search for the picker
  bool staff_wanted_ = false;           ///< the desk was opened: pick its union once the roles are in
  bool profile_wanted_ = false;         ///< a screen shows the profile: fetch it once GET /me says there is one
};

}  // namespace gongyou
