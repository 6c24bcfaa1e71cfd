// app/app.h — the client's composition: one Session and ApiClient shared by every feature, the features' controllers
// (sites, bookings, the staff desk, notifications, the classroom, the coverage analysis, the union and its
// members, the prize quizzes, activities, the info center), the current screen and its
// route. Views read it (ui/app_shell draws it); intents and platform events change it. Platform-free: the browser
// comes in as PlatformServices and a MapView, so tests run all of it natively (tests/app).
#pragma once
#include <optional>
#include <vector>

#include "app/account/notifications.h"
#include "app/api_client.h"
#include "app/articles/articles.h"
#include "app/wishes/wishes.h"
#include "app/bookings/bookings.h"
#include "app/bookings/staff_desk.h"
#include "app/courses/courses.h"
#include "app/coverage/coverage_analysis.h"
#include "app/events.h"
#include "app/intent.h"
#include "app/map/map_view.h"
#include "app/membership/membership.h"
#include "app/navigation.h"
#include "app/campaigns/campaigns.h"
#include "app/quizzes/quizzes.h"
#include "app/activities/activities.h"
#include "app/services.h"
#include "app/session.h"
#include "app/sites/sites.h"
#include "core/region.h"

namespace gongyou {

/// The setting that keeps the chosen UI language ("zh-CN" or "en").
inline constexpr const char* kLanguageSetting = "gongyou.language";

/// The client app.
class App {
 public:
  /// `map` must outlive the app; `region` is the deployment's region, drawn under the sites.
  App(MapView& map, PlatformServices platform, Region region = {});
  App(const App&) = delete;

  /// Restores the session, opens the page's link (once the sites are in) and loads the sites; call once.
  void start();
  /// Applies what a view asked for.
  void apply(const Intent& intent);
  /// Applies what the platform reported.
  void handle(const PlatformEvent& event);

  /// The screen shown.
  Screen screen() const { return screen_; }
  /// The platform's current time.
  UtcSeconds now() const { return platform_.now ? platform_.now() : UtcSeconds{0}; }
  const SessionState& session() const { return session_.state(); }
  const SiteFinderState& sites() const { return sites_.state(); }
  const BookingState& bookings() const { return bookings_.state(); }
  const StaffDeskState& staff_desk() const { return staff_.state(); }
  const NotificationsState& notifications() const { return notifications_.state(); }
  const CourseState& courses() const { return courses_.state(); }
  const CoverageAnalysisState& coverage_analysis() const { return analysis_.state(); }
  const MembershipState& membership() const { return membership_.state(); }
  const QuizState& quizzes() const { return quizzes_.state(); }
  const CampaignState& campaigns() const { return campaigns_.state(); }
  const ActivityState& activities() const { return activities_.state(); }
  const ArticleState& articles() const { return articles_.state(); }
  const WishState& wishes() const { return wishes_.state(); }
  /// The clustered map (active at national scale only).
  const ClusterMap& cluster_map() const { return sites_.cluster_map(); }

 private:
  void apply_shell(const ShowScreen& i);
  void apply_shell(const OpenSiteSlots& i);
  void apply_shell(const OpenStaffDesk& i);
  void apply_shell(const ShowCourses& i);
  void apply_shell(const OpenAuth& i);
  void apply_shell(const CloseAuth& i);
  void apply_shell(const SubmitLogin& i);
  void apply_shell(const SubmitRegister& i);
  void apply_shell(const Logout& i);
  void apply_shell(const DismissFeedback& i);
  void apply_shell(const SaveLanguage& i);
  void apply_shell(const Announce& i);

  /// Shows a screen and loads what it needs (staff screens ask to sign in first).
  void show(Screen screen);
  /// Shows a screen whose controller has just loaded what it shows (nothing asked twice).
  void enter(Screen screen);
  /// Reloads what the current screen shows and the messages (a periodic refresh, or a new session).
  void refresh();
  /// Loads what the current screen shows of the union and its members (their screens and 我的).
  void load_membership();
  /// Someone signed in or out, or the session expired: every feature forgets the last user's data.
  void session_changed();
  /// Puts the "where next" suggestions on the map when they are to be shown, or takes them off (if that changed).
  void sync_suggestion_pins();
  /// Where the app is now, as a route.
  Route current_route() const;
  /// Opens the view a link or the history names (sites must be loaded for site routes).
  void apply_route(const Route& route);
  /// Tells the browser the current route when it changed (a new history entry).
  void publish_route();
  /// The sites are in: a link the page was opened with is applied now.
  void apply_pending_route();

  MapView& map_;
  PlatformServices platform_;
  ApiClient api_{platform_};
  Session session_{api_, platform_};
  Sites sites_;
  Bookings bookings_;
  StaffDesk staff_;
  Notifications notifications_{session_};
  Courses courses_{session_};
  CoverageAnalysis analysis_{session_};
  Membership membership_{session_, [this] { return now(); }};
  Quizzes quizzes_{session_, platform_};
  Campaigns campaigns_{session_, membership_.state()};
  Activities activities_{session_};
  Articles articles_{session_, platform_};
  Wishes wishes_{session_, membership_.state()};
  Screen screen_ = Screen::home;
  std::vector<LatLon> pins_;            ///< the suggestion pins on the map
  std::optional<Route> pending_route_;  ///< from the opening link, applied once the sites are in
  Route published_route_;               ///< the route the browser's URL shows
  bool sites_loaded_ = false;
};

}  // namespace gongyou
