// tests/app/scale_map_test.cpp — the map at national scale: ClusterMap's markers against brute force (counts add
// up to the sites in view, types filter, a pan inside the margin redraws nothing) and the App in cluster mode with
// a fake server: positions first, clusters not markers, the nearest sites listed, a site fetched when clicked.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <numeric>
#include <cmath>
#include <numbers>
#include <random>

#include "core/geo.h"
#include "core/pinyin.h"
#include "core/site_positions.h"
#include "app/app.h"
#include "app/map/cluster_map.h"
#include "app/map/coverage_overlay.h"
#include "app/map/null_map_view.h"
#include "tests/app/fake_platform.h"
#include "tools/demo_data/huian_demo.h"

namespace gongyou {
namespace {

constexpr BoundingBox kChina{73, 18, 135, 54};

/// `n` sites around a few cities, ids 1..n with gaps, love stations and water points.
std::vector<Site> scale_sites(std::size_t n) {
  std::mt19937 rng(11);
  const LatLon cities[] = {{39.9, 116.4}, {31.2, 121.5}, {23.1, 113.3}, {30.6, 104.1}, {25.03, 118.8}};
  std::normal_distribution<double> spread(0, 0.15);
  std::vector<Site> sites(n);
  for (std::size_t i = 0; i < n; ++i) {
    const LatLon c = cities[i % 5];
    sites[i].id = SiteId{static_cast<std::int64_t>(2 * i + 1)};
    sites[i].type = i % 3 == 0 ? SiteType::water_point : SiteType::love_station;
    sites[i].name = "驿站" + std::to_string(i);
    sites[i].town = "城";
    sites[i].position = {c.lat + spread(rng), c.lon + spread(rng)};
  }
  return sites;
}

SitePositions positions_of(const std::vector<Site>& sites) {
  return std::get<SitePositions>(decode_site_positions(parse_json_or_discarded(encode_site_positions(sites))));
}

std::uint64_t total(const std::vector<MapMarker>& markers) {
  return std::accumulate(markers.begin(), markers.end(), std::uint64_t{0},
                         [](std::uint64_t sum, const MapMarker& m) { return sum + m.count; });
}

TEST(ClusterMap, MarkersOfTheWholeCountryAddUpToEverySite) {
  const auto sites = scale_sites(5000);
  ClusterMap map;
  map.set_positions(positions_of(sites));
  ASSERT_TRUE(map.update(kChina, 4));
  EXPECT_EQ(total(map.markers()), sites.size());
  EXPECT_LT(map.markers().size(), 50u) << "five cities make a few clusters at zoom 4";
  EXPECT_FALSE(map.rings_visible());
  EXPECT_EQ(map.count_of(SiteType::water_point), 1667u);
}

TEST(ClusterMap, ZoomedInEveryMarkerInViewIsOneSiteAndRingsShow) {
  const auto sites = scale_sites(5000);
  ClusterMap map;
  map.set_positions(positions_of(sites));
  const BoundingBox view{116.40, 39.90, 116.42, 39.91};
  ASSERT_TRUE(map.update(view, 17));
  EXPECT_TRUE(map.rings_visible());
  std::size_t in_view = 0;
  for (const Site& s : sites) in_view += view.contains(s.position);
  std::size_t singles_in_view = 0;
  for (const MapMarker& m : map.markers()) {
    EXPECT_EQ(m.count, 1u);
    if (view.contains(m.position)) ++singles_in_view;
    EXPECT_EQ(map.position_of(m.site), m.position);
  }
  EXPECT_NEAR(static_cast<double>(singles_in_view), static_cast<double>(in_view), 2.0);  // 1e-5° rounding at the edge
}

TEST(ClusterMap, APanInsideTheMarginRedrawsNothingALeapDoes) {
  ClusterMap map;
  map.set_positions(positions_of(scale_sites(3000)));
  const BoundingBox view{116.0, 39.6, 116.8, 40.2};
  ASSERT_TRUE(map.update(view, 10));
  EXPECT_FALSE(map.update({116.05, 39.62, 116.85, 40.22}, 10.4)) << "same level, inside the margin";
  EXPECT_TRUE(map.update({121.1, 30.9, 121.9, 31.5}, 10)) << "another city";
}

TEST(ClusterMap, HiddenTypesLeaveTheClusters) {
  const auto sites = scale_sites(3000);
  ClusterMap map;
  map.set_positions(positions_of(sites));
  std::bitset<ClusterMap::kTypeCount> water;
  water.set(static_cast<std::size_t>(SiteType::water_point));
  map.set_visible_types(water);
  ASSERT_TRUE(map.update(kChina, 5));
  EXPECT_EQ(total(map.markers()), map.count_of(SiteType::water_point));
  EXPECT_EQ(map.shown_count(), map.count_of(SiteType::water_point));
  ASSERT_TRUE(map.update({116.40, 39.90, 116.42, 39.91}, 18));
  for (const MapMarker& m : map.markers()) EXPECT_EQ(m.type, SiteType::water_point);
}

TEST(ClusterMap, EmptyOrUnknown) {
  ClusterMap map;
  EXPECT_FALSE(map.active());
  EXPECT_FALSE(map.update(kChina, 4)) << "no sites, no markers";
  map.set_positions(positions_of(scale_sites(100)));
  EXPECT_FALSE(map.position_of(SiteId{2}).has_value()) << "even ids are not in the set";
  EXPECT_FALSE(map.position_of(SiteId{100000}).has_value());
}

TEST(CoverageOverlay, EveryCellCountsTheRingsOverItLikeBruteForce) {
  const auto sites = scale_sites(3000);
  std::vector<LatLon> positions;
  for (const Site& s : sites) positions.push_back(s.position);
  CoverageOverlay overlay;
  overlay.set_sites(positions, walk_ring_radius());
  EXPECT_FALSE(overlay.update(kChina, 5)) << "rings are smaller than a cell at country zoom";
  EXPECT_FALSE(overlay.visible());
  const BoundingBox view{116.30, 39.85, 116.50, 39.95};
  ASSERT_TRUE(overlay.update(view, 12));
  ASSERT_TRUE(overlay.visible());
  EXPECT_EQ(overlay.columns(), CoverageOverlay::kColumns);
  EXPECT_NEAR(overlay.rows(), 192 * 0.1 / (0.2 * std::cos(39.9 * std::numbers::pi / 180)), 1.0) << "square cells";
  const auto counts = overlay.counts();
  ASSERT_EQ(overlay.rgba().size(), counts.size() * 4);
  std::uint32_t most = 0;
  for (int r = 0; r < overlay.rows(); r += 7)
    for (int c = 0; c < overlay.columns(); c += 11) {
      const LatLon centre{view.max_lat - (r + 0.5) * (view.max_lat - view.min_lat) / overlay.rows(),
                          view.min_lon + (c + 0.5) * (view.max_lon - view.min_lon) / overlay.columns()};
      std::uint32_t brute = 0;
      for (const LatLon& p : positions) brute += great_circle_distance(centre, p) <= walk_ring_radius();
      EXPECT_EQ(counts[static_cast<std::size_t>(r * overlay.columns() + c)], brute) << r << "," << c;
      most = std::max(most, brute);
    }
  EXPECT_GE(most, 3u) << "Beijing's sites overlap (交叉覆盖)";
  EXPECT_FALSE(overlay.update(view, 12.5)) << "the same view: nothing to redraw";
  EXPECT_TRUE(overlay.update({116.31, 39.85, 116.51, 39.95}, 12));
}

/// Answers like the server: positions, nearest (brute force), one site; records every URL.
class ScaleServer {
 public:
  explicit ScaleServer(std::size_t n) : sites_(scale_sites(n)) {}
  PlatformServices services() {
    http.now = UtcSeconds{1795500000};
    return http.services();
  }
  void flush() { http.flush(); }
  const std::vector<Site>& sites() const { return sites_; }
  FakePlatform http{[this](const HttpRequest& r) { return answer(r.url); }};  ///< records every URL

