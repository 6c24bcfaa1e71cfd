// tests/app/bookings_test.cpp — booking and the staff desk without a browser: a scripted server answers each
// request; the tests check what is asked of the API and what the user is told.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/bookings/bookings.h"
#include "app/bookings/staff_desk.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(bool admin = false, std::int64_t id = 7) {
  return {{"id", id}, {"username", "lihua"}, {"display_name", "李华"}, {"role", admin ? "admin" : "worker"}};
}

json slot_json(std::int64_t id, int remaining) {
  return {{"id", id}, {"site_id", 12}, {"start", "2026-11-25T09:00:00+08:00"}, {"end", "2026-11-25T10:00:00+08:00"},
          {"capacity", 12}, {"booked", 12 - remaining}, {"remaining", remaining}, {"waitlist", 0}};
}

json booking_json(std::int64_t id, std::int64_t slot, const char* status) {
  return {{"id", id},
          {"slot_id", slot},
          {"site_id", 12},
          {"site_name", "螺城镇职工之家"},
          {"start", "2026-11-25T09:00:00+08:00"},
          {"end", "2026-11-25T10:00:00+08:00"},
          {"status", status}};
}

class BookingsTest : public ::testing::Test, protected SessionHarness {
 protected:
  Bookings bookings{session, clock()};
  void SetUp() override { session.on_change([this] { bookings.session_changed(); }); }
  void sign_in(bool admin = false, std::int64_t id = 7) {
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(admin, id)}});
    session.login("lihua", "Secret-2026");
    server.flush();
  }
};

TEST_F(BookingsTest, TwoTapsBookWithAnIdempotencyKeyThatSurvivesARetry) {
  sign_in();
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 4)}}});
  bookings.open_site(SiteId{12}, "螺城镇职工之家");
  server.flush();
  ASSERT_EQ(bookings.state().slots.size(), 1u);

  bookings.apply(ChooseSlot{SlotId{501}});  // first tap
  ASSERT_NE(bookings.state().chosen(), nullptr);
  server.answer_network_failure("POST /api/v1/bookings");
  bookings.apply(ConfirmBooking{false});  // second tap, the network drops
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "network");
  const std::string first_key = server.last("POST", "/api/v1/bookings")->idempotency_key;
  EXPECT_FALSE(first_key.empty());

  server.answer("POST /api/v1/bookings", 201, booking_json(9, 501, "confirmed"));
  bookings.apply(ConfirmBooking{false});  // tap again
  server.flush();
  EXPECT_EQ(server.last("POST", "/api/v1/bookings")->idempotency_key, first_key) << "a retry must not book twice";
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["slot_id"], 501);
  EXPECT_EQ(session.state().feedback->code, "booked");
  EXPECT_FALSE(bookings.state().chosen_slot);
}

TEST_F(BookingsTest, AStudioVisitKeepsItsGroupWithinTheRulesAndWaitsForApproval) {
  sign_in();
  json visit = slot_json(601, 20);
  visit["min_group"] = 2;
  visit["max_group"] = 10;
  visit["approval_required"] = true;
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {visit}}});
  bookings.open_site(SiteId{12}, "林明辉劳模创新工作室");
  server.flush();
  bookings.apply(ChooseSlot{SlotId{601}});
  EXPECT_EQ(bookings.state().group_size, 2) << "starts at the smallest group allowed";
  bookings.apply(SetGroupSize{15});
  EXPECT_EQ(bookings.state().group_size, 10);
  bookings.apply(SetGroupSize{0});
  EXPECT_EQ(bookings.state().group_size, 2);
  bookings.apply(SetGroupSize{4});
  json pending = booking_json(19, 601, "pending");
  pending["group_size"] = 4;
  server.answer("POST /api/v1/bookings", 201, pending);
  bookings.apply(ConfirmBooking{false});
  server.flush();
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["group_size"], 4);
  EXPECT_EQ(session.state().feedback->code, "visit_pending");
}

TEST_F(BookingsTest, AFullSlotOffersTheWaitlistAndReportsThePosition) {
  sign_in();
  bookings.open_site(SiteId{12}, "x");
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 0)}}});
  server.flush();
  bookings.apply(ChooseSlot{SlotId{501}});
  server.answer("POST /api/v1/bookings", 409, {{"error", {{"code", "slot_full"}, {"message", "full"}}}});
  bookings.apply(ConfirmBooking{false});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "slot_full");
  json waiting = booking_json(10, 501, "waitlisted");
  waiting["waitlist_position"] = 2;
  server.answer("POST /api/v1/bookings", 201, waiting);
  bookings.apply(ConfirmBooking{true});
  server.flush();
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/bookings")->body)["waitlist"], true);
  EXPECT_EQ(session.state().feedback->code, "waitlisted");
  EXPECT_EQ(session.state().feedback->number, 2);
}

