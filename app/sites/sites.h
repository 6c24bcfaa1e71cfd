// app/sites/sites.h — the site finder (服务阵地): loading the sites, the search and filters, the sort origin, the
// selection, and everything drawn on the map for them (markers or clusters, 15-minute rings, the coverage layer).
// Its state (SiteFinderState) is read by ui/site_finder_view; its intents come from there and the map's events
// from the platform. Platform-free: the map is a MapView, the API an ApiClient.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/api_client.h"
#include "app/events.h"
#include "app/map/cluster_map.h"
#include "app/map/coverage_overlay.h"
#include "app/map/map_view.h"
#include "app/services.h"
#include "app/sites/site_finder_state.h"
#include "app/type_list.h"

namespace gongyou {

// ---- Intents (ui/site_finder_view) ----
struct ToggleType { SiteType type; };          ///< show/hide one site type
struct ShowAllTypes {};                        ///< show every site type
struct SetQuery { std::string text; };         ///< filter by search text
struct ToggleFacility { std::size_t index; };  ///< ask for a facility (kFacilityIds) or stop asking
struct SetOpenNow { bool on; };                ///< only the sites open now, or all
struct SelectSite { SiteId site; };            ///< choose a site in the list
struct CloseSite {};                           ///< put the chosen site's card away (back to the list)
struct OpenLink { std::string url; };          ///< leave for a link of the card (call, directions): site_links.h
struct ShareSite { SiteId site; };             ///< share the site's link (share sheet, or copied)
struct LocateMe {};                            ///< sort by distance from the user ("near me")
struct UseMapCenter {};                        ///< sort by distance from the map center
struct RetryLoad {};                           ///< load the sites again after a failure
struct ToggleCoverage {};                      ///< show or hide the 15-minute coverage layer
struct ClearFilters {};                        ///< every type, no facility, not only open now, no search text
/// The site finder's intents.
using SiteIntents = TypeList<ToggleType, ShowAllTypes, SetQuery, ToggleFacility, SetOpenNow, SelectSite, CloseSite,
                             OpenLink, ShareSite, LocateMe, UseMapCenter, RetryLoad, ToggleCoverage, ClearFilters>;

/// The site finder's controller.
class Sites {
 public:
  /// Zoom level used when showing one site: its 15-minute ring fills a phone screen.
  static constexpr double kSiteZoom = 15;
  /// How long the search text must stay unchanged before the map fits its results (typing moves nothing).
  static constexpr int kSearchSettleMilliseconds = 500;

  /// Everything must outlive the controller.
  Sites(MapView& map, ApiClient& api, const PlatformServices& platform, Region region);

  const SiteFinderState& state() const { return state_; }
  /// The clustered map (active at national scale only).
  const ClusterMap& cluster_map() const { return cluster_map_; }

  /// Draws the region and loads the sites; call once.
  void start();
  /// Selects a site (fetching it first at national scale when it is not loaded); `from_map`: the map chose it.
  void select(SiteId id, bool from_map);
  /// Closes the selected site's card.
  void deselect();
  /// The site asked for by id (national scale) that has not arrived, if any: where the app is going.
  std::optional<SiteId> fetching() const { return fetching_; }
  /// Called once the first full load is in (links that name a site wait for it), and when a site fetched by id
  /// arrived or turned out not to exist (`found`).
  std::function<void()> on_loaded;
  std::function<void(SiteId site, bool found)> on_fetched;

  void apply(const ToggleType& i);
  void apply(const ShowAllTypes& i);
  void apply(const SetQuery& i);
  void apply(const ToggleFacility& i);
  void apply(const SetOpenNow& i);
  void apply(const SelectSite& i);
  void apply(const CloseSite& i);
  void apply(const OpenLink& i);
  void apply(const ShareSite& i);
  void apply(const LocateMe& i);
  void apply(const UseMapCenter& i);
  void apply(const RetryLoad& i);
  void apply(const ToggleCoverage& i);
  void apply(const ClearFilters& i);

  void handle(const MarkerClicked& e);
  void handle(const ClusterClicked& e);
  void handle(const MapMoved& e);
  void handle(const GeolocationFound& e);
  void handle(const GeolocationFailed& e);
  /// Once a minute: "open now" follows the clock; back online after the offline shell answered?
  void handle(const RefreshTick& e);

  /// Pushes markers to the map when the shown set changed (after every intent and event).
  void sites_changed();
  /// A timer of TimerOwner::site_search ran out: the search text settled, so the map shows its results.
  void timer_fired(std::uint64_t token);

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
  /// Shows every listed site on the map (after a search settled; a search is newer than an open card).
  void fit_results();
  /// National scale: fetches a site that is not loaded, then selects it.
  void fetch_and_select(SiteId id, bool from_map);
  void loaded();  // the first full load (or a reload) is in

  MapView& map_;
  ApiClient& api_;
  const PlatformServices& platform_;
  Region region_;
  SiteFinderState state_;
  std::vector<Site> loading_;          // pages received so far
  ClusterMap cluster_map_;
  CoverageOverlay coverage_;
  BoundingBox view_{};                 // the map's bounds, as last reported
  double zoom_ = 0;
  std::uint64_t nearest_request_ = 0;  // the latest nearest-sites request; older answers are dropped
  std::uint64_t search_request_ = 0;   // the latest pinyin-initials search; older answers are dropped
  std::uint64_t search_timer_ = 0;     // the latest search text's settle timer; older ones are ignored
  std::optional<std::string> settled_query_;  // the search text whose results the map was fitted to
  std::optional<SiteId> fetching_;     // national scale: the site asked for by id, not yet answered
  std::uint64_t map_shown_revision_ = ~0ull;
};

}  // namespace gongyou