 private:
  static double param(const std::string& url, const std::string& name) {
    const auto p = url.find(name + "=");
    return p == std::string::npos ? 0 : std::stod(url.substr(p + name.size() + 1));
  }
  HttpResponse answer(const std::string& url) {
    if (url == "/api/v1/sites/positions") return {200, encode_site_positions(sites_)};
    if (url.rfind("/api/v1/sites/nearest?", 0) == 0) {
      const LatLon from{param(url, "lat"), param(url, "lon")};
      const bool water_only = url.find("type=water_point") != std::string::npos;
      const auto q = url.find("&q=");
      const std::string initials = q == std::string::npos ? "" : url.substr(q + 3);  // pinyin initials only
      std::vector<const Site*> order;
      for (const Site& s : sites_)
        if ((!water_only || s.type == SiteType::water_point) &&
            (initials.empty() || pinyin_initials(s.name).find(initials) != std::string::npos))
          order.push_back(&s);
      const auto k = std::min<std::size_t>(order.size(), static_cast<std::size_t>(param(url, "k")));
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                        [&](const Site* a, const Site* b) {
                          return great_circle_distance(from, a->position) < great_circle_distance(from, b->position);
                        });
      nlohmann::json items = nlohmann::json::array();
      for (std::size_t i = 0; i < k; ++i) items.push_back(to_json(*order[i]));
      return {200, nlohmann::json{{"items", items}}.dump()};
    }
    const std::string one = "/api/v1/sites/";
    if (url.rfind(one, 0) == 0) {
      const auto id = std::stoll(url.substr(one.size()));
      for (const Site& s : sites_)
        if (s.id.value == id) return {200, to_json(s).dump()};
      return {404, R"({"error":{"code":"not_found","message":"no"}})"};
    }
    return {404, R"({"error":{"code":"not_found","message":"no"}})"};
  }
  std::vector<Site> sites_;
};

/// The App over a ScaleServer of `n` sites, started and loaded.
struct ScaleApp {
  explicit ScaleApp(std::size_t n) : server(n), app(map, server.services(), demo::huian_region()) {
    server.http.deliver_to(app);
    app.start();
    server.flush();
  }
  /// The map reports a pan or zoom; the answers it causes arrive.
  void move(LatLon center, double zoom, BoundingBox view) {
    app.handle(MapMoved{center, zoom, view});
    server.flush();
  }
  ScaleServer server;
  NullMapView map;
  App app;
};

TEST(AppAtScale, ClustersInsteadOfMarkersAndTheNearestSitesListed) {
  ScaleApp t(5000);
  auto& [server, map, app] = t;
  ASSERT_TRUE(app.cluster_map().active());
  EXPECT_EQ(server.http.requests.front(), "/api/v1/sites/positions");
  EXPECT_EQ(std::count_if(server.http.requests.begin(), server.http.requests.end(),
                          [](const std::string& u) { return u.rfind("/api/v1/sites?", 0) == 0; }),
            0)
      << "no full site pages at national scale";
  EXPECT_EQ(map.show_calls, 0);
  ASSERT_TRUE(map.fitted.has_value());
  EXPECT_LT(map.fitted->min_lon, 104.5);
  EXPECT_GT(map.fitted->max_lon, 121);
  EXPECT_EQ(app.sites().shown_total(), 5000u);
  EXPECT_TRUE(app.sites().national_scale());
  EXPECT_EQ(app.sites().count_of(SiteType::water_point), 1667u);
  EXPECT_EQ(map.outline_points, 0u) << "no county outline over the whole country";

  t.move({31, 112}, 4, kChina);
  EXPECT_EQ(total(map.clusters), 5000u);
  EXPECT_FALSE(map.cluster_rings.has_value());
  const auto& rows = app.sites().listed();
  ASSERT_EQ(rows.size(), 100u);
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].distance, rows[i].distance);

  // Zoomed in on Shanghai: single sites with their rings; the list is Shanghai's.
  const int calls = map.cluster_calls;
  t.move({31.2, 121.5}, 15, {121.48, 31.19, 121.52, 31.21});
  EXPECT_GT(map.cluster_calls, calls);
  ASSERT_TRUE(map.cluster_rings.has_value());
  EXPECT_DOUBLE_EQ(map.cluster_rings->value, walk_ring_radius().value);
  EXPECT_LT(great_circle_distance(app.sites().listed().front().site->position, {31.2, 121.5}).value, 2000);
}

