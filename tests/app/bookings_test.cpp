// tests/app/bookings_test.cpp — the booking controller without a browser: a scripted server answers
// each request; the tests check what is asked of the API and what the user is told.
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/bookings/bookings.h"
#include "tests/app/scripted_server.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(bool admin = false) {
  return {{"id", 7}, {"username", "lihua"}, {"display_name", "李华"}, {"role", admin ? "admin" : "worker"}};
}

json slot_json(std::int64_t id, int remaining) {
  return {{"id", id}, {"site_id", 12}, {"start", "2026-11-25T09:00:00+08:00"}, {"end", "2026-11-25T10:00:00+08:00"},
          {"capacity", 12}, {"booked", 12 - remaining}, {"remaining", remaining}, {"waitlist", 0}};
}

class BookingsTest : public ::testing::Test {
 protected:
  ScriptedServer server;
  AppServices services = server.services();
};

TEST_F(BookingsTest, SignInStoresTheTokenAndARestartRestoresTheSession) {
  {
    Bookings bookings(services);
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T0KEN"}, {"user", user_json()}});
    bookings.login("lihua", "Secret-2026");
    server.flush();
    ASSERT_TRUE(bookings.state().user);
    EXPECT_EQ(bookings.state().user->display_name, "李华");
    EXPECT_EQ(server.settings["gongyou.token"], "T0KEN");
    EXPECT_EQ(bookings.state().feedback->code, "signed_in");
  }
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings restored(services);
  server.flush();
  ASSERT_TRUE(restored.state().user);
  EXPECT_EQ(server.last("GET", "/api/v1/me")->token, "T0KEN");
}

TEST_F(BookingsTest, WrongPasswordIsAClearRefusalNotASession) {
  Bookings bookings(services);
  server.answer("POST /api/v1/auth/login", 401, {{"error", {{"code", "unauthorized"}, {"message", "wrong"}}}});
  bookings.open_auth(false);
  bookings.login("lihua", "nope");
  server.flush();
  EXPECT_FALSE(bookings.state().user);
  EXPECT_TRUE(bookings.state().auth_open);
  EXPECT_EQ(bookings.state().feedback->code, "login_failed");
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
}

TEST_F(BookingsTest, TwoTapsBookWithAnIdempotencyKeyThatSurvivesARetry) {
  server.settings["gongyou.token"] = "T";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 4)}}});
  bookings.open_site(SiteId{12}, "螺城镇职工之家");
  server.flush();
  ASSERT_EQ(bookings.state().slots.size(), 1u);
  EXPECT_EQ(bookings.state().screen, Screen::slots);

  bookings.choose_slot(501);  // first tap
  ASSERT_NE(bookings.state().chosen(), nullptr);
  server.answer_network_failure("POST /api/v1/bookings");
  bookings.confirm_booking(false);  // second tap, the network drops
  server.flush();
  EXPECT_EQ(bookings.state().feedback->code, "network");
  const std::string first_key = server.last("POST", "/api/v1/bookings")->idempotency_key;
  EXPECT_FALSE(first_key.empty());

  server.answer("POST /api/v1/bookings", 201,
                {{"id", 9}, {"slot_id", 501}, {"site_id", 12}, {"site_name", "螺城镇职工之家"},
                 {"start", "2026-11-25T09:00:00+08:00"}, {"end", "2026-11-25T10:00:00+08:00"}, {"status", "confirmed"}});
  bookings.confirm_booking(false);  // tap again
  server.flush();
  EXPECT_EQ(server.last("POST", "/api/v1/bookings")->idempotency_key, first_key) << "a retry must not book twice";
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["slot_id"], 501);
  EXPECT_EQ(bookings.state().feedback->code, "booked");
  EXPECT_FALSE(bookings.state().chosen_slot);
}

TEST_F(BookingsTest, AStudioVisitKeepsItsGroupWithinTheRulesAndWaitsForApproval) {
  server.settings["gongyou.token"] = "T";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  json visit = slot_json(601, 20);
  visit["min_group"] = 2;
  visit["max_group"] = 10;
  visit["approval_required"] = true;
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {visit}}});
  bookings.open_site(SiteId{12}, "林明辉劳模创新工作室");
  server.flush();
  bookings.choose_slot(601);
  EXPECT_EQ(bookings.state().group_size, 2) << "starts at the smallest group allowed";
  bookings.set_group_size(15);
  EXPECT_EQ(bookings.state().group_size, 10);
  bookings.set_group_size(0);
  EXPECT_EQ(bookings.state().group_size, 2);
  bookings.set_group_size(4);
  server.answer("POST /api/v1/bookings", 201,
                {{"id", 19}, {"slot_id", 601}, {"site_id", 12}, {"start", "2026-11-25T09:00:00+08:00"},
                 {"end", "2026-11-25T11:00:00+08:00"}, {"status", "pending"}, {"group_size", 4}});
  bookings.confirm_booking(false);
  server.flush();
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["group_size"], 4);
  EXPECT_EQ(bookings.state().feedback->code, "visit_pending");
}

