// tests/app/activities_test.cpp — the activity controller without a browser (issue 16.5): a scripted server answers
// each request; the tests check the list and its kind filter (malformed items skipped, an answer to an older filter
// ignored), that a sign-up is one POST with an idempotency key kept for a retry after a lost answer and a fresh one
// after an answer, the matchmaking declaration's body, the waitlist position reaching the feedback line, cancelling,
// 我的活动, a sign-out forgetting the last user's sign-ups, and the routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/activities/activities.h"
#include "app/navigation.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(std::int64_t id) {
  return {{"id", id}, {"username", "worker" + std::to_string(id)}, {"display_name", "林职工"}, {"role", "worker"}};
}

json activity_json(std::int64_t id, const char* kind = "sports", json places = 20, json left = 5) {
  return {{"id", id},           {"kind", kind},
          {"title", "职工运动会"}, {"description", "<b>不是标记</b>"},
          {"union_name", "惠安县总工会"},
          {"online", false},
          {"site", {{"id", 12}, {"name", "螺城镇职工之家"}, {"address", "八二三路"}, {"lat", 25.0}, {"lon", 118.8}}},
          {"starts_at", "2026-11-28T09:00:00+08:00"},
          {"ends_at", "2026-11-28T12:00:00+08:00"},
          {"signup_opens_at", "2026-11-20T09:00:00+08:00"},
          {"signup_closes_at", "2026-11-27T09:00:00+08:00"},
          {"signup", "open"},
          {"places", places},
          {"confirmed", 15},
          {"places_left", left},
          {"waitlist", 0},
          {"members_only", false},
          {"age_range", std::string(kind) == "matchmaking" ? json{{"min", 22}, {"max", 35}} : json(nullptr)}};
}

json signup_json(std::int64_t id, std::int64_t activity, const char* status, json position = nullptr) {
  return {{"id", id}, {"activity_id", activity}, {"status", status}, {"waitlist_position", position},
          {"signed_up_at", "2026-11-24T08:00:00+08:00"}, {"declared", false}};
}

class ActivitiesTest : public ::testing::Test, protected SessionHarness {
 protected:
  Activities activities{session};
  void SetUp() override { session.on_change([this] { activities.session_changed(); }); }
  void sign_in(std::int64_t id) {
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(id)}});
    server.answer("GET /api/v1/me", 200, user_json(id));
    session.login("worker" + std::to_string(id), "Secret-2026");
    server.flush();
  }
  const ActivityState& state() const { return activities.state(); }
  std::size_t count(const std::string& method, const std::string& path) const {
    return static_cast<std::size_t>(std::count_if(server.seen.begin(), server.seen.end(), [&](const HttpRequest& r) {
      return r.method == method && r.url == path;
    }));
  }
};

TEST_F(ActivitiesTest, TheListDecodesActivitiesAndSkipsMalformedOnes) {
  json bad = activity_json(6);
  bad["kind"] = "party";
  json online = activity_json(7);
  online["site"] = nullptr;
  online["places"] = nullptr;
  online["places_left"] = nullptr;
  server.answer("GET /api/v1/activities", 200, {{"items", {activity_json(5), bad, online, {{"id", "x"}}}}});
  activities.apply(ShowActivityList{});
  server.flush();
  ASSERT_EQ(state().activities.size(), 2u);
  const ActivitySummary& a = state().activities[0];
  EXPECT_EQ(a.kind, ActivityKind::sports);
  EXPECT_EQ(a.description, "<b>不是标记</b>") << "text is kept as text";
  ASSERT_TRUE(a.site);
  EXPECT_EQ(a.site->id, SiteId{12});
  EXPECT_EQ(a.places_left, 5);
  EXPECT_FALSE(state().activities[1].site) << "online";
  EXPECT_FALSE(state().activities[1].places) << "unlimited";
}

TEST_F(ActivitiesTest, AFilterAsksForItsKindAndAnOlderAnswerIsIgnored) {
  server.hold_next("GET /api/v1/activities");
  server.answer("GET /api/v1/activities", 200, {{"items", {activity_json(5)}}});
  activities.apply(ShowActivityList{});
  server.flush();
  server.answer("GET /api/v1/activities", 200, {{"items", {activity_json(8, "matchmaking")}}});
  activities.apply(FilterActivities{ActivityKind::matchmaking});
  server.flush();
  EXPECT_EQ(server.requests.back(), "/api/v1/activities?kind=matchmaking");
  server.release();  // the unfiltered answer arrives late
  ASSERT_EQ(state().activities.size(), 1u);
  EXPECT_EQ(state().activities[0].id, ActivityId{8});
  EXPECT_EQ(state().activities[0].min_age, 22);
}

TEST_F(ActivitiesTest, SigningUpNeedsAnAccount) {
  activities.apply(SignUpForActivity{ActivityId{5}, std::nullopt});
  EXPECT_TRUE(session.state().auth_open);
  EXPECT_EQ(count("POST", "/api/v1/activities/5/signups"), 0u);
}

