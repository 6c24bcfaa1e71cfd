// wasm/app.cpp — see app.h.
#include "wasm/app.h"

#include <nlohmann/json.hpp>

#include "core/geo.h"
#include "tools/demo_data/huian_demo.h"
#include "wasm/site_links.h"

namespace gongyou {
namespace {
/// Sites per request; the county's few hundred sites arrive in one or two pages.
constexpr int kPageSize = 500;
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
  bookings_.session_listener = [this] { courses_.session_changed(bookings_.state().screen == Screen::courses); };
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
  load_sites_page("");
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
  map_.show_sites(state_.shown_sites(), walk_ring_radius());
  map_.highlight(state_.selected() ? std::optional(state_.selected()->id) : std::nullopt);
}

void App::select(SiteId id, bool from_map) {
  state_.select(id, from_map);
  const Site* site = state_.selected();
  map_.highlight(site ? std::optional(site->id) : std::nullopt);
  if (site && !from_map) map_.fly_to(site->position, kSiteZoom);
}

void App::apply(const Intent& intent) {
  std::visit(Overloaded{
                 [&](const ToggleType& i) { state_.toggle_type(i.type); },
                 [&](const ShowAllTypes&) { state_.show_all_types(); },
                 [&](const SetQuery& i) { state_.set_query(i.text); },
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
                 [&](const UseMapCenter&) { state_.use_map_center(); },
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
                 [&](const ShowScreen& i) { bookings_.show_screen(i.screen); },
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
                 [&](const RetryLoad&) {
                   state_.set_loading();
                   load_sites_page("");
                 },
             },
             intent);
  sites_changed();
  publish_route();
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
  // What the browser shows is now where the app is; a link to something that does not exist is
  // rewritten in place (no extra history entry).
  published_route_ = current_route();
  if (published_route_ != route && services_.show_route) services_.show_route(format_route(published_route_), true);
}

void App::handle(const PlatformEvent& event) {
  std::visit(Overloaded{
                 [&](const MarkerClicked& e) { select(e.site, /*from_map=*/true); },
                 [&](const MapMoved& e) { state_.set_map_center(e.center); },
                 [&](const GeolocationFound& e) {
                   state_.set_user_location(e.position);
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
                   if (state_.offline() && loading_.empty()) load_sites_page("");  // back online?
                   bookings_.refresh();
                   if (bookings_.state().screen == Screen::courses) courses_.refresh();
                 },
             },
             event);
  sites_changed();
  publish_route();
}

}  // namespace gongyou
