// tests/app/session_test.cpp — the session without a browser: signing in and out, a saved session restored after
// a reload, a refused password, an expired or revoked token, and answers for an earlier user dropped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/session.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(std::int64_t id = 7, const char* name = "lihua") {
  return {{"id", id}, {"username", name}, {"display_name", "李华"}, {"role", "worker"}};
}

class SessionTest : public ::testing::Test, protected SessionHarness {
 protected:
  int changes = 0;
  void SetUp() override { session.on_change([this] { ++changes; }); }
};

TEST_F(SessionTest, SignInStoresTheTokenAndARestartRestoresTheSession) {
  server.answer("POST /api/v1/auth/login", 200, {{"token", "T0KEN"}, {"user", user_json()}});
  session.login("lihua", "Secret-2026");
  server.flush();
  ASSERT_TRUE(session.state().user);
  EXPECT_EQ(session.state().user->display_name, "李华");
  EXPECT_EQ(session.state().user->id, UserId{7});
  EXPECT_EQ(server.settings["gongyou.token"], "T0KEN");
  EXPECT_EQ(session.state().feedback->code, "signed_in");
  EXPECT_EQ(changes, 1);

  SessionHarness reloaded;  // a new page with the same saved settings
  reloaded.server.settings = server.settings;
  reloaded.server.answer("GET /api/v1/me", 200, user_json());
  reloaded.session.restore();
  reloaded.server.flush();
  ASSERT_TRUE(reloaded.session.state().user);
  EXPECT_EQ(reloaded.server.last("GET", "/api/v1/me")->token, "T0KEN");
}

TEST_F(SessionTest, WrongPasswordIsAClearRefusalNotASession) {
  server.answer("POST /api/v1/auth/login", 401, {{"error", {{"code", "unauthorized"}, {"message", "wrong"}}}});
  session.open_auth(false);
  session.login("lihua", "nope");
  server.flush();
  EXPECT_FALSE(session.state().user);
  EXPECT_TRUE(session.state().auth_open);
  EXPECT_EQ(session.state().feedback->code, "login_failed");
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
  EXPECT_EQ(changes, 0);
}

TEST_F(SessionTest, ARevokedSessionSignsOutAndSaysSo) {
  server.settings["gongyou.token"] = "OLD";
  server.answer("GET /api/v1/me", 200, user_json());
  session.restore();
  server.flush();
  ASSERT_EQ(changes, 1);
  server.answer("GET /api/v1/me/bookings", 401, {{"error", {{"code", "unauthorized"}, {"message", "expired"}}}});
  bool answered = false;
  session.call("GET", "/api/v1/me/bookings", "", [&](const HttpResponse& r) {
    answered = true;
    session.fail(r);
  });
  server.flush();
  EXPECT_TRUE(answered);
  EXPECT_FALSE(session.state().user);
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
  EXPECT_EQ(session.state().feedback->code, "session_expired") << "not replaced by the bare 401";
  EXPECT_TRUE(session.state().auth_open);
  EXPECT_EQ(changes, 2);
}

TEST_F(SessionTest, AnExpiredSavedTokenIsForgottenQuietly) {
  server.settings["gongyou.token"] = "STALE";
  server.answer("GET /api/v1/me", 401, {{"error", {{"code", "unauthorized"}, {"message", "expired"}}}});
  session.restore();
  server.flush();
  EXPECT_FALSE(session.state().user);
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
  EXPECT_FALSE(session.state().auth_open) << "nobody was signed in: nothing to say";
  EXPECT_EQ(changes, 0);
}

TEST_F(SessionTest, A401ForAnEarlierTokenDoesNotSignOutTheNewUser) {
  server.answer("POST /api/v1/auth/login", 200, {{"token", "A"}, {"user", user_json(7, "a")}});
  session.login("a", "x");
  server.flush();
  server.hold_next("GET /api/v1/me/bookings");
  server.answer("GET /api/v1/me/bookings", 401, {{"error", {{"code", "unauthorized"}, {"message", "gone"}}}});
  session.call("GET", "/api/v1/me/bookings", "", [](const HttpResponse&) {});  // asked as A, answered late
  server.flush();
  session.logout();
  server.answer("POST /api/v1/auth/login", 200, {{"token", "B"}, {"user", user_json(8, "b")}});
  session.login("b", "y");
  server.flush();
  ASSERT_TRUE(session.is_signed_in_as(UserId{8}));
  server.release();  // A's revoked token answers 401 now
  ASSERT_TRUE(session.state().user);
  EXPECT_EQ(session.state().user->username, "b");
  EXPECT_EQ(session.state().token, "B");
  EXPECT_TRUE(session.is_signed_in_as(UserId{8}));
  EXPECT_FALSE(session.is_signed_in_as(UserId{7}));
}

