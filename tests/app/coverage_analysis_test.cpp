// tests/app/coverage_analysis_test.cpp — the staff coverage screen's controller without a browser: what it asks of
// the API (towns, suggestions with k kept within 1..20, the export with the session's token), that a late answer
// for an older k is dropped, that the suggestions go on the map as pins only while asked for and on this screen,
// and that signing out forgets everything.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/map/null_map_view.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json towns_json() {
  return {{"members", 300},
          {"covered", 200},
          {"share", 200.0 / 300},
          {"towns",
           {{{"town", "崇武镇"}, {"members", 100}, {"covered", 20}, {"share", 0.2}},
            {{"town", "螺城镇"}, {"members", 200}, {"covered", 180}, {"share", 0.9}}}}};
}

json suggestions_json(int n) {
  json items = json::array();
  for (int i = 0; i < n; ++i)
    items.push_back({{"lat", 24.9 + 0.01 * i}, {"lon", 118.9 + 0.01 * i}, {"members_added", 50 - i}, {"town", "崇武镇"},
                     {"share_after", (200.0 + 50 * (i + 1)) / 300}});
  return {{"items", items}};
}

class CoverageAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server.settings["gongyou.token"] = "STAFF";
    server.answer("GET /api/v1/me", 200, {{"id", 1}, {"username", "staff"}, {"display_name", "站长"}, {"role", admin_ ? "admin" : "worker"}});
  }
  /// The app, signed in (as an admin unless told otherwise).
  App& app() {
    if (!app_) {
      app_ = std::make_unique<App>(map, server.services());
      server.deliver_to(*app_);
      app_->start();
      server.flush();
    }
    return *app_;
  }
  bool admin_ = true;
  FakePlatform server;
  NullMapView map;
  const std::vector<std::pair<HttpRequest, std::string>>& downloads = server.downloads;
  std::unique_ptr<App> app_;
};

TEST_F(CoverageAnalysisTest, OpeningTheScreenLoadsTownsAndFiveSuggestions) {
  server.answer("GET /api/v1/coverage/towns", 200, towns_json());
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(5));
  app().apply(ShowScreen{Screen::coverage});
  EXPECT_TRUE(app().coverage_analysis().towns_loading);
  server.flush();
  const CoverageAnalysisState& s = app().coverage_analysis();
  EXPECT_EQ(app().screen(), Screen::coverage);
  ASSERT_EQ(s.towns.size(), 2u);
  EXPECT_EQ(s.towns[0].town, "崇武镇");
  EXPECT_EQ(s.towns[0].covered, 20u);
  EXPECT_EQ(s.members, 300u);
  EXPECT_NEAR(s.share, 2.0 / 3, 1e-12);
  ASSERT_EQ(s.suggestions.size(), 5u);
  EXPECT_EQ(s.suggestions[0].members_added, 50u);
  EXPECT_EQ(server.last("GET", "/api/v1/coverage/suggestions")->url, "/api/v1/coverage/suggestions?k=5");
  EXPECT_EQ(server.last("GET", "/api/v1/coverage/towns")->token, "STAFF");
  EXPECT_FALSE(s.towns_loading || s.suggestions_loading);
}

TEST_F(CoverageAnalysisTest, KStaysWithinOneToTwentyAndALateAnswerForAnOlderKIsDropped) {
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  app().apply(SetSuggestionCount{25});
  EXPECT_EQ(app().coverage_analysis().k, 20);
  EXPECT_EQ(server.last("GET", "/api/v1/coverage/suggestions")->url, "/api/v1/coverage/suggestions?k=20");
  app().apply(SetSuggestionCount{0});
  EXPECT_EQ(app().coverage_analysis().k, 1);
  const std::size_t asked = server.seen.size();
  app().apply(SetSuggestionCount{1});  // unchanged: nothing asked
  EXPECT_EQ(server.seen.size(), asked);
  server.flush();
  // k=3 then k=2 are asked; the k=2 answer comes first, the k=3 one late: the late one is dropped.
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(3));
  server.hold_next("GET /api/v1/coverage/suggestions");
  app().apply(SetSuggestionCount{3});
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(2));
  app().apply(SetSuggestionCount{2});
  server.flush();
  ASSERT_EQ(app().coverage_analysis().suggestions.size(), 2u);
  server.release();  // the k=3 answer, late
  EXPECT_EQ(app().coverage_analysis().suggestions.size(), 2u);
  EXPECT_EQ(app().coverage_analysis().k, 2);
}