TEST_F(BookingsTest, AFullSlotOffersTheWaitlistAndReportsThePosition) {
  server.settings["gongyou.token"] = "T";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  bookings.open_site(SiteId{12}, "x");
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 0)}}});
  server.flush();
  bookings.choose_slot(501);
  server.answer("POST /api/v1/bookings", 409, {{"error", {{"code", "slot_full"}, {"message", "full"}}}});
  bookings.confirm_booking(false);
  server.flush();
  EXPECT_EQ(bookings.state().feedback->code, "slot_full");
  server.answer("POST /api/v1/bookings", 201,
                {{"id", 10}, {"slot_id", 501}, {"start", "2026-11-25T09:00:00+08:00"},
                 {"end", "2026-11-25T10:00:00+08:00"}, {"status", "waitlisted"}, {"waitlist_position", 2}});
  bookings.confirm_booking(true);
  server.flush();
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["waitlist"], true);
  EXPECT_EQ(bookings.state().feedback->code, "waitlisted");
  EXPECT_EQ(bookings.state().feedback->number, 2);
}

TEST_F(BookingsTest, BookingWithoutASessionAsksToSignInFirst) {
  Bookings bookings(services);
  bookings.open_site(SiteId{12}, "x");
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 3)}}});
  server.flush();
  bookings.choose_slot(501);
  EXPECT_TRUE(bookings.state().auth_open);
  bookings.confirm_booking(false);
  EXPECT_EQ(server.last("POST", "/api/v1/bookings"), nullptr);
}

TEST_F(BookingsTest, ARevokedSessionSignsOutAndSaysSo) {
  server.settings["gongyou.token"] = "OLD";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  server.answer("GET /api/v1/me/bookings", 401, {{"error", {{"code", "unauthorized"}, {"message", "expired"}}}});
  bookings.show_screen(Screen::my_bookings);
  server.flush();
  EXPECT_FALSE(bookings.state().user);
  EXPECT_TRUE(server.settings["gongyou.token"].empty());
  EXPECT_EQ(bookings.state().feedback->code, "session_expired");
  EXPECT_TRUE(bookings.state().auth_open);
}

TEST_F(BookingsTest, TooLateToCancelIsExplained) {
  server.settings["gongyou.token"] = "T";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  server.answer("DELETE /api/v1/bookings/9", 409, {{"error", {{"code", "too_late"}, {"message", "late"}}}});
  bookings.cancel_booking(9);
  server.flush();
  EXPECT_EQ(bookings.state().feedback->code, "too_late");
  EXPECT_EQ(bookings.state().feedback->kind, Feedback::Kind::error);
}

TEST_F(BookingsTest, RemindersListConfirmedBookingsWithinTheHour) {
  BookingState state;
  const UtcSeconds now{1'800'000'000};
  Booking soon{1, 1, 1, "a", UtcSeconds{now.value + 1800}, UtcSeconds{now.value + 5400}, BookingStatus::confirmed, 0, 1, "", ""};
  Booking later = soon;
  later.id = 2;
  later.start = UtcSeconds{now.value + 7200};
  Booking waiting = soon;
  waiting.id = 3;
  waiting.status = BookingStatus::waitlisted;
  state.my_bookings = {soon, later, waiting};
  const auto due = state.starting_soon(now);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]->id, 1);
}

TEST_F(BookingsTest, MalformedAnswersAreIgnoredNotCrashed) {
  server.settings["gongyou.token"] = "T";
  server.answer("GET /api/v1/me", 200, user_json());
  Bookings bookings(services);
  server.flush();
  server.script["GET /api/v1/sites/12/slots"].push_back({200, "{\"items\": [ {\"id\": \"x\"}, 5, null, "});
  bookings.open_site(SiteId{12}, "x");
  server.flush();
  EXPECT_TRUE(bookings.state().slots.empty());
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {{{"id", 1}}, slot_json(2, 1), "junk"}}});
  bookings.shift_days(0);
  bookings.refresh();
  server.flush();
  ASSERT_EQ(bookings.state().slots.size(), 1u);
  EXPECT_EQ(bookings.state().slots[0].id, 2);
}

// The staff screen warns from 31 days before the statutory holiday table ends (docs/holidays.md), dates taken
// from the table itself so that adding a year keeps this test true.
TEST_F(BookingsTest, TheStaffScreenSaysWhenTheHolidayTableRunsOut) {
  const int last = china_public_holidays().last_year;
  const auto reach_on = [&](LocalDate today) {
    server.now = to_utc(today, LocalTime{10 * 60});
    Bookings bookings(services);
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T0KEN"}, {"user", user_json(true)}});
    bookings.login("lihua", "Secret-2026");
    server.flush();
    bookings.show_screen(Screen::staff);
    server.flush();
    return bookings.state();
  };
  EXPECT_EQ(reach_on({last, 11, 30}).holiday_table, HolidayTableReach::covers);
  const BookingState soon = reach_on({last, 12, 2});
  EXPECT_EQ(soon.holiday_table, HolidayTableReach::ends_soon);
  EXPECT_EQ(soon.holiday_table_last_year, last);
  EXPECT_EQ(soon.holiday_table_days_left, 29);
  EXPECT_EQ(reach_on({last + 1, 1, 1}).holiday_table, HolidayTableReach::ended);
  EXPECT_EQ(reach_on({last + 5, 6, 2}).holiday_table, HolidayTableReach::ended);
}

}  // namespace
}  // namespace gongyou