TEST_F(SessionTest, SignOutForgetsTheTokenAndTellsEveryFeature) {
  server.answer("POST /api/v1/auth/login", 200, {{"token", "T"}, {"user", user_json()}});
  session.login("lihua", "x");
  server.flush();
  session.logout();
  EXPECT_FALSE(session.signed_in());
  EXPECT_TRUE(session.state().token.empty());
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
  EXPECT_EQ(session.state().feedback->code, "signed_out");
  EXPECT_EQ(changes, 2);
  EXPECT_EQ(server.last("POST", "/api/v1/auth/logout")->token, "T") << "the server revokes the token too";
}

// Issue 14.10: old banners ("已签到。") seemed to come back after a reload. A banner lives only in memory: nothing
// but the token is kept across a reload.
TEST_F(SessionTest, BannersAreNeverKeptAcrossAReload) {
  server.answer("POST /api/v1/auth/login", 200, {{"token", "T"}, {"user", user_json()}});
  session.login("lihua", "Secret-2026");
  server.flush();
  ASSERT_TRUE(session.signed_in());
  session.say(Feedback::Kind::success, "checked_in");
  session.say(Feedback::Kind::error, "slot_full");
  for (const auto& [key, value] : server.settings) {
    EXPECT_EQ(key, "gongyou.token") << "a setting kept across a reload: " << key << " = " << value;
    EXPECT_EQ(value.find("checked_in"), std::string::npos);
  }
}

// Issue 14.7: success banners stayed until closed; 加入日历 said nothing.
TEST_F(SessionTest, GoodNewsGoesAwayByItselfAndAnErrorStays) {
  session.say(Feedback::Kind::success, "booked");
  ASSERT_EQ(server.timers.size(), 1u);
  EXPECT_EQ(server.timers[0].second, Feedback::kShownMilliseconds);
  const std::uint64_t first = server.timers[0].first;
  session.say(Feedback::Kind::info, "signed_out");
  ASSERT_EQ(server.timers.size(), 2u);
  session.timer_fired(first);
  ASSERT_TRUE(session.state().feedback) << "the first message's timer does not take the second away";
  EXPECT_EQ(session.state().feedback->code, "signed_out");
  session.timer_fired(server.timers[1].first);
  EXPECT_FALSE(session.state().feedback);

  session.say(Feedback::Kind::error, "slot_full");
  EXPECT_EQ(server.timers.size(), 2u) << "an error starts no timer";
  session.timer_fired(server.timers[1].first);
  EXPECT_TRUE(session.state().feedback) << "an error waits to be read";
}

TEST_F(SessionTest, ADownloadSaysItIsSavedOrWhyNot) {
  server.answer("POST /api/v1/auth/login", 200, {{"token", "T"}, {"user", user_json()}});
  session.login("lihua", "x");
  server.flush();
  server.answer("GET /api/v1/bookings/4/calendar.ics", 200, json::object());
  session.download("/api/v1/bookings/4/calendar.ics", "gongyou-booking-4.ics", "calendar_downloaded");
  ASSERT_EQ(server.downloads.size(), 1u);
  EXPECT_EQ(server.downloads[0].second, "gongyou-booking-4.ics");
  EXPECT_EQ(server.downloads[0].first.token, "T");
  EXPECT_FALSE(session.state().feedback && session.state().feedback->code == "calendar_downloaded")
      << "not before the file is there";
  server.flush();
  ASSERT_TRUE(session.state().feedback);
  EXPECT_EQ(session.state().feedback->code, "calendar_downloaded");
  EXPECT_EQ(session.state().feedback->kind, Feedback::Kind::success);

  server.answer_network_failure("GET /api/v1/bookings/4/calendar.ics");
  session.download("/api/v1/bookings/4/calendar.ics", "gongyou-booking-4.ics", "calendar_downloaded");
  server.flush();
  EXPECT_EQ(session.state().feedback->kind, Feedback::Kind::error);
}

}  // namespace
}  // namespace gongyou