TEST_F(CoverageAnalysisTest, SuggestionsGoOnTheMapAsPinsOnlyWhileAskedAndOnThisScreen) {
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(3));
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  EXPECT_TRUE(map.suggestion_pins.empty());
  app().apply(ShowSuggestionsOnMap{true});
  ASSERT_EQ(map.suggestion_pins.size(), 3u);
  EXPECT_EQ(map.suggestion_pins[0], (LatLon{24.9, 118.9}));
  EXPECT_EQ(map.suggestion_pins[2], app().coverage_analysis().suggestions[2].position);
  const int calls = map.suggestion_calls;
  app().apply(ShowSuggestionsOnMap{true});  // asked again: the same pins, not drawn again
  EXPECT_EQ(map.suggestion_calls, calls);
  // A new k redraws the pins when its answer comes.
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(4));
  app().apply(SetSuggestionCount{4});
  server.flush();
  EXPECT_EQ(map.suggestion_pins.size(), 4u);
  app().apply(ShowScreen{Screen::map});
  EXPECT_TRUE(map.suggestion_pins.empty()) << "the pins belong to the coverage screen";
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(4));
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  EXPECT_EQ(map.suggestion_pins.size(), 4u) << "still asked for: back with the screen";
  app().apply(ShowSuggestionsOnMap{false});
  EXPECT_TRUE(map.suggestion_pins.empty());
}

TEST_F(CoverageAnalysisTest, ExportDownloadsTheGeoJsonWithTheSessionToken) {
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  app().apply(ExportCoverage{});
  ASSERT_EQ(downloads.size(), 1u);
  EXPECT_EQ(downloads[0].first.url, "/api/v1/coverage/export.geojson");
  EXPECT_EQ(downloads[0].first.token, "STAFF");
  EXPECT_EQ(downloads[0].second, "gongyou-coverage.geojson");
}

TEST_F(CoverageAnalysisTest, SigningOutForgetsTheAnalysisAndItsPins) {
  server.answer("GET /api/v1/coverage/towns", 200, towns_json());
  server.answer("GET /api/v1/coverage/suggestions", 200, suggestions_json(3));
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  app().apply(ShowSuggestionsOnMap{true});
  app().apply(Logout{});
  server.flush();
  EXPECT_EQ(app().screen(), Screen::me) << "a staff screen is left for 我的, which offers to sign in";
  EXPECT_TRUE(app().coverage_analysis().towns.empty());
  EXPECT_TRUE(app().coverage_analysis().suggestions.empty());
  EXPECT_TRUE(map.suggestion_pins.empty());
}

TEST_F(CoverageAnalysisTest, AFailedLoadIsExplained) {
  server.answer("GET /api/v1/coverage/towns", 403, {{"error", {{"code", "forbidden"}, {"message", "staff only"}}}});
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  EXPECT_TRUE(app().coverage_analysis().failed);
  ASSERT_TRUE(app().session().feedback);
  EXPECT_EQ(app().session().feedback->kind, Feedback::Kind::error);
}

TEST_F(CoverageAnalysisTest, AWorkerAsksNothing) {
  admin_ = false;
  SetUp();
  server.script["GET /api/v1/me"].pop_front();
  app().apply(ShowScreen{Screen::coverage});
  server.flush();
  EXPECT_EQ(server.last("GET", "/api/v1/coverage"), nullptr);
}

}  // namespace
}  // namespace gongyou