TEST(AppAtScale, ASharedSiteLinkOpensTheSiteWithoutAnExtraHistoryEntry) {
  ScaleServer server(3000);
  NullMapView map;
  std::vector<std::pair<std::string, bool>> history_writes;
  PlatformServices services = server.services();
  const Site& far = server.sites()[3];  // not among the sites nearest the first view: fetched by id
  services.initial_route = [&] { return "#/site/" + std::to_string(far.id.value); };
  services.show_route = [&](const std::string& hash, bool replace) { history_writes.emplace_back(hash, replace); };
  App app(map, std::move(services));
  server.http.deliver_to(app);
  app.start();
  server.flush();
  ASSERT_NE(app.sites().selected(), nullptr);
  EXPECT_EQ(app.sites().selected()->id, far.id);
  EXPECT_TRUE(history_writes.empty()) << "the link is where the app is: nothing written, back leaves the app";
  app.apply(CloseSite{});
  app.handle(MapMoved{{30, 110}, 5, kChina});
  server.flush();
  ASSERT_EQ(history_writes.size(), 1u);
  EXPECT_EQ(history_writes[0], std::make_pair(std::string("#/map"), false)) << "closing the card is one entry";
}

TEST(AppAtScale, AClickedSiteIsFetchedByIdAndAClickedClusterZoomsIn) {
  ScaleApp t(5000);
  auto& [server, map, app] = t;
  t.move({39.9, 116.4}, 4, kChina);
  // A site far from the list's origin (the map center): not loaded until clicked.
  const Site& far = server.sites()[3];  // in Chengdu
  ASSERT_FALSE(app.sites().knows(far.id));
  app.handle(MarkerClicked{far.id});
  server.flush();
  ASSERT_NE(app.sites().selected(), nullptr);
  EXPECT_EQ(app.sites().selected()->name, far.name);
  EXPECT_EQ(map.highlighted, far.id);
  EXPECT_EQ(server.http.requests.back(), "/api/v1/sites/" + std::to_string(far.id.value));
  // The selection survives the next list (of other sites).
  t.move({39.91, 116.41}, 4, kChina);
  EXPECT_EQ(app.sites().selected()->id, far.id);

  const MapMarker* cluster = nullptr;
  for (const MapMarker& m : map.clusters)
    if (m.count > 1) cluster = &m;
  ASSERT_NE(cluster, nullptr);
  const LatLon where = cluster->position;
  app.handle(ClusterClicked{cluster->cluster, where});
  ASSERT_TRUE(map.flown_to.has_value());
  EXPECT_EQ(*map.flown_to, where);
  EXPECT_GT(map.zoom, 4);
}

