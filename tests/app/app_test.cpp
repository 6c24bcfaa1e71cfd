// tests/app/app_test.cpp — the browser app's controller without a browser: NullMapView for the map,
// a fake fetch answering from the demo data, intents and platform events applied as the page would.
#include <gtest/gtest.h>

#include <algorithm>

#include <deque>
#include <nlohmann/json.hpp>

#include "core/geo.h"
#include "core/pinyin.h"
#include "core/site_positions.h"
#include "tools/demo_data/huian_demo.h"
#include "app/app.h"
#include "app/map/null_map_view.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

/// Answers /api/v1/sites like the server: pages of `page_size` with an opaque cursor.
class FakeServer {
 public:
  explicit FakeServer(std::size_t page_size) : page_size_(page_size), sites_(demo::huian_sites()) {}

  PlatformServices services() {
    http.now = UtcSeconds{1795500000};
    return http.services();
  }
  /// Delivers queued answers (asynchronously, as fetch does) to `app`.
  void flush() { http.flush(); }
  FakePlatform http{[this](const HttpRequest& r) { return answer(r.url); }};  ///< records every URL
  const std::vector<Site>& sites() const { return sites_; }

 private:
  HttpResponse answer(const std::string& url) {
    if (url.rfind("/api/v1/sites/positions", 0) == 0) return {200, encode_site_positions(sites_)};
    if (const auto q = url.find("&q="); q != std::string::npos) {  // a pinyin-initials search, as the server's
      const std::string initials = url.substr(q + 3);
      nlohmann::json items = nlohmann::json::array();
      for (const Site& s : sites_)
        if (pinyin_initials(s.name).find(initials) != std::string::npos) items.push_back(to_json(s));
      return {200, nlohmann::json{{"items", items}, {"next_cursor", nullptr}}.dump()};
    }
    std::size_t start = 0;
    if (auto p = url.find("cursor="); p != std::string::npos) start = std::stoul(url.substr(p + 7));
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = start; i < sites_.size() && i < start + page_size_; ++i) items.push_back(to_json(sites_[i]));
    const std::size_t next = start + page_size_;
    return {200, nlohmann::json{{"items", items},
                                {"next_cursor", next < sites_.size() ? nlohmann::json(std::to_string(next))
                                                                     : nlohmann::json(nullptr)}}
                     .dump()};
  }
  std::size_t page_size_;
  std::vector<Site> sites_;
};

TEST(App, LoadsEveryPageAndShowsAllSitesWithTheirRings) {
  FakeServer server(100);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  EXPECT_EQ(app.sites().load_status(), LoadStatus::loading);
  server.flush();
  EXPECT_EQ(app.sites().load_status(), LoadStatus::loaded);
  EXPECT_EQ(app.sites().site_count(), server.sites().size());
  EXPECT_GE(server.http.requests.size(), 5u);  // the positions, then 316 sites in pages of 100
  EXPECT_EQ(server.http.requests.front(), "/api/v1/sites/positions");
  EXPECT_EQ(map.cluster_calls, 0) << "a county's few sites are drawn one by one";
  EXPECT_EQ(map.shown.size(), server.sites().size());
  EXPECT_DOUBLE_EQ(map.ring.value, walk_ring_radius().value);
  EXPECT_GT(map.outline_points, 10u);
  EXPECT_EQ(map.label_count, demo::huian_towns().size());
}

TEST(App, ListIsSortedByDistanceFromTheMapCenter) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  const LatLon chongwu = demo::huian_towns()[7].center;
  app.handle(MapMoved{chongwu, 13});
  const auto& rows = app.sites().listed();
  ASSERT_FALSE(rows.empty());
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].distance, rows[i].distance);
  EXPECT_NEAR(rows.front().distance.value, great_circle_distance(chongwu, rows.front().site->position).value, 1e-6);
}

TEST(App, ChoosingASiteInThePanelHighlightsItAndFliesThere) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  const Site& target = server.sites()[42];
  app.apply(SelectSite{target.id});
  ASSERT_NE(app.sites().selected(), nullptr);
  EXPECT_EQ(app.sites().selected()->id, target.id);
  EXPECT_EQ(map.highlighted, target.id);
  ASSERT_TRUE(map.flown_to);
  EXPECT_EQ(*map.flown_to, target.position);
  EXPECT_GE(map.zoom, Sites::kSiteZoom);
}