TEST_F(BookingsTest, BookingWithoutASessionAsksToSignInFirstAndKeepsTheChoice) {
  bookings.open_site(SiteId{12}, "x");
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {slot_json(501, 3)}}});
  server.flush();
  bookings.apply(ChooseSlot{SlotId{501}});
  EXPECT_TRUE(session.state().auth_open);
  bookings.apply(ConfirmBooking{false});
  EXPECT_EQ(server.last("POST", "/api/v1/bookings"), nullptr);
  sign_in();
  ASSERT_TRUE(bookings.state().chosen_slot) << "the slot chosen before signing in is still chosen";
  EXPECT_EQ(*bookings.state().chosen_slot, SlotId{501});
  session.logout();
  EXPECT_FALSE(bookings.state().chosen_slot) << "a signed-out phone keeps nobody's choice";
}

TEST_F(BookingsTest, TooLateToCancelIsExplained) {
  sign_in();
  server.answer("DELETE /api/v1/bookings/9", 409, {{"error", {{"code", "too_late"}, {"message", "late"}}}});
  bookings.apply(CancelBooking{BookingId{9}});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "too_late");
  EXPECT_EQ(session.state().feedback->kind, Feedback::Kind::error);
}

// Issue 14 (3): cancelled on the desktop, then 门禁码 on the phone said "you already booked this slot" while the list
// still said confirmed. The refusal says why, and the list is asked again.
TEST_F(BookingsTest, ARefusedPassSaysWhyAndRefreshesTheList) {
  sign_in();
  server.answer("GET /api/v1/me/bookings", 200, {{"items", {booking_json(9, 501, "confirmed")}}});
  bookings.load_my_bookings();
  server.flush();
  server.answer("GET /api/v1/bookings/9/pass", 409, {{"error", {{"code", "booking_cancelled"}, {"message", "取消"}}}});
  server.answer("GET /api/v1/me/bookings", 200, {{"items", {booking_json(9, 501, "cancelled")}}});
  bookings.apply(ShowPass{BookingId{9}});
  server.flush();
  EXPECT_FALSE(bookings.state().pass);
  EXPECT_EQ(session.state().feedback->code, "booking_cancelled");
  ASSERT_EQ(bookings.state().my_bookings.size(), 1u);
  EXPECT_EQ(bookings.state().my_bookings[0].status, BookingStatus::cancelled) << "the list shows it as it is now";
}

TEST_F(BookingsTest, RemindersListConfirmedBookingsWithinTheHour) {
  BookingState state;
  const UtcSeconds now{1'800'000'000};
  Booking soon{BookingId{1}, SlotId{1}, SiteId{1}, "a", UtcSeconds{now.value + 1800}, UtcSeconds{now.value + 5400},
               BookingStatus::confirmed, 0, 1, "", ""};
  Booking later = soon;
  later.id = BookingId{2};
  later.start = UtcSeconds{now.value + 7200};
  Booking waiting = soon;
  waiting.id = BookingId{3};
  waiting.status = BookingStatus::waitlisted;
  state.my_bookings = {soon, later, waiting};
  const auto due = state.starting_soon(now);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]->id, BookingId{1});
  ASSERT_NE(state.next_booking(now), nullptr);
  EXPECT_EQ(state.next_booking(now)->id, BookingId{1});
}

TEST_F(BookingsTest, MalformedAnswersAreIgnoredNotCrashed) {
  sign_in();
  server.script["GET /api/v1/sites/12/slots"].push_back({200, "{\"items\": [ {\"id\": \"x\"}, 5, null, "});
  bookings.open_site(SiteId{12}, "x");
  server.flush();
  EXPECT_TRUE(bookings.state().slots.empty());
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {{{"id", 1}}, slot_json(2, 1), "junk"}}});
  bookings.load_slots();
  server.flush();
  ASSERT_EQ(bookings.state().slots.size(), 1u);
  EXPECT_EQ(bookings.state().slots[0].id, SlotId{2});
  // A booking with a status this app does not know is skipped, not shown as something it is not.
  server.answer("GET /api/v1/me/bookings", 200,
                {{"items", {booking_json(1, 2, "teleported"), booking_json(2, 2, "confirmed")}}});
  bookings.load_my_bookings();
  server.flush();
  ASSERT_EQ(bookings.state().my_bookings.size(), 1u);
  EXPECT_EQ(bookings.state().my_bookings[0].id, BookingId{2});
}

