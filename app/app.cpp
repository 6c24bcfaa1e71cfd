// app/app.cpp — see app.h.
#include "app/app.h"

#include <nlohmann/json.hpp>

#include "core/geo.h"
#include "core/pinyin.h"
#include "core/site_positions.h"
#include "tools/demo_data/huian_demo.h"
#include "app/sites/site_links.h"

namespace gongyou {
namespace {
/// Sites per request; the county's few hundred sites arrive in one or two pages.
constexpr int kPageSize = 500;
/// Sites listed at national scale: the nearest to the origin (the most GET /sites/nearest gives).
constexpr int kNearestCount = 100;
/// Hui'an county center (product.md): the origin before the map reports its own center.
constexpr LatLon kRegionCenter{25.03, 118.80};

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
}  // namespace

App::App(MapView& map, AppServices services) : map_(map), services_(std::move(services)) {
  state_.set_map_center(kRegionCenter);
  bookings_.session_listener = [this] {
    courses_.session_changed(bookings_.state().screen == Screen::courses);
    analysis_.reset();
    sync_suggestion_pins();
  };
  analysis_.on_suggestions = [this] { sync_suggestion_pins(); };
}

void App::start() {
  std::vector<MapLabel> labels;
  for (const auto& town : demo::huian_towns()) labels.push_back({town.name, town.center});
  map_.show_region(demo::huian_outline(), labels);
  if (services_.initial_route) {
    const std::string hash = services_.initial_route();
    pending_route_ = parse_route(hash);
    if (!pending_route_ && services_.show_route) services_.show_route("#/", true);
  }
  load_positions();
}

void App::load_positions() {
  services_.http(HttpRequest{"GET", "/api/v1/sites/positions", "", "", ""}, [this](HttpResponse response) {
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

void App::refresh_clusters() {
  if (!cluster_map_.active() || view_.max_lat <= view_.min_lat) return;
  if (!cluster_map_.update(view_, zoom_)) return;
  map_.show_clusters(cluster_map_.markers(),
                     cluster_map_.rings_visible() ? std::optional(walk_ring_radius()) : std::nullopt);
  map_.highlight(state_.selected() ? std::optional(state_.selected()->id) : std::nullopt);
}

void App::refresh_coverage(bool sites) {
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

void App::search(std::string text) {
  if (text == state_.query()) return;
  state_.set_query(text);
  if (cluster_map_.active()) {
    load_nearest();
    return;
  }
  if (!is_pinyin_initials_query(text)) return;
  const std::uint64_t request = ++search_request_;
  services_.http(HttpRequest{"GET", "/api/v1/sites?limit=1000&q=" + url_encode(text), "", "", ""},
                 [this, request, text](HttpResponse response) {
                   if (request != search_request_) return;  // typed on since
                   const nlohmann::json page = parse_json_or_discarded(response.body);
                   if (response.status != 200 || !page.is_object() || !page["items"].is_array()) return;
                   std::vector<SiteId> ids;
                   for (const auto& item : page["items"])
                     if (item.is_object() && item.contains("id") && item["id"].is_number_integer())
                       ids.push_back(SiteId{item["id"].get<std::int64_t>()});
                   state_.set_query_matches(text, std::move(ids));
                   sites_changed();
                 });
}

void App::load_nearest() {
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
  services_.http(HttpRequest{"GET", url, "", "", ""}, [this, request, query](HttpResponse response) {
    if (request != nearest_request_) return;  // the map moved on since
    const nlohmann::json page = parse_json_or_discarded(response.body);
    if (response.status != 200 || !page.is_object() || !page.contains("items") || !page["items"].is_array()) {
      if (state_.load_status() != LoadStatus::loaded) state_.set_load_failed(response.status == 0 ? "network" : "server");
      return;
    }
    std::vector<Site> sites;
    for (const auto& item : page["items"]) {
      auto decoded = site_from_json(item);
      if (auto* site = std::get_if<Site>(&decoded)) sites.push_back(std::move(*site));
    }
    std::vector<SiteId> found;  // every answer matches the search text, pinyin initials included
    for (const Site& site : sites) found.push_back(site.id);
    // The chosen site stays loaded (its details stay on screen) even when it is no longer among the nearest.
    if (const Site* chosen = state_.selected();
        chosen && std::none_of(sites.begin(), sites.end(), [&](const Site& s) { return s.id == chosen->id; }))
      sites.push_back(*chosen);
    state_.set_query_matches(query, std::move(found));
    state_.set_sites(std::move(sites));
    sites_changed();
    if (pending_route_) {
      const Route route = *pending_route_;
      pending_route_.reset();
      apply_route(route);
    }
  });
}

void App::fetch_and_select(SiteId id, bool from_map) {
  fetching_ = id;
  services_.http(HttpRequest{"GET", "/api/v1/sites/" + std::to_string(id.value), "", "", ""},
                 [this, id, from_map](HttpResponse response) {
                   if (fetching_ == id) fetching_.reset();
                   auto decoded = site_from_json(parse_json_or_discarded(response.body));
                   auto* site = std::get_if<Site>(&decoded);
                   if (response.status != 200 || !site || site->id != id) {  // gone meanwhile: nothing to show
                     if (published_route_ == Route{Route::Kind::site, id.value}) {  // the link named it
                       published_route_ = current_route();
                       if (services_.show_route) services_.show_route(format_route(published_route_), true);
                     }
                     return;
                   }
                   state_.add_site(std::move(*site));
                   select(id, from_map);
                   sites_changed();
                   publish_route();
                 });
}

void App::load_sites_page(const std::string& cursor) {
  std::string url = "/api/v1/sites?limit=" + std::to_string(kPageSize);
  if (!cursor.empty()) url += "&cursor=" + cursor;  // opaque, URL-safe by contract of our server
  services_.http(HttpRequest{"GET", url, "", "", ""}, [this](HttpResponse response) {
    const nlohmann::json page = parse_json_or_discarded(response.body);
    if (response.status != 200 || page.is_discarded() || !page.is_object() || !page.contains("items") ||
        !page["items"].is_array()) {
      loading_.clear();
      state_.set_load_failed(response.status == 0 ? "network" : "server");
      return;
    }
    state_.set_offline(response.offline);
    for (const auto& item : page["items"]) {
      auto decoded = site_from_json(item);
      if (auto* site = std::get_if<Site>(&decoded)) loading_.push_back(std::move(*site));
    }
    const auto next = page.find("next_cursor");
    if (next != page.end() && next->is_string() && !next->get_ref<const std::string&>().empty()) {
      load_sites_page(next->get<std::string>());
      return;
    }
    state_.set_sites(std::move(loading_));
    loading_ = {};
    sites_changed();
    if (pending_route_) {
      const Route route = *pending_route_;
      pending_route_.reset();
      apply_route(route);
      sites_changed();
    }
  });
}

void App::sites_changed() {
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

void App::select(SiteId id, bool from_map) {
  if (cluster_map_.active() && cluster_map_.position_of(id) && !state_.knows(id)) {
    fetch_and_select(id, from_map);
    return;
  }
  state_.select(id, from_map);
  const Site* site = state_.selected();
  map_.highlight(site ? std::optional(site->id) : std::nullopt);
  if (site && !from_map) map_.fly_to(site->position, kSiteZoom);
}

void App::apply(const Intent& intent) {
  std::visit(Overloaded{
                 [&](const ToggleType& i) {
                   state_.toggle_type(i.type);
                   if (cluster_map_.active()) load_nearest();
                 },
                 [&](const ShowAllTypes&) {
                   state_.show_all_types();
                   if (cluster_map_.active()) load_nearest();
                 },
                 [&](const SetQuery& i) { search(i.text); },
                 [&](const ToggleFacility& i) { state_.toggle_facility(i.index); },
                 [&](const SetOpenNow& i) {
                   state_.set_now(services_.now());
                   state_.set_open_now(i.on);
                 },
                 [&](const SelectSite& i) { select(i.site, /*from_map=*/false); },
                 [&](const CloseSite&) {
                   state_.select(std::nullopt);
                   map_.highlight(std::nullopt);
                 },
                 [&](const OpenLink& i) {
                   if (services_.open_link) services_.open_link(i.url);
                 },
                 [&](const ShareSite& i) {
                   const Site* site = state_.selected();
                   if (!site || site->id != i.site || !services_.share) return;
                   services_.share(site->name, site_links(*site).share);
                   state_.set_shared(site->id);
                 },
                 [&](const LocateMe&) {
                   state_.set_locating(true);
                   services_.request_geolocation();
                 },
                 [&](const UseMapCenter&) {
                   state_.use_map_center();
                   if (cluster_map_.active()) load_nearest();
                 },
                 [&](const OpenAuth& i) { bookings_.open_auth(i.register_form); },
                 [&](const CloseAuth&) { bookings_.close_auth(); },
                 [&](const SubmitLogin& i) { bookings_.login(i.username, i.password); },
                 [&](const SubmitRegister& i) { bookings_.register_user(i.username, i.password, i.display_name); },
                 [&](const Logout&) { bookings_.logout(); },
                 [&](const OpenSiteSlots& i) {
                   select(i.site, /*from_map=*/false);
                   if (const Site* site = state_.selected(); site && site->bookable) bookings_.open_site(site->id, site->name);
                 },
                 [&](const ShiftDays& i) { bookings_.shift_days(i.days); },
                 [&](const ChooseSlot& i) { bookings_.choose_slot(i.slot); },
                 [&](const ClearChoice&) { bookings_.clear_choice(); },
                 [&](const SetGroupSize& i) { bookings_.set_group_size(i.size); },
                 [&](const DecideVisit& i) { bookings_.decide_visit(i.booking, i.approve, i.reason); },
                 [&](const ConfirmBooking& i) { bookings_.confirm_booking(i.waitlist); },
                 [&](const CancelBooking& i) { bookings_.cancel_booking(i.booking); },
                 [&](const ShowPass& i) { bookings_.show_pass(i.booking); },
                 [&](const HidePass&) { bookings_.hide_pass(); },
                 [&](const DownloadCalendar& i) { bookings_.download_calendar(i.booking); },
                 [&](const ShowScreen& i) {
                   bookings_.show_screen(i.screen);
                   if (bookings_.state().screen == Screen::coverage) analysis_.load();
                   sync_suggestion_pins();  // the pins belong to the coverage screen
                 },
                 [&](const SetSuggestionCount& i) { analysis_.set_k(i.k); },
                 [&](const ShowSuggestionsOnMap& i) {
                   analysis_.set_on_map(i.on);
                   sync_suggestion_pins();  // the map fits them into view itself (MapView::show_suggestions)
                 },
                 [&](const ExportCoverage&) { analysis_.export_geojson(); },
                 [&](const DismissFeedback&) { bookings_.dismiss_feedback(); },
                 [&](const MarkNotificationsRead&) { bookings_.mark_notifications_read(); },
                 [&](const SaveTemplate& i) { bookings_.save_template(i.form); },
                 [&](const ShiftRosterDay& i) { bookings_.shift_roster_day(i.days); },
                 [&](const CheckIn& i) { bookings_.check_in(i.booking); },
                 [&](const StaffCancel& i) { bookings_.staff_cancel(i.booking); },
                 [&](const ExportRoster&) { bookings_.export_roster(); },
                 [&](const ShowCourses& i) {
                   bookings_.show_screen(Screen::courses);
                   courses_.show(i.view);
                 },
                 [&](const SetCourseCategory& i) { courses_.set_category(i.category); },
                 [&](const SetCourseQuery& i) { courses_.set_query(i.text); },
                 [&](const SetCourseSort& i) { courses_.set_sort(i.sort); },
                 [&](const LoadMoreCourses&) { courses_.load_more(); },
                 [&](const OpenCourse& i) { courses_.open_course(i.course); },
                 [&](const Enroll& i) { courses_.enroll(i.course, i.waitlist); },
                 [&](const LeaveCourse& i) { courses_.leave(i.course); },
                 [&](const MarkLesson& i) { courses_.mark_lesson(i.course, i.lesson, i.done); },
                 [&](const SubmitLectureRequest& i) { courses_.submit_request(i.form); },
                 [&](const DecideLectureRequest& i) { courses_.decide(i.decision); },
                 [&](const SaveLanguage& i) {
                   if (services_.save_setting) services_.save_setting(kLanguageSetting, i.code);
                 },
                 [&](const Announce& i) {
                   if (services_.announce) services_.announce(i.text);
                 },
                 [&](const ToggleCoverage&) {
                   const bool on = !state_.coverage_on();
                   state_.set_coverage(on, false);
                   if (on) {
                     refresh_coverage(true);
                   } else {
                     coverage_ = CoverageOverlay{};
                     map_.hide_coverage();
                   }
                 },
                 [&](const RetryLoad&) {
                   state_.set_loading();
                   load_positions();
                 },
             },
             intent);
  sites_changed();
  publish_route();
}

void App::sync_suggestion_pins() {
  const CoverageAnalysisState& a = analysis_.state();
  std::vector<LatLon> wanted;
  if (a.on_map && bookings_.state().screen == Screen::coverage)
    for (const SuggestionRow& s : a.suggestions) wanted.push_back(s.position);
  if (wanted == pins_) return;
  pins_ = std::move(wanted);
  map_.show_suggestions(pins_, walk_ring_radius());
}

Route App::current_route() const {
  const BookingState& b = bookings_.state();
  const CourseState& c = courses_.state();
  switch (b.screen) {
    case Screen::slots:
    case Screen::staff: return b.site ? Route{Route::Kind::book, b.site->value} : Route{};
    case Screen::my_bookings: return Route{Route::Kind::my_bookings, 0};
    case Screen::courses:
      if (c.view == CourseView::detail && c.opened_course) return Route{Route::Kind::course, c.opened_course};
      return Route{Route::Kind::courses, c.view == CourseView::catalog ? c.category : 0};
    case Screen::coverage:  // no link of its own yet: the staff screen is reached through its tab
    case Screen::sites: break;
  }
  const Site* site = state_.selected();
  return site ? Route{Route::Kind::site, site->id.value} : Route{};
}

void App::publish_route() {
  if (pending_route_) return;  // the opening link is not applied yet
  const Route now = current_route();
  if (now == published_route_) return;
  published_route_ = now;
  if (services_.show_route) services_.show_route(format_route(now), false);
}

void App::apply_route(const Route& route) {
  switch (route.kind) {
    case Route::Kind::map:
      bookings_.show_screen(Screen::sites);
      state_.select(std::nullopt, /*from_map=*/false);
      map_.highlight(std::nullopt);
      break;
    case Route::Kind::site:
      bookings_.show_screen(Screen::sites);
      select(SiteId{route.id}, /*from_map=*/false);
      break;
    case Route::Kind::book:
      select(SiteId{route.id}, /*from_map=*/false);
      if (const Site* site = state_.selected(); site && site->bookable) bookings_.open_site(site->id, site->name);
      break;
    case Route::Kind::courses:
      bookings_.show_screen(Screen::courses);
      courses_.show(CourseView::catalog);
      courses_.set_category(route.id);
      break;
    case Route::Kind::course:
      bookings_.show_screen(Screen::courses);
      courses_.show(CourseView::catalog);
      courses_.open_course(route.id);
      break;
    case Route::Kind::my_bookings: bookings_.show_screen(Screen::my_bookings); break;
  }
  // A site still being fetched (national scale) is where the app is going: the link stays as it is, and the
  // fetched site then matches it (no extra history entry).
  if (route.kind == Route::Kind::site && fetching_ == SiteId{route.id}) {
    published_route_ = route;
    return;
  }
  // What the browser shows is now where the app is; a link to something that does not exist is
  // rewritten in place (no extra history entry).
  published_route_ = current_route();
  if (published_route_ != route && services_.show_route) services_.show_route(format_route(published_route_), true);
}

void App::handle(const PlatformEvent& event) {
  std::visit(Overloaded{
                 [&](const MarkerClicked& e) { select(e.site, /*from_map=*/true); },
                 [&](const ClusterClicked& e) { map_.fly_to(e.position, cluster_map_.expansion_zoom(e.cluster)); },
                 [&](const MapMoved& e) {
                   state_.set_map_center(e.center);
                   view_ = e.bounds;
                   zoom_ = e.zoom;
                   refresh_clusters();
                   refresh_coverage(false);
                   if (cluster_map_.active() && state_.origin_kind() == OriginKind::map_center) load_nearest();
                 },
                 [&](const GeolocationFound& e) {
                   state_.set_user_location(e.position);
                   if (cluster_map_.active()) load_nearest();
                   map_.show_user_position(e.position);
                   map_.fly_to(e.position, kSiteZoom - 1);
                 },
                 [&](const GeolocationFailed& e) { state_.set_geolocation_error(e.reason); },
                 [&](const RouteChanged& e) {
                   const auto route = parse_route(e.hash);
                   if (!route) {
                     if (services_.show_route) services_.show_route(format_route(current_route()), true);
                   } else if (state_.load_status() != LoadStatus::loaded) {
                     pending_route_ = route;
                   } else if (*route != current_route()) {
                     apply_route(*route);
                   }
                 },
                 [&](const RefreshTick&) {
                   state_.set_now(services_.now());  // "open now" follows the clock
                   if (state_.offline() && loading_.empty() && !cluster_map_.active()) load_sites_page("");  // back online?
                   bookings_.refresh();
                   if (bookings_.state().screen == Screen::courses) courses_.refresh();
                 },
             },
             event);
  sites_changed();
  publish_route();
}

}  // namespace gongyou
