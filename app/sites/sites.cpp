// app/sites/sites.cpp — see sites.h.
//
// [SECTION] Loading (the county whole, or the national positions and the nearest sites)
// [SECTION] Search and selection
// [SECTION] What the map shows
// [SECTION] Intents and events
#include "app/sites/sites.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/sites/site_links.h"
#include "core/geo.h"
#include "core/pinyin.h"
#include "core/site_positions.h"

namespace gongyou {
namespace {

/// Sites per request; the county's few hundred sites arrive in one or two pages.
constexpr int kPageSize = 500;
/// Sites listed at national scale: the nearest to the origin (the most GET /sites/nearest gives).
constexpr int kNearestCount = 100;

HttpRequest get(std::string url) { return HttpRequest{"GET", std::move(url), "", "", "", ""}; }

/// The sites of a `{"items":[...]}` answer; malformed items are skipped.
std::vector<Site> sites_of(const nlohmann::json& page) {
  std::vector<Site> sites;
  for (const auto& item : page["items"]) {
    auto decoded = site_from_json(item);
    if (auto* site = std::get_if<Site>(&decoded)) sites.push_back(std::move(*site));
  }
  return sites;
}

bool is_page(const nlohmann::json& page) {
  return page.is_object() && page.contains("items") && page["items"].is_array();
}

}  // namespace

Sites::Sites(MapView& map, ApiClient& api, const PlatformServices& platform, Region region)
    : map_(map), api_(api), platform_(platform), region_(std::move(region)) {
  state_.set_map_center(region_.center);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Sites::start() {
  map_.show_region(region_.outline, region_.labels);
  load_positions();
}

void Sites::load_positions() {
  api_.send(get("/api/v1/sites/positions"), [this](const HttpResponse& response) {
    auto decoded = response.status == 200 ? decode_site_positions(parse_json_or_discarded(response.body))
                                          : Decoded<SitePositions>{DecodeError{"no answer"}};
    auto* positions = std::get_if<SitePositions>(&decoded);
    // Few sites (the county), an old server or the offline shell: load them whole, one marker each.
    if (!positions || positions->size() <= ClusterMap::kClusterAbove) {
      load_sites_page("");
      return;
    }
    state_.set_offline(response.offline);
    cluster_map_.set_positions(std::move(*positions));
    cluster_map_.set_visible_types(state_.visible_types());
    std::array<std::size_t, SiteFinderState::kTypeCount> totals{};
    for (const SiteTypeInfo& t : all_site_types()) totals[static_cast<std::size_t>(t.type)] = cluster_map_.count_of(t.type);
    state_.set_type_totals(totals);
    map_.fit_bounds(cluster_map_.bounds());
    map_.show_region({}, {});  // the county's outline and town names mean nothing at national scale
    refresh_clusters();
    load_nearest();
  });
}

void Sites::load_sites_page(const std::string& cursor) {
  std::string url = "/api/v1/sites?limit=" + std::to_string(kPageSize);
  if (!cursor.empty()) url += "&cursor=" + cursor;  // opaque, URL-safe by contract of our server
  api_.send(get(url), [this](const HttpResponse& response) {
    const nlohmann::json page = parse_json_or_discarded(response.body);
    if (response.status != 200 || !is_page(page)) {
      loading_.clear();
      state_.set_load_failed(response.status == 0 ? "network" : "server");
      return;
    }
    state_.set_offline(response.offline);
    for (Site& site : sites_of(page)) loading_.push_back(std::move(site));
    const auto next = page.find("next_cursor");
    if (next != page.end() && next->is_string() && !next->get_ref<const std::string&>().empty()) {
      load_sites_page(next->get<std::string>());
      return;
    }
    state_.set_sites(std::move(loading_));
    loading_ = {};
    sites_changed();
    loaded();
  });
}

void Sites::load_nearest() {
  const LatLon from = state_.origin();
  const std::string query = state_.query();
  std::string url = "/api/v1/sites/nearest?lat=" + std::to_string(from.lat) + "&lon=" + std::to_string(from.lon) +
                    "&k=" + std::to_string(kNearestCount);
  if (!query.empty()) url += "&q=" + url_encode(query);
  if (!state_.all_types_visible()) {
    std::string types;
    for (const SiteTypeInfo& t : all_site_types())
      if (state_.type_visible(t.type)) (types.empty() ? types : types += ",") += t.id;
    url += "&type=" + types;
  }
  const std::uint64_t request = ++nearest_request_;
  api_.send(get(url), [this, request, query](const HttpResponse& response) {
    if (request != nearest_request_) return;  // the map moved on since
    const nlohmann::json page = parse_json_or_discarded(response.body);
    if (response.status != 200 || !is_page(page)) {
      if (state_.load_status() != LoadStatus::loaded) state_.set_load_failed(response.status == 0 ? "network" : "server");
      return;
    }
    std::vector<Site> sites = sites_of(page);
    std::vector<SiteId> found;  // every answer matches the search text, pinyin initials included
    for (const Site& site : sites) found.push_back(site.id);
    // The chosen site stays loaded (its details stay on screen) even when it is no longer among the nearest.
    if (const Site* chosen = state_.selected();
        chosen && std::none_of(sites.begin(), sites.end(), [&](const Site& s) { return s.id == chosen->id; }))
      sites.push_back(*chosen);
    const bool first = state_.load_status() != LoadStatus::loaded;
    state_.set_query_matches(query, std::move(found));
    state_.set_sites(std::move(sites));
    sites_changed();
    if (first) loaded();
  });
}

void Sites::loaded() {
  if (on_loaded) on_loaded();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Search and selection
//-------------------------------------------------------------------------------------------------

void Sites::search(std::string text) {
  if (text == state_.query()) return;
  state_.set_query(text);
  settled_query_.reset();
  if (!text.empty() && platform_.start_timer)
    platform_.start_timer(timer_token(TimerOwner::site_search, ++search_timer_), kSearchSettleMilliseconds);
  if (cluster_map_.active()) {
    load_nearest();
    return;
  }
  if (!is_pinyin_query(text)) return;
  const std::uint64_t request = ++search_request_;
  api_.send(get("/api/v1/sites?limit=1000&q=" + url_encode(text)), [this, request, text](const HttpResponse& response) {
    if (request != search_request_) return;  // typed on since
    const nlohmann::json page = parse_json_or_discarded(response.body);
    if (response.status != 200 || !is_page(page)) return;
    std::vector<SiteId> ids;
    for (const auto& item : page["items"])
      if (item.is_object() && item.contains("id") && item["id"].is_number_integer())
        ids.push_back(SiteId{item["id"].get<std::int64_t>()});
    state_.set_query_matches(text, std::move(ids));
    sites_changed();
    if (settled_query_ == text) fit_results();  // the server's matches came after the text settled
  });
}

void Sites::timer_fired(std::uint64_t token) {
  if (timer_serial(token) != search_timer_ || state_.query().empty()) return;  // typed on, or cleared, since
  settled_query_ = state_.query();
  fit_results();
}

void Sites::fit_results() {
  if (state_.listed().empty()) return;
  BoundingBox box = BoundingBox::around(state_.listed().front().site->position);
  for (const ListedSite& row : state_.listed()) box.extend(row.site->position);
  map_.fit_results(box, kSiteZoom);
}

void Sites::fetch_and_select(SiteId id, bool from_map) {
  fetching_ = id;
  api_.send(get("/api/v1/sites/" + std::to_string(id.value)), [this, id, from_map](const HttpResponse& response) {
    if (fetching_ == id) fetching_.reset();
    auto decoded = site_from_json(parse_json_or_discarded(response.body));
    auto* site = std::get_if<Site>(&decoded);
    if (response.status != 200 || !site || site->id != id) {  // gone meanwhile: nothing to show
      if (on_fetched) on_fetched(id, false);
      return;
    }
    state_.add_site(std::move(*site));
    select(id, from_map);
    sites_changed();
    if (on_fetched) on_fetched(id, true);
  });
}

void Sites::select(SiteId id, bool from_map) {
  if (cluster_map_.active() && cluster_map_.position_of(id) && !state_.knows(id)) {
    fetch_and_select(id, from_map);
    return;
  }
  state_.select(id, from_map);
  const Site* site = state_.selected();
  map_.highlight(site ? std::optional(site->id) : std::nullopt);
  if (site && !from_map) map_.fly_to(site->position, kSiteZoom);
}

void Sites::deselect() {
  state_.select(std::nullopt);
  map_.highlight(std::nullopt);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] What the map shows
//-------------------------------------------------------------------------------------------------

void Sites::refresh_clusters() {
  if (!cluster_map_.active() || view_.max_lat <= view_.min_lat) return;
  if (!cluster_map_.update(view_, zoom_)) return;
  map_.show_clusters(cluster_map_.markers(),
                     cluster_map_.rings_visible() ? std::optional(walk_ring_radius()) : std::nullopt);
  map_.highlight(state_.selected() ? std::optional(state_.selected()->id) : std::nullopt);
}

void Sites::refresh_coverage(bool sites) {
  if (!state_.coverage_on()) return;
  if (sites) {
    std::vector<LatLon> positions;
    if (cluster_map_.active()) {
      cluster_map_.shown_positions(positions);
    } else {
      for (const Site* s : state_.shown_sites()) positions.push_back(s->position);
    }
    coverage_.set_sites(positions, walk_ring_radius());
  }
  if (!coverage_.update(view_, zoom_)) return;
  if (coverage_.visible())
    map_.show_coverage(coverage_.box(), coverage_.columns(), coverage_.rows(), coverage_.rgba());
  else
    map_.hide_coverage();
  state_.set_coverage(true, coverage_.visible());
}

void Sites::sites_changed() {
  if (state_.shown_revision() == map_shown_revision_) return;
  map_shown_revision_ = state_.shown_revision();
  if (cluster_map_.active()) {  // the loaded sites are the list's; the map draws the clusters
    const bool types_changed = cluster_map_.visible_types() != state_.visible_types();
    cluster_map_.set_visible_types(state_.visible_types());
    refresh_clusters();
    refresh_coverage(types_changed);
    map_.highlight(state_.selected() ? std::optional(state_.selected()->id) : std::nullopt);
    return;
  }
  refresh_coverage(true);
  map_.show_sites(state_.shown_sites(), walk_ring_radius());
  map_.highlight(state_.selected() ? std::optional(state_.selected()->id) : std::nullopt);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents and events
//-------------------------------------------------------------------------------------------------

void Sites::apply(const ToggleType& i) {
  state_.toggle_type(i.type);
  if (cluster_map_.active()) load_nearest();
}

void Sites::apply(const ShowAllTypes&) {
  state_.show_all_types();
  if (cluster_map_.active()) load_nearest();
}

void Sites::apply(const SetQuery& i) { search(i.text); }
void Sites::apply(const ToggleFacility& i) { state_.toggle_facility(i.index); }

void Sites::apply(const SetOpenNow& i) {
  if (platform_.now) state_.set_now(platform_.now());
  state_.set_open_now(i.on);
}

void Sites::apply(const SelectSite& i) { select(i.site, /*from_map=*/false); }
void Sites::apply(const CloseSite&) { deselect(); }

void Sites::apply(const OpenLink& i) {
  if (platform_.open_link) platform_.open_link(i.url);
}

void Sites::apply(const ShareSite& i) {
  const Site* site = state_.selected();
  if (!site || site->id != i.site || !platform_.share) return;
  platform_.share(site->name, site_links(*site).share);
  state_.set_shared(site->id);
}

void Sites::apply(const LocateMe&) {
  state_.set_locating(true);
  if (platform_.request_geolocation) platform_.request_geolocation();
}

void Sites::apply(const UseMapCenter&) {
  state_.use_map_center();
  if (cluster_map_.active()) load_nearest();
}

void Sites::apply(const RetryLoad&) {
  state_.set_loading();
  load_positions();
}

void Sites::apply(const ToggleCoverage&) {
  const bool on = !state_.coverage_on();
  state_.set_coverage(on, false);
  if (on) {
    refresh_coverage(true);
  } else {
    coverage_ = CoverageOverlay{};
    map_.hide_coverage();
  }
}

void Sites::apply(const ClearFilters&) {
  state_.clear_filters();
  settled_query_.reset();
  if (cluster_map_.active()) load_nearest();
}

void Sites::handle(const MarkerClicked& e) { select(e.site, /*from_map=*/true); }

void Sites::handle(const ClusterClicked& e) { map_.fly_to(e.position, cluster_map_.expansion_zoom(e.cluster)); }

void Sites::handle(const MapMoved& e) {
  state_.set_map_center(e.center);
  view_ = e.bounds;
  zoom_ = e.zoom;
  refresh_clusters();
  refresh_coverage(false);
  if (cluster_map_.active() && state_.origin_kind() == OriginKind::map_center) load_nearest();
}

void Sites::handle(const GeolocationFound& e) {
  state_.set_user_location(e.position);
  if (cluster_map_.active()) load_nearest();
  map_.show_user_position(e.position);
  map_.fly_to(e.position, kSiteZoom - 1);
}

void Sites::handle(const GeolocationFailed& e) { state_.set_geolocation_error(e.reason); }

void Sites::handle(const RefreshTick&) {
  if (platform_.now) state_.set_now(platform_.now());  // "open now" follows the clock
  if (state_.offline() && loading_.empty() && !cluster_map_.active()) load_sites_page("");  // back online?
}

}  // namespace gongyou
