// tests/app/route_test.cpp — URL hashes (app/navigation.h) and the app following links, back and forward.
#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/map/null_map_view.h"
#include "app/navigation.h"
#include "tests/app/fake_platform.h"
#include "tools/demo_data/huian_demo.h"

namespace gongyou {
namespace {

TEST(Route, ParsesEveryViewAndFormatsItBack) {
  for (const char* hash : {"#/", "#/map", "#/site/12", "#/home/7/book", "#/staff/7", "#/coverage", "#/courses",
                           "#/courses/3", "#/course/44", "#/my-courses", "#/lectures", "#/lectures/new",
                           "#/lectures/review", "#/me"}) {
    const auto route = parse_route(hash);
    ASSERT_TRUE(route) << hash;
    EXPECT_EQ(format_route(*route), hash);
  }
  EXPECT_EQ(parse_route(""), Route{});
  EXPECT_EQ(parse_route("#"), Route{});
  EXPECT_EQ(parse_route("#/")->kind, Route::Kind::home);
  // An older link keeps working: my bookings are on 我的.
  EXPECT_EQ(parse_route("#/my-bookings"), (Route{Route::Kind::me, 0}));
}

TEST(Route, RefusesAnythingElse) {
  for (const char* hash : {"#/site/", "#/site/abc", "#/site/-1", "#/site/0", "#/site/12/x", "#/site/1e3",
                           "#/site/99999999999999999999", "#/home/7", "#/home/7/pay", "#/courses/x",
                           "#/nowhere", "site/12", "#/site/12<script>", "#/my-bookings/1", "javascript:alert(1)",
                           "#/staff/", "#/staff/0", "#/lectures/x", "#/me/1", "#/map/1", "#/coverage/2"}) {
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

  PlatformServices services() {
    PlatformServices s = http.services();
    s.initial_route = [this] { return opening; };
    s.show_route = [this](const std::string& hash, bool replace) { shown.emplace_back(hash, replace); };
    s.share = [this](const std::string& title, const std::string& hash) { shared.emplace_back(title, hash); };
    s.open_link = [this](const std::string& url) { opened.push_back(url); };
    return s;
  }
  void flush() { http.flush(); }
  FakePlatform http{[this](const HttpRequest& r) {
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
    app.emplace(map, h.services(), demo::huian_region());
    h.http.deliver_to(*app);
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
  ASSERT_NE(app.sites().selected(), nullptr);
  EXPECT_EQ(app.sites().selected()->id, site.id);
  EXPECT_TRUE(h.shown.empty()) << "opening a link adds no history entry";
}

TEST_F(AppRoutes, ChoosingSitesAddsHistoryAndBackReturnsToTheMap) {
  App& app = start();
  app.apply(SelectSite{h.sites[3].id});
  ASSERT_EQ(h.shown.size(), 1u);
  EXPECT_EQ(h.shown[0], std::make_pair("#/site/" + std::to_string(h.sites[3].id.value), false));
  EXPECT_EQ(app.screen(), Screen::map) << "a chosen site is shown on the map";
  app.handle(RouteChanged{"#/map"});  // the back button
  EXPECT_EQ(app.sites().selected(), nullptr);
  EXPECT_EQ(h.shown.size(), 1u) << "following the history does not write it";
  app.handle(RouteChanged{"#/courses"});  // forward to another view
  EXPECT_EQ(app.screen(), Screen::courses);
  app.handle(RouteChanged{"#/"});  // back to the start
  EXPECT_EQ(app.screen(), Screen::home);
}

TEST_F(AppRoutes, ClosingASiteCardReturnsToTheMapAsANewHistoryEntry) {
  App& app = start();
  app.apply(SelectSite{h.sites[2].id});
  app.apply(CloseSite{});
  EXPECT_EQ(app.sites().selected(), nullptr);
  ASSERT_EQ(h.shown.size(), 2u);
  EXPECT_EQ(h.shown[1], std::make_pair(std::string("#/map"), false)) << "back reopens the card";
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
  EXPECT_EQ(app.sites().shared(), site.id);
  app.apply(OpenLink{"tel:0595"});
  EXPECT_EQ(opened, std::vector<std::string>{"tel:0595"});
}

TEST_F(AppRoutes, ALinkToNothingIsRewrittenInPlace) {
  h.opening = "#/site/999999";
  App& app = start();
  EXPECT_EQ(app.sites().selected(), nullptr);
  ASSERT_FALSE(h.shown.empty());
  EXPECT_EQ(h.shown.back(), std::make_pair(std::string("#/map"), true)) << "the map, where the site would be";
  app.handle(RouteChanged{"#/site/<b>1</b>"});
  EXPECT_EQ(h.shown.back(), std::make_pair(std::string("#/map"), true));
}

TEST_F(AppRoutes, TheAppOpensOnHomeAndEverySectionHasItsLink) {
  App& app = start();
  EXPECT_EQ(app.screen(), Screen::home);
  EXPECT_TRUE(h.shown.empty()) << "the start needs no history entry";
  app.apply(ShowScreen{Screen::map});
  app.apply(ShowCourses{CourseView::catalog});
  app.apply(ShowScreen{Screen::me});
  app.apply(ShowScreen{Screen::home});
  std::vector<std::string> hashes;
  for (const auto& [hash, replace] : h.shown) {
    EXPECT_FALSE(replace);
    hashes.push_back(hash);
  }
  EXPECT_EQ(hashes, (std::vector<std::string>{"#/map", "#/courses", "#/me", "#/"}));
}

TEST_F(AppRoutes, TheMapKeepsItsSelectionAndFiltersWhenYouComeBack) {
  App& app = start();
  app.apply(ShowScreen{Screen::map});
  app.apply(SetQuery{"崇武"});
  app.apply(SelectSite{h.sites[0].id});
  const auto listed = app.sites().listed().size();
  app.apply(ShowScreen{Screen::me});
  app.apply(ShowScreen{Screen::map});
  ASSERT_NE(app.sites().selected(), nullptr);
  EXPECT_EQ(app.sites().selected()->id, h.sites[0].id);
  EXPECT_EQ(app.sites().query(), "崇武");
  EXPECT_EQ(app.sites().listed().size(), listed);
  EXPECT_EQ(h.shown.back().first, "#/site/" + std::to_string(h.sites[0].id.value));
}

TEST_F(AppRoutes, LinksToEveryScreenOpenIt) {
  const auto opened = [&](const char* hash) {
    h.opening = hash;
    h.shown.clear();
    app.reset();
    return start().screen();
  };
  EXPECT_EQ(opened("#/me"), Screen::me);
  EXPECT_EQ(opened("#/my-bookings"), Screen::me);
  EXPECT_EQ(opened("#/courses/3"), Screen::courses);
  EXPECT_EQ(app->courses().category, CategoryId{3});
  EXPECT_EQ(opened("#/my-courses"), Screen::courses);
  EXPECT_EQ(app->courses().view, CourseView::mine);
  EXPECT_EQ(opened("#/lectures/new"), Screen::courses);
  EXPECT_EQ(app->courses().view, CourseView::request_form);
  EXPECT_EQ(opened("#/map"), Screen::map);
  EXPECT_EQ(opened("#/coverage"), Screen::coverage);
  const Site* home = nullptr;
  for (const Site& s : h.sites)
    if (s.bookable) home = &s;
  ASSERT_NE(home, nullptr);
  EXPECT_EQ(opened(("#/home/" + std::to_string(home->id.value) + "/book").c_str()), Screen::slots);
  EXPECT_EQ(app->bookings().site, home->id);
  EXPECT_EQ(opened(("#/staff/" + std::to_string(home->id.value)).c_str()), Screen::staff);
  EXPECT_EQ(app->staff_desk().site, home->id);

  // Issue 14.10: a booking link to a site that takes none showed its card without a word.
  const Site* other = nullptr;
  for (const Site& s : h.sites)
    if (!s.bookable) other = &s;
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(opened(("#/home/" + std::to_string(other->id.value) + "/book").c_str()), Screen::map);
  ASSERT_NE(app->sites().selected(), nullptr);
  EXPECT_EQ(app->sites().selected()->id, other->id) << "its card";
  ASSERT_TRUE(app->session().feedback);
  EXPECT_EQ(app->session().feedback->code, "not_bookable") << "and why there is no booking";
}

// Issue 14.10: a search typed in the classroom ("ldf") stayed on when a shared link to a category was opened, and
// the link showed "没有找到课程". A link names the whole list: its category, no search text.
TEST_F(AppRoutes, ACategoryLinkWinsOverTheSearchTypedBefore) {
  App& app = start();
  app.handle(RouteChanged{"#/courses"});
  app.apply(SetCourseQuery{"ldf"});
  ASSERT_EQ(app.courses().query, "ldf");
  app.handle(RouteChanged{"#/courses/3"});
  EXPECT_EQ(app.courses().category, CategoryId{3});
  EXPECT_EQ(app.courses().query, "") << "the link's list, not the old search within it";
  ASSERT_FALSE(h.http.requests.empty());
  EXPECT_EQ(h.http.requests.back().find("q="), std::string::npos) << h.http.requests.back();
  EXPECT_NE(h.http.requests.back().find("category=3"), std::string::npos) << h.http.requests.back();
}

}  // namespace
}  // namespace gongyou
