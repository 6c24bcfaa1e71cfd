// app/wishes/wishes.h — micro-wishes (微心愿, issue 17.4) and the service hotlines (服务热线, 17.5) on the client: the
// wall (open wishes by category and town, the fulfilled ones with their thank-you notes, the figures), one wish with
// 我来认领 (a confirm step), the new-wish form for verified members, my wishes and my claims, the union staff's desk
// (vet the pending ones, arrange the claimed ones with both contacts, mark them handed over), and the hotlines with
// open-now badges and a call button. State (WishState, read by ui/wish_views) and controller (Wishes). Platform-free:
// talks to the API (docs/api-wishes.md, docs/api-hotlines.md) through the Session.
//
// [SECTION] Objects
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/membership/membership.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/ids.h"
#include "core/wish.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Objects (decoded at the JSON edge; a malformed item gives nothing)
//-------------------------------------------------------------------------------------------------

/// A wish as the caller may see it: the wall's fields; the reason for its wisher; contacts for staff.
struct Wish {
  WishId id;
  std::string title, story, display_name, town, thanks, reason;
  WishCategory category = WishCategory::other;
  WishStatus status = WishStatus::open;
  std::int64_t estimated_yuan = 0;
  bool mine = false, claimed_by_me = false;
  UtcSeconds created_at;
  // ---- staff only ----
  std::string union_name, wisher_phone, claimant_name, claimant_phone, claimant_note;
};

/// A town the wall can be filtered by.
struct WishTown {
  UnionId id;
  std::string name;
};

/// One hotline as GET /hotlines gives it.
struct HotlineEntry {
  std::string key, name, summary, number, tel, hours_text;
  bool open_now = false, counselling = false;
};

std::optional<Wish> wish_from_json(const nlohmann::json& j);
std::optional<HotlineEntry> hotline_from_json(const nlohmann::json& j);

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/wish_views)
//-------------------------------------------------------------------------------------------------

struct ShowWishWall {};  ///< 微心愿: the wall
/// The wall's filter: open or fulfilled wishes, a category (nothing: all), a town (0: all).
struct FilterWishes { WishStatus status; std::optional<WishCategory> category; UnionId town; };
struct OpenWish { WishId wish; };  ///< one wish
struct ClaimWish { WishId wish; };  ///< 我来认领, after the confirm step
struct ShowWishForm {};  ///< 许个心愿 (verified members)
/// Sends the new wish (pending until the union vets it).
struct SubmitWish { std::string title, story; std::int64_t estimated_yuan; WishCategory category; };
struct ShowMyWishes {};  ///< 我的心愿 and 我认领的
struct ThankWish { WishId wish; std::string text; };  ///< the wisher's thank-you note
struct ShowWishDesk {};  ///< staff: vet and arrange
/// Staff: approve or reject (with a reason) a pending wish.
struct VetWish { WishId wish; WishDecision decision; std::string reason; };
struct MarkWishFulfilled { WishId wish; };  ///< staff: handed over
struct ShowHotlines {};  ///< 服务热线
/// The wish and hotline intents.
using WishIntents = TypeList<ShowWishWall, FilterWishes, OpenWish, ClaimWish, ShowWishForm, SubmitWish, ShowMyWishes,
                             ThankWish, ShowWishDesk, VetWish, MarkWishFulfilled, ShowHotlines>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// Which wish screen is shown.
enum class WishView : std::uint8_t { wall, detail, form, mine, desk, hotlines };

/// What the wish and hotline screens show.
struct WishState {
  WishView view = WishView::wall;

  // ---- the wall ----
  WishStatus wall_status = WishStatus::open;
  std::optional<WishCategory> category;
  UnionId town;
  std::vector<WishTown> towns;
  std::vector<Wish> wall;
  std::int64_t workers_helped = 0, wishes_fulfilled = 0, open_count = 0;
  bool loading = false, failed = false;

  // ---- one wish ----
  WishId opened;
  std::optional<Wish> wish;
  bool claiming = false;

  // ---- mine ----
  bool submitting = false;
  std::uint64_t submitted = 0;  ///< increases with each wish accepted for vetting (the form empties)
  std::vector<Wish> mine, claims;

  // ---- the desk (staff) ----
  std::vector<Wish> pending, claimed;
  bool may_vet = false;  ///< the desk answered (the caller is staff of some union)
  bool deciding = false;

  // ---- hotlines ----
  std::vector<HotlineEntry> hotlines;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The wish and hotline controller.
class Wishes {
 public:
  /// `session` and `membership` (whose staff roles say who vets) must outlive it.
  Wishes(Session& session, const MembershipState& membership) : session_(session), membership_(membership) {}

  const WishState& state() const { return state_; }

  /// Reloads what the current view shows.
  void refresh();
  /// Someone signed in or out: the last user's wishes, claims and desk go.
  void session_changed();

  void apply(const ShowWishWall& i);
  void apply(const FilterWishes& i);
  void apply(const OpenWish& i);
  void apply(const ClaimWish& i);
  void apply(const ShowWishForm& i);
  void apply(const SubmitWish& i);
  void apply(const ShowMyWishes& i);
  void apply(const ThankWish& i);
  void apply(const ShowWishDesk& i);
  void apply(const VetWish& i);
  void apply(const MarkWishFulfilled& i);
  void apply(const ShowHotlines& i);

 private:
  void load_wall();
  void load_wish();
  void load_mine();
  void load_desk();
  void load_hotlines();

  Session& session_;
  const MembershipState& membership_;
  WishState state_;
  std::uint64_t wall_generation_ = 0;  ///< answers of an older filter are ignored
};

}  // namespace gongyou
