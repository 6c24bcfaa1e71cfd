// app/activities/activities.h — union activities (活动报名, issue 16.5): the list (upcoming first, by kind), one
// activity with places left, the waitlist and my sign-up, signing up (with an idempotency key kept for retries) and
// cancelling, the declaration a 惠工鹊桥 matchmaking event asks for, and "my activities" for 我的. State
// (ActivityState, read by ui/activity_views) and controller (Activities). Platform-free: talks to the API
// (docs/api-activities.md) through the Session; answers are decoded here at the JSON edge.
//
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/session.h"
#include "app/type_list.h"
#include "core/activity.h"
#include "core/ids.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/activity_views, ui/me_view)
//-------------------------------------------------------------------------------------------------

struct ShowActivityList {};                                  ///< 活动报名: upcoming activities
struct FilterActivities { std::optional<ActivityKind> kind; };  ///< a kind chip (nothing: every kind)
struct OpenActivity { ActivityId activity; };               ///< one activity: places, waitlist, my sign-up
struct SignUpForActivity {                                  ///< 我要报名 (a matchmaking event: with the declaration)
  ActivityId activity;
  std::optional<MatchmakingDeclaration> declaration;
};
struct CancelActivitySignup { ActivityId activity; };       ///< 取消报名 (confirmed)
/// The activity intents.
using ActivityIntents =
    TypeList<ShowActivityList, FilterActivities, OpenActivity, SignUpForActivity, CancelActivitySignup>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// Which activity screen is shown.
enum class ActivityView : std::uint8_t { list, detail };

/// The site an activity takes place at.
struct ActivitySite {
  SiteId id;
  std::string name, address;
};

/// The caller's sign-up for an activity.
struct MySignup {
  SignupId id;
  ActivityId activity;
  SignupStatus status = SignupStatus::confirmed;
  std::optional<int> waitlist_position;  ///< 1 = next to get a place
};

/// An activity as listed (GET /activities).
struct ActivitySummary {
  ActivityId id;
  ActivityKind kind = ActivityKind::sports;
  std::string title, description, union_name;
  std::optional<ActivitySite> site;  ///< nothing: online
  ActivityTimes times;
  SignupWindow signup = SignupWindow::closed;
  std::optional<int> places, places_left;  ///< nothing: unlimited
  int confirmed = 0, waitlist = 0;
  bool members_only = false;
  int min_age = 0, max_age = 0;  ///< matchmaking only
  std::optional<MySignup> me;    ///< filled by GET /activities/{id} when signed in
  /// True while the caller's sign-up counts (confirmed, waitlisted or checked in).
  bool signed_up() const { return me && signup_is_active(me->status); }
};

/// One line of 我的活动: my sign-up and its activity.
struct MyActivity {
  MySignup signup;
  ActivitySummary activity;
};

/// An activity from its JSON; nothing when malformed.
std::optional<ActivitySummary> activity_from_json(const nlohmann::json& j);
/// A sign-up from its JSON; nothing when malformed.
std::optional<MySignup> signup_from_json(const nlohmann::json& j);

/// What the activity screens show.
struct ActivityState {
  ActivityView view = ActivityView::list;
  std::vector<ActivitySummary> activities;  ///< upcoming, soonest first, of `kind`
  std::optional<ActivityKind> kind;         ///< the filter (nothing: every kind)
  bool loading = false, failed = false;
  ActivityId opened;
  std::optional<ActivitySummary> activity;  ///< the opened one
  bool busy = false;                        ///< a sign-up or cancellation on its way
  std::vector<MyActivity> mine;             ///< 我的活动, soonest first
  std::uint64_t revision = 0;               ///< increases when another activity is opened: the view's form resets
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The activity controller.
class Activities {
 public:
  /// `session` must outlive it.
  explicit Activities(Session& session) : session_(session) {}

  const ActivityState& state() const { return state_; }

  /// Reloads what the current view shows (the screen was opened, or the periodic refresh).
  void refresh();
  /// Loads 我的活动 (the 我的 screen was opened).
  void load_mine();
  /// Someone signed in or out: the last user's sign-ups go.
  void session_changed();

  void apply(const ShowActivityList& i);
  void apply(const FilterActivities& i);
  void apply(const OpenActivity& i);
  void apply(const SignUpForActivity& i);
  void apply(const CancelActivitySignup& i);

 private:
  void load_list();
  void load_activity();

  Session& session_;
  ActivityState state_;
  std::string signup_key_;       ///< idempotency key of the sign-up on its way (kept for retries)
  ActivityId signup_key_for_;    ///< the activity that key is for
};

}  // namespace gongyou