// Issue 14 (1): the list said 2.8 km to a site; opening it flew the map there, and measured from the new centre the
// card said 0 m and the list re-sorted around it. Distances stay measured from where they were.
TEST(App, OpeningASiteDoesNotMoveWhereDistancesAreMeasuredFrom) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  const LatLon chongwu = demo::huian_towns()[7].center;
  app.handle(MapMoved{chongwu, 13});
  const ListedSite far = app.sites().listed().back();
  ASSERT_GT(far.distance.value, 2000);
  app.apply(SelectSite{far.site->id});
  ASSERT_TRUE(map.flown_to);
  app.handle(MapMoved{*map.flown_to, Sites::kSiteZoom});  // Leaflet reports the flight's end
  const auto card = app.sites().selected_distance();
  ASSERT_TRUE(card);
  EXPECT_NEAR(card->distance.value, far.distance.value, 1e-6) << "the card keeps the list's distance";
  EXPECT_EQ(app.sites().listed().back().site->id, far.site->id) << "the list keeps its order";
  // Closed: distances follow the map's centre again, from where the map now is.
  app.apply(CloseSite{});
  EXPECT_LT(app.sites().listed().front().distance.value, 1);
  EXPECT_EQ(app.sites().listed().front().site->id, far.site->id);
  // Known to the app, the worker's own position wins.
  app.apply(LocateMe{});
  app.handle(GeolocationFound{chongwu, Metres{10}});
  app.apply(SelectSite{far.site->id});
  app.handle(MapMoved{far.site->position, Sites::kSiteZoom});
  EXPECT_NEAR(app.sites().selected_distance()->distance.value, far.distance.value, 1e-6);
}

TEST(App, ClickingAMarkerSelectsWithoutMovingTheMapAndScrollsTheList) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  const auto revision = app.sites().map_selection_revision();
  app.handle(MarkerClicked{server.sites()[7].id});
  EXPECT_EQ(app.sites().selected()->id, server.sites()[7].id);
  EXPECT_EQ(map.highlighted, server.sites()[7].id);
  EXPECT_FALSE(map.flown_to) << "the user is already looking at the marker";
  EXPECT_EQ(app.sites().map_selection_revision(), revision + 1);
}

TEST(App, UnknownSiteSelectsNothing) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  app.handle(MarkerClicked{SiteId{999999}});
  EXPECT_EQ(app.sites().selected(), nullptr);
  EXPECT_FALSE(map.highlighted);
}

TEST(App, TypeFilterAndSearchNarrowTheListAndTheMap) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  app.apply(ToggleType{SiteType::water_point});  // from "all": only water points
  ASSERT_FALSE(app.sites().listed().empty());
  for (const auto& row : app.sites().listed()) EXPECT_EQ(row.site->type, SiteType::water_point);
  EXPECT_EQ(map.shown.size(), app.sites().listed().size());

  app.apply(ShowAllTypes{});
  app.apply(SetQuery{"崇武"});
  ASSERT_FALSE(app.sites().listed().empty());
  EXPECT_LT(app.sites().listed().size(), server.sites().size());
  for (const auto& row : app.sites().listed()) {
    const Site& s = *row.site;
    EXPECT_TRUE(contains_text(s.name, "崇武") || contains_text(s.address, "崇武") || contains_text(s.town, "崇武"));
  }
  app.apply(SetQuery{"<script>alert(1)</script>"});
  EXPECT_TRUE(app.sites().listed().empty());
  EXPECT_TRUE(map.shown.empty());
}

