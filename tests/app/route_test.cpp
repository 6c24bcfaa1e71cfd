// tests/app/route_test.cpp — URL hashes (app/navigation.h) and the app following links, back and forward.
#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <nlohmann/json.hpp>

#include "tools/demo_data/huian_demo.h"
#include "tests/app/deferred_http.h"
#include "app/app.h"
#include "app/map/null_map_view.h"
#include "app/navigation.h"

namespace gongyou {
namespace {

TEST(Route, ParsesEveryViewAndFormatsItBack) {
  for (const char* hash : {"#/", "#/site/12", "#/home/7/book", "#/courses", "#/courses/3", "#/course/44",
                           "#/my-bookings"}) {
    const auto route = parse_route(hash);
    ASSERT_TRUE(route) << hash;
    EXPECT_EQ(format_route(*route), hash);
  }
  EXPECT_EQ(parse_route(""), Route{});
  EXPECT_EQ(parse_route("#"), Route{});
}

TEST(Route, RefusesAnythingElse) {
  for (const char* hash : {"#/site/", "#/site/abc", "#/site/-1", "#/site/0", "#/site/12/x", "#/site/1e3",
                           "#/site/99999999999999999999", "#/home/7", "#/home/7/pay", "#/courses/x",
                           "#/nowhere", "site/12", "#/site/12<script>", "#/my-bookings/1", "javascript:alert(1)"}) {
    EXPECT_FALSE(parse_route(hash)) << hash;
  }
}

/// Answers the site listing with the demo sites in one page; records the routes the app shows, and what it
/// shares and opens.
struct RouteHarness {
  std::vector<std::pair<std::string, bool>> shown;  // hash, replace
  std::vector<std::pair<std::string, std::string>> shared;  // title, hash
  std::vector<std::string> opened;                          // links followed
  std::string opening = "";
  std::vector<Site> sites = demo::huian_sites();

  AppServices services() {
    AppServices s;
    s.http = http.service();
    s.now = [] { return UtcSeconds{1795500000}; };
    s.initial_route = [this] { return opening; };
    s.show_route = [this](const std::string& hash, bool replace) { shown.emplace_back(hash, replace); };
    s.share = [this](const std::string& title, const std::string& hash) { shared.emplace_back(title, hash); };
    s.open_link = [this](const std::string& url) { opened.push_back(url); };
    return s;
  }
  void flush() { http.flush(); }
  DeferredHttp http{[this](const HttpRequest& r) {
    nlohmann::json items = nlohmann::json::array();
    if (r.url.rfind("/api/v1/sites", 0) == 0)
      for (const Site& site : sites) items.push_back(to_json(site));
    return HttpResponse{200, nlohmann::json{{"items", items}}.dump()};
  }};
};

/// An app over the harness, started (with h.opening as the page's link) and its sites answered.
class AppRoutes : public ::testing::Test {
 protected:
  App& start() {
    app.emplace(map, h.services());
    app->start();
    h.flush();
    return *app;
  }
  RouteHarness h;
  NullMapView map;
  std::optional<App> app;
};

TEST_F(AppRoutes, ASharedSiteLinkOpensThatSiteOnceTheSitesAreIn) {
  const Site& site = h.sites[40];
  h.opening = "#/site/" + std::to_string(site.id.value);
  App& app = start();
  ASSERT_NE(app.state().selected(), nullptr);
  EXPECT_EQ(app.state().selected()->id, site.id);
  EXPECT_TRUE(h.shown.empty()) << "opening a link adds no history entry";
}

TEST_F(AppRoutes, ChoosingSitesAddsHistoryAndBackReturnsToTheMap) {
  App& app = start();
  app.apply(SelectSite{h.sites[3].id});
  ASSERT_EQ(h.shown.size(), 1u);
  EXPECT_EQ(h.shown[0], std::make_pair("#/site/" + std::to_string(h.sites[3].id.value), false));
  app.handle(RouteChanged{"#/"});  // the back button
  EXPECT_EQ(app.state().selected(), nullptr);
  EXPECT_EQ(h.shown.size(), 1u) << "following the history does not write it";
  app.handle(RouteChanged{"#/courses"});  // forward to another view
  EXPECT_EQ(app.bookings().screen, Screen::courses);
}

TEST_F(AppRoutes, ClosingASiteCardReturnsToTheMapAsANewHistoryEntry) {
  App& app = start();
  app.apply(SelectSite{h.sites[2].id});
  app.apply(CloseSite{});
  EXPECT_EQ(app.state().selected(), nullptr);
  ASSERT_EQ(h.shown.size(), 2u);
  EXPECT_EQ(h.shown[1], std::make_pair(std::string("#/"), false)) << "back reopens the card";
}

TEST_F(AppRoutes, ACardSharesTheSelectedSitesLinkAndOpensItsLinks) {
  App& app = start();
  const auto& shared = h.shared;
  const auto& opened = h.opened;
  const Site& site = h.sites[5];
  app.apply(ShareSite{site.id});
  EXPECT_TRUE(shared.empty()) << "only the open card's site is shared";
  app.apply(SelectSite{site.id});
  app.apply(ShareSite{site.id});
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0], std::make_pair(site.name, "#/site/" + std::to_string(site.id.value)));
  EXPECT_EQ(app.state().shared(), site.id);
  app.apply(OpenLink{"tel:0595"});
  EXPECT_EQ(opened, std::vector<std::string>{"tel:0595"});
}

TEST_F(AppRoutes, ALinkToNothingIsRewrittenInPlace) {
  h.opening = "#/site/999999";
  App& app = start();
  EXPECT_EQ(app.state().selected(), nullptr);
  ASSERT_FALSE(h.shown.empty());
  EXPECT_EQ(h.shown.back(), std::make_pair(std::string("#/"), true));
  app.handle(RouteChanged{"#/site/<b>1</b>"});
  EXPECT_EQ(h.shown.back(), std::make_pair(std::string("#/"), true));
}

}  // namespace
}  // namespace gongyou