TEST_F(BookingsTest, SigningOutForgetsTheBookingsPassesAndMarksOfTheLastUser) {
  sign_in(false, 7);
  server.answer("GET /api/v1/me/bookings", 200, {{"items", {booking_json(9, 501, "confirmed")}}});
  json mine = slot_json(501, 3);
  mine["my_booking"] = {{"id", 9}, {"status", "confirmed"}};
  server.answer("GET /api/v1/sites/12/slots", 200, {{"items", {mine}}});
  bookings.open_site(SiteId{12}, "x");
  bookings.load_my_bookings();
  server.flush();
  ASSERT_EQ(bookings.state().my_bookings.size(), 1u);
  ASSERT_TRUE(bookings.state().slots[0].my_status);

  session.logout();
  EXPECT_TRUE(bookings.state().my_bookings.empty());
  EXPECT_FALSE(bookings.state().pass);
  EXPECT_FALSE(bookings.state().slots[0].my_status) << "the grid no longer shows the last user's booking";
  server.flush();

  // Someone else signs in; an answer asked for as the first user, arriving late, is not shown to them.
  server.hold_next("GET /api/v1/me/bookings");
  server.answer("GET /api/v1/me/bookings", 200, {{"items", {booking_json(9, 501, "confirmed")}}});
  sign_in(false, 7);  // loads user 7's bookings: that answer is held back
  session.logout();
  sign_in(false, 8);
  server.release();
  for (const Booking& b : bookings.state().my_bookings) EXPECT_NE(b.id, BookingId{9}) << "user 7's booking shown to 8";
}

// The staff screen warns from 31 days before the statutory holiday table ends (docs/holidays.md), dates taken
// from the table itself so that adding a year keeps this test true.
TEST(StaffDeskTest, TheStaffScreenSaysWhenTheHolidayTableRunsOut) {
  const int last = china_public_holidays().last_year;
  const auto reach_on = [&](LocalDate today) {
    SessionHarness h;
    h.server.now = to_utc(today, LocalTime{10 * 60});
    StaffDesk desk(h.session, h.clock());
    h.server.answer("POST /api/v1/auth/login", 200, {{"token", "T"}, {"user", user_json(true)}});
    h.session.login("lihua", "Secret-2026");
    h.server.flush();
    desk.load();
    h.server.flush();
    return desk.state();
  };
  EXPECT_EQ(reach_on({last, 11, 30}).holiday_table, HolidayTableReach::covers);
  const StaffDeskState soon = reach_on({last, 12, 2});
  EXPECT_EQ(soon.holiday_table, HolidayTableReach::ends_soon);
  EXPECT_EQ(soon.holiday_table_last_year, last);
  EXPECT_EQ(soon.holiday_table_days_left, 29);
  EXPECT_EQ(reach_on({last + 1, 1, 1}).holiday_table, HolidayTableReach::ended);
  EXPECT_EQ(reach_on({last + 5, 6, 2}).holiday_table, HolidayTableReach::ended);
}

TEST(StaffDeskTest, OnlyStaffLoadTheRosterAndChecksInAreSaidAndReloaded) {
  SessionHarness h;
  StaffDesk desk(h.session, h.clock());
  desk.open_site(SiteId{12}, "螺城镇职工之家");
  h.server.flush();
  EXPECT_EQ(h.server.last("GET", "/api/v1/admin/sites/12/roster"), nullptr) << "nobody signed in: nothing asked";
  h.server.answer("POST /api/v1/auth/login", 200, {{"token", "S"}, {"user", user_json(true)}});
  h.session.login("staff", "x");
  h.server.flush();
  desk.load();
  h.server.flush();
  ASSERT_NE(h.server.last("GET", "/api/v1/admin/sites/12/roster"), nullptr);
  EXPECT_NE(h.server.last("GET", "/api/v1/admin/sites/12/roster")->url.find("date=2026-11-24"), std::string::npos);
  h.server.answer("POST /api/v1/admin/bookings/9/check-in", 200, booking_json(9, 501, "checked_in"));
  desk.apply(CheckIn{BookingId{9}});
  h.server.flush();
  EXPECT_EQ(h.session.state().feedback->code, "checked_in");
}

}  // namespace
}  // namespace gongyou