// Issue 14.9: after a search the map stayed where it was, the results perhaps off screen. Once the text has stayed
// unchanged for a moment (typing moves nothing), the map shows every result.
TEST(App, TheMapFitsASearchsResultsOnceTheTextSettles) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  server.http.timers.clear();
  app.apply(SetQuery{"崇"});
  app.apply(SetQuery{"崇武"});
  ASSERT_EQ(server.http.timers.size(), 2u) << "a settle timer per change of the text";
  EXPECT_EQ(server.http.timers[1].second, Sites::kSearchSettleMilliseconds);
  app.handle(TimerFired{server.http.timers[0].first});
  EXPECT_EQ(map.results_fits, 0) << "the text changed since that timer started";
  app.handle(TimerFired{server.http.timers[1].first});
  ASSERT_EQ(map.results_fits, 1);
  const auto& rows = app.sites().listed();
  ASSERT_GT(rows.size(), 1u);
  for (const auto& row : rows) EXPECT_TRUE(map.results_box->contains(row.site->position)) << row.site->name;
  EXPECT_LT(map.results_box->max_lat - map.results_box->min_lat, 0.5) << "the box of the results, not the county";
  EXPECT_EQ(map.results_max_zoom, Sites::kSiteZoom);
  EXPECT_FALSE(app.session().feedback) << "the search's timer is not the banner's";

  // A pinyin search: the server's matches arrive after the text settled, and the map fits them then.
  server.http.timers.clear();
  app.apply(SetQuery{"zgsw"});
  ASSERT_EQ(server.http.timers.size(), 1u);
  app.handle(TimerFired{server.http.timers[0].first});
  EXPECT_EQ(map.results_fits, 1) << "nothing listed yet";
  server.flush();
  ASSERT_FALSE(app.sites().listed().empty());
  EXPECT_EQ(map.results_fits, 2);

  // A search typed while a card is open is newer than the card: its results are shown too. A cleared search starts
  // no timer, and the timer of a text cleared since moves nothing.
  app.apply(SelectSite{app.sites().listed()[0].site->id});
  server.http.timers.clear();
  app.apply(SetQuery{"螺城"});
  app.handle(TimerFired{server.http.timers[0].first});
  EXPECT_EQ(map.results_fits, 3);
  app.apply(SetQuery{"崇武"});
  app.apply(SetQuery{""});
  EXPECT_EQ(server.http.timers.size(), 2u);
  app.handle(TimerFired{server.http.timers[1].first});
  EXPECT_EQ(map.results_fits, 3);
}

// Issue 14.9: a type hidden behind an open card made a search find nothing, without a word why. The state knows
// which filters are on, and one intent clears them all.
TEST(App, ClearFiltersTurnsEveryFilterOff) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  EXPECT_FALSE(app.sites().filtering());
  app.apply(ToggleType{SiteType::water_point});  // only water points
  EXPECT_EQ(app.sites().hidden_type_count(), SiteFinderState::kTypeCount - 1);
  app.apply(ToggleFacility{0});
  app.apply(SetOpenNow{true});
  app.apply(SetQuery{"崇武"});
  EXPECT_TRUE(app.sites().filtering());
  app.apply(ClearFilters{});
  EXPECT_FALSE(app.sites().filtering());
  EXPECT_TRUE(app.sites().all_types_visible());
  EXPECT_EQ(app.sites().extra_filter_count(), 0);
  EXPECT_EQ(app.sites().query(), "");
  EXPECT_EQ(app.sites().listed().size(), server.sites().size());
  EXPECT_EQ(map.shown.size(), server.sites().size());
}

TEST(App, PinyinInitialsSearchListsTheSitesTheServerFinds) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  app.apply(SetQuery{"zg"});
  app.apply(SetQuery{"zgsw"});  // typed on before the first answer came
  EXPECT_EQ(server.http.requests.back(), "/api/v1/sites?limit=1000&q=zgsw");
  EXPECT_TRUE(app.sites().listed().empty()) << "no name contains the letters themselves";
  server.flush();
  const auto& rows = app.sites().listed();
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    EXPECT_NE(pinyin_initials(row.site->name).find("zgsw"), std::string::npos) << row.site->name;  // 职工书屋
    EXPECT_EQ(row.site->name.find("zgsw"), std::string::npos);
  }
  EXPECT_EQ(map.shown.size(), rows.size()) << "the map shows what the list shows";
  app.apply(SetQuery{""});
  EXPECT_EQ(app.sites().listed().size(), server.sites().size());
  app.apply(SetQuery{"螺城"});  // Chinese text is matched in the app, without asking
  EXPECT_EQ(server.http.requests.back(), "/api/v1/sites?limit=1000&q=zgsw");
}