TEST(AppAtScale, ATypeFilterReachesTheClustersAndTheList) {
  ScaleApp t(3000);
  auto& [server, map, app] = t;
  t.move({31, 112}, 4, kChina);
  app.apply(ToggleType{SiteType::water_point});
  server.flush();
  EXPECT_EQ(total(map.clusters), app.sites().count_of(SiteType::water_point));
  EXPECT_EQ(app.sites().shown_total(), app.sites().count_of(SiteType::water_point));
  EXPECT_NE(server.http.requests.back().find("type=water_point"), std::string::npos);
  for (const ListedSite& row : app.sites().listed()) EXPECT_EQ(row.site->type, SiteType::water_point);
}

TEST(AppAtScale, TheCoverageLayerFollowsTheViewAndTheTypes) {
  ScaleApp t(3000);
  auto& [server, map, app] = t;
  t.move({31, 112}, 4, kChina);
  app.apply(ToggleCoverage{});
  EXPECT_TRUE(app.sites().coverage_on());
  EXPECT_FALSE(app.sites().coverage_drawn()) << "too far out";
  EXPECT_FALSE(map.coverage.has_value());
  t.move({39.9, 116.4}, 12, {116.30, 39.85, 116.50, 39.95});
  ASSERT_TRUE(map.coverage.has_value());
  EXPECT_TRUE(app.sites().coverage_drawn());
  EXPECT_EQ(map.coverage_bytes, 4 * map.coverage_cells);
  t.move({31, 112}, 6, kChina);
  EXPECT_FALSE(map.coverage.has_value()) << "zoomed out: hidden";
  t.move({39.9, 116.4}, 12, {116.30, 39.85, 116.50, 39.95});
  ASSERT_TRUE(map.coverage.has_value());
  app.apply(ToggleCoverage{});
  EXPECT_FALSE(map.coverage.has_value());
  EXPECT_FALSE(app.sites().coverage_on());
}

TEST(AppAtScale, SearchAsksForTheNearestMatchingSitesNotJustTheLoadedOnes) {
  ScaleApp t(3000);
  auto& [server, map, app] = t;
  t.move({39.9, 116.4}, 12, {116.3, 39.8, 116.5, 40.0});
  app.apply(SetQuery{"yz12"});  // 驿站12, 驿站120…, by their pinyin initials
  EXPECT_NE(server.http.requests.back().find("/api/v1/sites/nearest?"), std::string::npos);
  EXPECT_NE(server.http.requests.back().find("&q=yz12"), std::string::npos);
  server.flush();
  const auto& rows = app.sites().listed();
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) EXPECT_EQ(row.site->name.rfind("驿站12", 0), 0u) << row.site->name;
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].distance, rows[i].distance);
  // The search follows the map: after a pan the nearest matching sites of the new place are asked for.
  t.move({23.1, 113.3}, 12, {113.2, 23.0, 113.4, 23.2});
  EXPECT_NE(server.http.requests.back().find("&q=yz12"), std::string::npos);
  EXPECT_LT(great_circle_distance(app.sites().listed().front().site->position, {23.1, 113.3}).value, 20000);
}

TEST(AppAtScale, OnlyTheLatestListCounts) {
  ScaleApp t(3000);
  auto& [server, map, app] = t;
  app.handle(MapMoved{{39.9, 116.4}, 12, {116.3, 39.8, 116.5, 40.0}});
  app.handle(MapMoved{{23.1, 113.3}, 12, {113.2, 23.0, 113.4, 23.2}});  // before the first answer arrives
  server.flush();
  EXPECT_LT(great_circle_distance(app.sites().listed().front().site->position, {23.1, 113.3}).value, 5000);
}

}  // namespace
}  // namespace gongyou
