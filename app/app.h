// app/app.h — the controller: applies intents and platform events to SiteFinderState, drives the map and the API.
// Platform-free: the browser services come in as AppServices, the map as a MapView, so tests run it natively.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "app/sites/site_finder_state.h"
#include "app/bookings/bookings.h"
#include "app/map/cluster_map.h"
#include "app/coverage/coverage_analysis.h"
#include "app/map/coverage_overlay.h"
#include "app/courses/courses.h"
#include "app/intent.h"
#include "app/map/map_view.h"
#include "app/navigation.h"

namespace gongyou {

/// An HTTP request to our own server.
struct HttpRequest {
  std::string method = "GET";
  std::string url;              ///< same-origin path, e.g. "/api/v1/bookings"
  std::string body;             ///< JSON text, empty for none
  std::string token;            ///< bearer token, empty for none
  std::string idempotency_key;  ///< Idempotency-Key header, empty for none
};

/// An HTTP answer: status 0 means the request never got one (network down).
struct HttpResponse {
  int status = 0;
  std::string body;
  bool offline = false;  ///< no network: nothing came back, or the offline shell answered from its cache
};

/// What the app needs from the browser besides the map.
struct AppServices {
  /// Sends a request; `done` is called exactly once, later.
  std::function<void(const HttpRequest& request, std::function<void(HttpResponse)> done)> http;
  /// Sends a request and saves its answer as a file (calendar, CSV) named `filename`.
  std::function<void(const HttpRequest& request, const std::string& filename)> download;
  /// Ask the browser for the user's position; the answer comes back as a PlatformEvent.
  std::function<void()> request_geolocation;
  /// Reads and writes small settings that survive a reload (the session token).
  std::function<std::string(const std::string& key)> load_setting;
  std::function<void(const std::string& key, const std::string& value)> save_setting;
  /// The current time.
  std::function<UtcSeconds()> now;
  /// A fresh random idempotency key.
  std::function<std::string()> new_key;
  /// The URL hash the page was opened with ("#/site/12"), and showing a new one: `replace` rewrites the
  /// current history entry instead of adding one (a link that named something that does not exist).
  std::function<std::string()> initial_route;
  std::function<void(const std::string& hash, bool replace)> show_route;
  /// Says a sentence to screen readers (an offscreen live region); never shown as HTML.
  std::function<void(const std::string& text)> announce;
  /// Opens a link outside the app (a phone call, a map provider) without giving it this page.
  std::function<void(const std::string& url)> open_link;
  /// Shares the app's link `hash` ("#/site/12") titled `title`: the system share sheet, or copied.
  std::function<void(const std::string& title, const std::string& hash)> share;
};

/// The setting that keeps the chosen UI language ("zh-CN" or "en").
inline constexpr const char* kLanguageSetting = "gongyou.language";

/// The browser app's controller.
class App {
 public:
  /// Zoom level used when showing one site: its 15-minute ring fills a phone screen.
  static constexpr double kSiteZoom = 15;

  App(MapView& map, AppServices services);

  /// Loads the sites and draws the region; call once.
  void start();
  /// Applies what a view asked for.
  void apply(const Intent& intent);
  /// Applies what the browser reported.
  void handle(const PlatformEvent& event);

  const SiteFinderState& state() const { return state_; }
  const BookingState& bookings() const { return bookings_.state(); }
  const CourseState& courses() const { return courses_.state(); }
  /// The staff coverage analysis screen.
  const CoverageAnalysisState& coverage_analysis() const { return analysis_.state(); }
  /// The clustered map (active at national scale only).
  const ClusterMap& cluster_map() const { return cluster_map_; }

 private:
  /// Asks for every site's position: many sites go to the cluster map, few are loaded whole (load_sites_page).
  void load_positions();
  void load_sites_page(const std::string& cursor);
  /// National scale: the markers of the current view, if they changed.
  void refresh_clusters();
  /// The coverage layer: re-indexes the shown sites when `sites` (they changed), then redraws if the view changed.
  void refresh_coverage(bool sites);
  /// National scale: the list holds the sites nearest the origin, asked for after each move.
  void load_nearest();
  /// A new search text: at national scale the nearest matching sites are asked for; for the county's loaded sites,
  /// a pinyin-initials search (ldf) asks the server which sites match (the app has no reading table).
  void search(std::string text);
  /// National scale: fetches a site that is not loaded, then selects it.
  void fetch_and_select(SiteId id, bool from_map);
  void sites_changed();  // pushes markers to the map after a load or filter change
  void select(SiteId id, bool from_map);
  /// Puts the "where next" suggestions on the map when they are to be shown, or takes them off (if that changed).
  void sync_suggestion_pins();
  /// Where the app is now, as a route.
  Route current_route() const;
  /// Opens the view a link or the history names (sites must be loaded for site routes).
  void apply_route(const Route& route);
  /// Tells the browser the current route when it changed (a new history entry).
  void publish_route();

  MapView& map_;
  AppServices services_;
  SiteFinderState state_;
  Bookings bookings_{services_};
  Courses courses_{bookings_};
  CoverageAnalysis analysis_{bookings_};
  std::vector<LatLon> pins_;           // the suggestion pins on the map
  std::vector<Site> loading_;          // pages received so far
  ClusterMap cluster_map_;
  CoverageOverlay coverage_;
  BoundingBox view_{};                 // the map's bounds, as last reported
  double zoom_ = 0;
  std::uint64_t nearest_request_ = 0;  // the latest nearest-sites request; older answers are dropped
  std::uint64_t search_request_ = 0;   // the latest pinyin-initials search; older answers are dropped
  std::optional<SiteId> fetching_;     // national scale: the site asked for by id, not yet answered
  std::uint64_t map_shown_revision_ = ~0ull;
  std::optional<Route> pending_route_;  ///< from the opening link, applied once the sites are in
  Route published_route_;               ///< the route the browser's URL shows
};

}  // namespace gongyou