TEST(SiteFinderState, FacilityFiltersKeepOnlySitesWithEveryAskedFacility) {
  SiteFinderState state;
  state.set_sites(demo::huian_sites());
  const std::size_t all = state.listed().size();
  const std::size_t water = 0, charging = 2;
  ASSERT_EQ(kFacilityIds[water], "water");
  ASSERT_EQ(kFacilityIds[charging], "charging");
  auto has = [](const Site& s, std::string_view f) {
    return std::find(s.facilities.begin(), s.facilities.end(), f) != s.facilities.end();
  };
  state.toggle_facility(water);
  const std::size_t with_water = state.listed().size();
  ASSERT_GT(with_water, 0u);
  EXPECT_LT(with_water, all);
  for (const auto& row : state.listed()) EXPECT_TRUE(has(*row.site, "water"));
  state.toggle_facility(charging);
  EXPECT_LE(state.listed().size(), with_water);
  for (const auto& row : state.listed()) EXPECT_TRUE(has(*row.site, "water") && has(*row.site, "charging"));
  EXPECT_EQ(state.extra_filter_count(), 2);
  state.toggle_facility(water);
  state.toggle_facility(charging);
  EXPECT_EQ(state.listed().size(), all);
  state.toggle_facility(kFacilityIds.size());  // out of range: nothing changes
  EXPECT_EQ(state.extra_filter_count(), 0);
}

TEST(SiteFinderState, OpenNowFollowsEachSitesHoursAndTheClock) {
  SiteFinderState state;
  state.set_sites(demo::huian_sites());
  const std::size_t all = state.listed().size();
  // 2026-11-26 (a Thursday, not a holiday): 03:00 and 10:00 in Shanghai.
  const UtcSeconds night{1795654800 - 6 * 3600}, morning{1795654800 + 3600};
  state.set_now(night);
  state.set_open_now(true);
  const std::size_t open_at_night = state.listed().size();
  for (const auto& row : state.listed()) {
    const auto schedule = std::get<OpeningSchedule>(parse_opening_hours(row.site->hours));
    EXPECT_TRUE(is_open_at(schedule, night, china_public_holidays())) << row.site->name << " " << row.site->hours;
  }
  state.set_now(morning);  // the clock moves on: the list follows
  const std::size_t open_in_the_morning = state.listed().size();
  EXPECT_GT(open_in_the_morning, open_at_night) << "more sites open at 10:00 than at 03:00";
  EXPECT_LT(open_in_the_morning, all + 1);
  state.set_open_now(false);
  EXPECT_EQ(state.listed().size(), all);
}

TEST(App, NearMeSortsFromTheUserAndARefusalIsExplained) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  app.start();
  server.flush();
  app.apply(LocateMe{});
  EXPECT_EQ(server.http.geolocation_requests, 1);
  EXPECT_TRUE(app.sites().locating());
  app.handle(GeolocationFailed{GeolocationError::permission_denied});
  EXPECT_FALSE(app.sites().locating());
  EXPECT_EQ(app.sites().geolocation_error(), GeolocationError::permission_denied);
  EXPECT_EQ(app.sites().origin_kind(), OriginKind::map_center);

  const LatLon me{24.95, 118.70};
  app.apply(LocateMe{});
  app.handle(GeolocationFound{me, Metres{20}});
  EXPECT_EQ(app.sites().origin_kind(), OriginKind::user_location);
  EXPECT_FALSE(app.sites().geolocation_error());
  EXPECT_EQ(map.user, me);
  EXPECT_NEAR(app.sites().listed().front().distance.value,
              great_circle_distance(me, app.sites().listed().front().site->position).value, 1e-6);
  // Map moves no longer change the order while sorting from the user.
  const SiteId nearest = app.sites().listed().front().site->id;
  app.handle(MapMoved{{25.10, 118.95}, 12});
  EXPECT_EQ(app.sites().listed().front().site->id, nearest);
}

TEST(App, NetworkFailureIsReportedAndRetryLoads) {
  FakeServer server(500);
  NullMapView map;
  App app(map, server.services(), demo::huian_region());
  server.http.deliver_to(app);
  server.http.fail_next = 2;  // the positions, then the first page of sites
  app.start();
  server.flush();
  EXPECT_EQ(app.sites().load_status(), LoadStatus::failed);
  EXPECT_EQ(app.sites().load_error(), "network");
  app.apply(RetryLoad{});
  server.flush();
  EXPECT_EQ(app.sites().load_status(), LoadStatus::loaded);
  EXPECT_EQ(app.sites().site_count(), server.sites().size());
}

TEST(ContainsText, MatchesChineseSubstringsAndAsciiWithoutCase) {
  EXPECT_TRUE(contains_text("螺城镇爱心驿站", "驿站"));
  EXPECT_FALSE(contains_text("螺城镇爱心驿站", "书屋"));
  EXPECT_TRUE(contains_text("AED point", "aed"));
  EXPECT_TRUE(contains_text("anything", ""));
}

}  // namespace
}  // namespace gongyou