TEST_F(ActivitiesTest, ASignUpKeepsItsKeyForARetryAndTakesAFreshOneAfterAnAnswer) {
  sign_in(3);
  server.answer("GET /api/v1/activities/5", 200, activity_json(5));
  activities.apply(OpenActivity{ActivityId{5}});
  server.flush();
  server.answer_network_failure("POST /api/v1/activities/5/signups");
  activities.apply(SignUpForActivity{ActivityId{5}, std::nullopt});
  server.flush();
  const std::string first_key = server.last("POST", "/api/v1/activities/5/signups")->idempotency_key;
  EXPECT_FALSE(first_key.empty());
  server.answer("POST /api/v1/activities/5/signups", 201, signup_json(40, 5, "waitlisted", 3));
  activities.apply(SignUpForActivity{ActivityId{5}, std::nullopt});
  server.flush();
  EXPECT_EQ(server.last("POST", "/api/v1/activities/5/signups")->idempotency_key, first_key) << "the retry";
  ASSERT_TRUE(session.state().feedback);
  EXPECT_EQ(session.state().feedback->code, "activity_waitlisted");
  EXPECT_EQ(session.state().feedback->number, 3);
  EXPECT_EQ(server.last("POST", "/api/v1/activities/5/signups")->body, "{}");
  server.answer("POST /api/v1/activities/5/signups", 409, {{"error", {{"code", "conflict"}, {"message", "已报名"}}}});
  activities.apply(SignUpForActivity{ActivityId{5}, std::nullopt});
  server.flush();
  EXPECT_NE(server.last("POST", "/api/v1/activities/5/signups")->idempotency_key, first_key) << "a new sign-up";
  EXPECT_EQ(session.state().feedback->kind, Feedback::Kind::error);
  EXPECT_GE(count("GET", "/api/v1/me/activities"), 2u) << "我的活动 reloads after each answer";
}

TEST_F(ActivitiesTest, AMatchmakingSignUpSendsTheDeclaration) {
  sign_in(3);
  server.answer("POST /api/v1/activities/8/signups", 201, signup_json(41, 8, "confirmed"));
  activities.apply(SignUpForActivity{ActivityId{8}, MatchmakingDeclaration{29, true, "139 1234 5678"}});
  server.flush();
  const json body = json::parse(server.last("POST", "/api/v1/activities/8/signups")->body);
  EXPECT_EQ(body, json::parse(R"({"declaration":{"age":29,"single":true,"phone":"139 1234 5678"}})"));
  EXPECT_EQ(session.state().feedback->code, "activity_signed_up");
}

TEST_F(ActivitiesTest, DetailShowsMySignUpAndCancelReloadsIt) {
  sign_in(3);
  json mine = activity_json(5);
  mine["me"] = signup_json(40, 5, "confirmed");
  server.answer("GET /api/v1/activities/5", 200, mine);
  activities.apply(OpenActivity{ActivityId{5}});
  server.flush();
  ASSERT_TRUE(state().activity);
  EXPECT_TRUE(state().activity->signed_up());
  json after = activity_json(5);
  after["me"] = signup_json(40, 5, "cancelled");
  server.answer("DELETE /api/v1/activities/5/signups/mine", 200, signup_json(40, 5, "cancelled"));
  server.answer("GET /api/v1/activities/5", 200, after);
  activities.apply(CancelActivitySignup{ActivityId{5}});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "activity_cancelled");
  EXPECT_FALSE(state().activity->signed_up());
  EXPECT_EQ(state().activity->me->status, SignupStatus::cancelled);
}

TEST_F(ActivitiesTest, MyActivitiesAreDecodedAndASignOutForgetsThem) {
  server.answer("GET /api/v1/me/activities", 200,
                {{"items", {[] { json i = signup_json(40, 5, "waitlisted", 2); i["activity"] = activity_json(5); return i; }(),
                            signup_json(41, 6, "confirmed")}}});  // the second has no activity: skipped
  sign_in(3);
  ASSERT_EQ(state().mine.size(), 1u);
  EXPECT_EQ(state().mine[0].signup.waitlist_position, 2);
  EXPECT_EQ(state().mine[0].activity.title, "职工运动会");
  session.logout();
  server.flush();
  EXPECT_TRUE(state().mine.empty());
}

TEST(ActivityRoutes, ListAndOneActivityRoundTrip) {
  EXPECT_EQ(parse_route("#/activities"), (Route{Route::Kind::activities, 0}));
  EXPECT_EQ(parse_route("#/activities/42"), (Route{Route::Kind::activity, 42}));
  EXPECT_EQ(format_route(Route{Route::Kind::activity, 42}), "#/activities/42");
  EXPECT_EQ(format_route(Route{Route::Kind::activities, 0}), "#/activities");
  EXPECT_FALSE(parse_route("#/activities/abc"));
  EXPECT_EQ(section_of(Screen::activities), Screen::home);
}

}  // namespace
}  // namespace gongyou
