// app/sites/site_finder_state.h — what the browser app knows and shows: sites, filters, the sort origin, the selection.
// Platform-free: no JS, no I/O. Views read it; the App controller changes it in answer to intents and events.
#pragma once
#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/events.h"  // GeolocationError
#include "core/opening_hours.h"
#include "core/site.h"
#include "core/site_type.h"
#include "core/units.h"

namespace gongyou {

/// Where distances in the list are measured from.
enum class OriginKind : std::uint8_t { map_center, user_location };

/// One row of the site list: a site and how far it is from the origin.
struct ListedSite {
  const Site* site;
  Metres distance;
  Minutes walk;
};

/// The facilities a worker can ask the list for (ids of Site::facilities, named in the string catalogs).
inline constexpr std::array<std::string_view, 12> kFacilityIds = {
    "water", "hot_water", "charging", "microwave", "toilet", "wifi", "aed", "rest_area", "books", "first_aid",
    "nursing", "parking"};

/// Where the site list comes from.
enum class LoadStatus : std::uint8_t { loading, loaded, failed };

/// All state of the site map screen.
class SiteFinderState {
 public:
  static constexpr std::size_t kTypeCount = 14;

  SiteFinderState();

  // ---- Changes (called by the App controller) ----
  /// Replaces all sites (after a load from the server).
  void set_sites(std::vector<Site> sites);
  /// Adds one site (fetched by id) to those loaded, unless it is there already.
  void add_site(Site site);
  /// At national scale only some sites are loaded (the nearest); the type filters and the header count then use
  /// these totals of every site. nullopt: count the loaded sites.
  void set_type_totals(std::optional<std::array<std::size_t, kTypeCount>> totals);
  /// The coverage layer: asked for (`on`), and drawn (zoomed in far enough).
  void set_coverage(bool on, bool drawn) {
    coverage_on_ = on;
    coverage_drawn_ = drawn;
  }
  bool coverage_on() const { return coverage_on_; }
  bool coverage_drawn() const { return coverage_drawn_; }
  /// Marks a (re)load in progress.
  void set_loading() { load_status_ = LoadStatus::loading; }
  /// Records that loading failed, with a message for the user.
  void set_load_failed(std::string message);
  /// Whether the sites shown came from the offline shell's cache (no network).
  void set_offline(bool offline) { offline_ = offline; }
  bool offline() const { return offline_; }
  /// Shows or hides one site type.
  void toggle_type(SiteType type);
  /// Shows every site type.
  void show_all_types();
  /// Filters by a search text (substring of name, address or town, or a match the server found: see below).
  void set_query(std::string query);
  /// The sites the server found for `query` (pinyin initials, which the app cannot read itself, or the national
  /// scale's search): listed too while the search text is `query`. `ids` in any order.
  void set_query_matches(std::string query, std::vector<SiteId> ids);
  /// Asks for (or stops asking for) sites with facility kFacilityIds[index].
  void toggle_facility(std::size_t index);
  /// Shows only the sites open at the time last given to set_now() (or all again).
  void set_open_now(bool open_now);
  /// Turns every filter off: all types, no facilities, not only open now, no search text.
  void clear_filters();
  /// The current time, for "open now"; refilters when that filter is on.
  void set_now(UtcSeconds now);
  /// Selects a site (or none). Unknown ids select nothing. `from_map` asks the list to scroll to it.
  void select(std::optional<SiteId> id, bool from_map = false);
  /// The map's center moved; distances follow it unless a site is open (see origin()).
  void set_map_center(LatLon center);
  /// Measures distances from the user's position.
  void set_user_location(LatLon position);
  /// Goes back to measuring from the map center.
  void use_map_center();
  /// Records a failed geolocation request.
  void set_geolocation_error(GeolocationError error);
  /// Marks a geolocation request in flight.
  void set_locating(bool locating) { locating_ = locating; }
  /// Records that a site's link was handed to the share sheet or copied (the card says so).
  void set_shared(SiteId site) { shared_ = site; }

