// ui/membership_views.h — the union and its members on screen: 我的's membership lines, my union (its path, since
// when, my applications with their deadlines), the union finder (search or walk the tree; 申请入会 / 申请转入 with a
// confirm), the real-name form (a separate consent gates Save; the ID number checked as typed; only masks shown once
// saved) and the staff desk (the application queue, overdue first; verification in person; figures; CSV). Reads
// MembershipState, emits intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/intent.h"
#include "app/membership/membership.h"
#include "core/civil_time.h"
#include "ui/confirm_tap.h"
#include "ui/search_field.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// 我的's membership lines (signed in): my union or none, the real-name status, the ways to the union screens.
void draw_membership_summary(const MembershipState& state, float button_h, std::vector<Intent>& intents);

/// The membership screens; they keep what is being typed between frames.
class MembershipViews {
 public:
  /// #/me/union: my union with its path and since when, the real-name status, my applications.
  void draw_my_union(const MembershipState& state, bool phone, std::vector<Intent>& intents);
  /// #/unions: search by name or pinyin initials, or walk the tree; grassroots unions take applications.
  void draw_finder(const MembershipState& state, bool signed_in, bool phone, std::vector<Intent>& intents);
  /// #/me/profile: the masks once saved (correct, delete), or the form with its separate consent.
  void draw_profile(const MembershipState& state, UtcSeconds now, bool phone, std::vector<Intent>& intents);
  /// #/staff/members: the staff union's queue, unverified members, figures and export.
  void draw_staff(const MembershipState& state, bool phone, std::vector<Intent>& intents);

 private:
  /// A union's row (or the page's head): name, level and members; its children and 申请入会 / 申请转入.
  void union_row(const MembershipState& state, const UnionOrg& u, bool signed_in, bool head, float button_h,
                 std::vector<Intent>& intents);
  /// The confirm under a union's apply button: what it asks, an optional reason, send or cancel.
  void apply_confirm(const MembershipState& state, const UnionOrg& u, bool signed_in, float button_h,
                     std::vector<Intent>& intents);
  void profile_form(const MembershipState& state, UtcSeconds now, float button_h, std::vector<Intent>& intents);
  void staff_union_picker(const MembershipState& state, std::vector<Intent>& intents);

  // The finder.
  SearchField search_;
  UnionId applying_;             ///< the union whose apply confirm is open
  int reveal_confirm_frames_ = 0;  ///< frames left to keep the apply confirm scrolled into view
  char apply_reason_[200] = {};
  TouchScroll finder_scroll_, my_union_scroll_, profile_scroll_, staff_scroll_;

  // The real-name form. The ID number stays only until the save succeeds.
  char real_name_[64] = {};
  char id_number_[32] = {};
  char phone_[32] = {};
  bool consent_ = false;
  bool editing_ = false;         ///< correcting a saved profile
  bool tried_save_ = false;      ///< Save was tapped: every problem shows
  bool check_due_ = true;        ///< the fields changed since they were last checked
  LocalDate checked_on_;
  ProfileProblems problems_;
  std::uint64_t saved_seen_ = 0; ///< the state's profile_saved the form last reset at
  ConfirmTap confirm_;           ///< 删除我的信息, once armed

  // The staff desk.
  ApplicationId rejecting_;      ///< the application whose reason field is open
  char reject_reason_[200] = {};
  char staff_filter_[64] = {};
};

}  // namespace gongyou::ui