  // ---- Reading (views) ----
  /// The filtered sites, nearest first.
  const std::vector<ListedSite>& listed() const { return listed_; }
  /// Every loaded site, whatever the filters (the staff desk's site picker).
  const std::vector<Site>& all_sites() const { return sites_; }
  /// Sites shown on the map (same filter as the list).
  const std::vector<const Site*>& shown_sites() const { return shown_; }
  /// True when the site is loaded.
  bool knows(SiteId id) const;
  /// The selected site, if any.
  const Site* selected() const;
  /// Whether the list asks for facility kFacilityIds[index].
  bool facility_required(std::size_t index) const { return required_facilities_[index]; }
  /// Whether the list shows only sites open now.
  bool open_now() const { return open_now_; }
  /// How many of the facility and open-now filters are on (for the filter button's label).
  int extra_filter_count() const { return static_cast<int>(required_facilities_.count()) + (open_now_ ? 1 : 0); }
  /// True when any filter narrows the list (a hidden type, a facility, open now, a search text): an empty list
  /// then says which, and offers to clear them.
  bool filtering() const { return !all_types_visible() || extra_filter_count() > 0 || !query_.empty(); }
  /// How many site types are hidden.
  std::size_t hidden_type_count() const { return kTypeCount - visible_types_.count(); }
  /// The site whose link was last shared or copied, if any.
  std::optional<SiteId> shared() const { return shared_; }
  /// The selected site's row in listed(), if it passes the filter.
  std::optional<std::size_t> selected_row() const;
  /// Distance and walking time from the origin to the selected site.
  std::optional<ListedSite> selected_distance() const;
  /// True when the type is shown.
  bool type_visible(SiteType type) const { return visible_types_[static_cast<std::size_t>(type)]; }
  /// True when every type is shown.
  bool all_types_visible() const { return visible_types_.all(); }
  /// How many sites have this type (the totals at national scale, else the loaded sites).
  std::size_t count_of(SiteType type) const {
    return (type_totals_ ? *type_totals_ : type_counts_)[static_cast<std::size_t>(type)];
  }
  /// True when only some sites are loaded (national scale: the map clusters every site's position).
  bool national_scale() const { return type_totals_.has_value(); }
  /// How many sites pass the type filter: all of them at national scale, else the listed ones.
  std::size_t shown_total() const;
  /// The shown types, one bit per SiteType.
  const std::bitset<kTypeCount>& visible_types() const { return visible_types_; }
  const std::string& query() const { return query_; }
  OriginKind origin_kind() const { return origin_kind_; }
  /// The map's center as last reported.
  LatLon map_center() const { return map_center_; }
  /// Where distances are measured from: the user, when known; else the map's centre as it was when no site was
  /// open (flying to an opened site does not move it: its card would say "0 m").
  LatLon origin() const { return origin_kind_ == OriginKind::user_location ? user_location_ : center_origin_; }
  std::optional<GeolocationError> geolocation_error() const { return geolocation_error_; }
  bool locating() const { return locating_; }
  LoadStatus load_status() const { return load_status_; }
  const std::string& load_error() const { return load_error_; }
  std::size_t site_count() const { return sites_.size(); }
  /// Increases whenever the map selected a site, so that the list scrolls to it once.
  std::uint64_t map_selection_revision() const { return map_selection_revision_; }
  /// Increases whenever the shown set of sites changes (so the map redraws only then).
  std::uint64_t shown_revision() const { return shown_revision_; }

 private:
  void refilter();  // filter + sort; after sites, types, query, facilities or open-now change
  bool has_required_facilities(const Site& site) const;
  bool server_matched(SiteId id) const;  // found by the server for the current search text
  void resort();    // sort only; after the origin moves

  std::vector<Site> sites_;
  std::array<std::size_t, kTypeCount> type_counts_{};
  std::optional<std::array<std::size_t, kTypeCount>> type_totals_;
  std::bitset<kTypeCount> visible_types_;
  std::string query_;
  std::string matches_query_;         // the search text the server's matches are for
  std::vector<SiteId> query_matches_;  // sorted
  std::bitset<kFacilityIds.size()> required_facilities_;
  bool open_now_ = false;
  UtcSeconds now_{0};
  std::vector<std::optional<OpeningSchedule>> schedules_;  // parsed hours, parallel to sites_ (none: unreadable)
  std::optional<SiteId> selected_;
  std::optional<SiteId> shared_;
  OriginKind origin_kind_ = OriginKind::map_center;
  bool offline_ = false;
  LatLon map_center_;
  LatLon center_origin_;  // the map's centre while no site was open: the origin of distances from the map
  LatLon user_location_;
  std::optional<GeolocationError> geolocation_error_;
  bool locating_ = false;
  bool coverage_on_ = false, coverage_drawn_ = false;
  LoadStatus load_status_ = LoadStatus::loading;
  std::string load_error_;
  std::vector<ListedSite> listed_;
  std::vector<const Site*> shown_;
  std::uint64_t shown_revision_ = 0;
  std::uint64_t map_selection_revision_ = 0;
};

/// True when `text` contains `needle` as a UTF-8 substring; ASCII letters compare without case.
bool contains_text(std::string_view text, std::string_view needle);

}  // namespace gongyou
