// server/api/bookings_api.cpp — see bookings_api.h.
#include "server/api/bookings_api.h"

#include "core/booking_rules.h"
#include "core/ics.h"
#include "server/api/auth.h"
#include "server/api/booking_json.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/bookings/housekeeper.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;
using nlohmann::json;

/// The answer of a booking request as status and JSON text, so that it can be stored and replayed.
StoredResponse book_answer(const BookOutcome& outcome) {
  switch (outcome.result) {
    case BookResult::booked:
      return {201, booking_json(*outcome.booking).dump(-1, ' ', false, json::error_handler_t::replace)};
    case BookResult::slot_not_found:
      return error_answer(404, "not_found", "没有这个时段 / no such slot");
    case BookResult::slot_closed:
      return error_answer(409, "slot_closed", "该时段已开始或已结束 / this slot has started or ended");
    case BookResult::slot_full:
      return error_answer(409, "slot_full", "该时段已约满 / this slot is full");
    case BookResult::already_holds:
      return error_answer(409, "conflict", "您已预约或候补了该时段 / you already hold or wait for this slot");
    case BookResult::limit_reached:
      return error_answer(409, "booking_limit", "进行中的预约已达上限 / you hold the most active bookings allowed");
    case BookResult::bad_group_size:
      return error_answer(400, "group_size_out_of_range",
                          "参观人数超出该时段允许的范围 / group_size is outside this slot's min_group..max_group");
  }
  return error_answer(500, "internal_error", "internal server error");
}

void create_booking(const ApiServices& services, const Request& req, Response& res) {
  const User user = require_user(services, req);
  const JsonBody body(req);
  BookRequest request{user.id, SlotId{body.integer("slot_id", 1, kMaxJsonId)}, body.flag("waitlist", false),
                      services.booking_limit, services.clock.now()};
  request.places = static_cast<int>(body.optional_integer("group_size", 1, 500).value_or(1));
  send_idempotent(services, req, res, user.id, body, request.now,
                  [&] { return book_answer(services.store.book(request)); });
}

/// The booking `segment` names, when the caller owns it or is an admin; 404 otherwise.
Booking visible_booking(const ApiServices& services, const User& user, std::string_view segment) {
  const BookingId id{path_id(segment, "booking")};
  auto booking = services.store.find_booking(id);
  if (!booking || (booking->user != user.id && user.role != Role::admin))
    throw http::not_found("no booking with id " + std::to_string(id.value));
  return *booking;
}

BookingScope scope_of(const Request& req) {
  const auto scope = http::QueryParams(req).text("scope");
  if (!scope || *scope == "all") return BookingScope::all;
  if (*scope == "upcoming") return BookingScope::upcoming;
  if (*scope == "past") return BookingScope::past;
  throw http::bad_request("scope must be upcoming, past or all");
}

void my_bookings(const ApiServices& services, const Request& req, Response& res) {
  const User user = require_user(services, req);
  const BookingScope scope = scope_of(req);
  const UtcSeconds now = services.clock.now();
  services.store.release_no_shows(now);
  json items = json::array();
  for (const Booking& booking : services.store.user_bookings(user.id, scope, now))
    items.push_back(booking_json(booking));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_booking(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  services.store.release_no_shows(services.clock.now());
  http::send_json(res, booking_json(visible_booking(services, user, params.at(0))));
}

void cancel_booking(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  // No read before the write: the store's cancellation itself answers not_found for another user's booking.
  const BookingId id{path_id(params.at(0), "booking")};
  const ChangeOutcome outcome =
      services.store.cancel_booking(CancelRequest{id, user.id, user.role == Role::admin, services.clock.now()});
  switch (outcome.result) {
    case ChangeResult::done:
      return http::send_json(res, booking_json(*outcome.booking));
    case ChangeResult::not_found:
      throw http::not_found("no booking with id " + std::to_string(id.value));
    case ChangeResult::too_late:
      throw http::ApiError(409, "too_late",
                           "开始前 60 分钟内不能取消 / too late: cancel at least 60 minutes before the start");
    case ChangeResult::wrong_status:
      throw http::ApiError(409, "conflict",
                           "这个预约已是" + std::string(wire_name(outcome.booking->status)) + "，不能取消 / a " +
                               std::string(wire_name(outcome.booking->status)) + " booking cannot be cancelled");
  }
}

void door_pass(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  services.store.release_no_shows(services.clock.now());
  const Booking booking = visible_booking(services, user, params.at(0));
  // A refusal says why, in the words of the door's own refusals (POST /doors/{site}/open), so that a stale list on
  // another device can tell its user what happened.
  switch (booking.status) {
    case BookingStatus::confirmed: break;
    case BookingStatus::cancelled:
    case BookingStatus::no_show:
    case BookingStatus::denied:
      throw http::ApiError(409, "booking_cancelled", "这个预约已取消，没有门禁码 / the booking was cancelled: no door pass");
    case BookingStatus::checked_in:
      throw http::ApiError(409, "already_used", "已签到，门禁码已用过 / already checked in: the pass was used");
    case BookingStatus::waitlisted:
    case BookingStatus::pending:
      throw http::ApiError(409, "not_confirmed",
                           "预约确认后才有门禁码 / a door pass comes once the booking is confirmed");
  }
  const PassWindow window = pass_window(booking.start, booking.end);
  if (services.clock.now() >= window.valid_until)
    throw http::ApiError(409, "pass_expired", "这个预约已结束，门禁码已失效 / the booking has ended: the pass expired");
  const PassClaims claims{booking.id, booking.site, window.valid_from, window.valid_until};
  http::send_json(res, {{"token", services.door_passes.issue(claims)},
                        {"booking_id", booking.id.value},
                        {"site_id", booking.site.value},
                        {"valid_from", format_iso8601(window.valid_from)},
                        {"valid_until", format_iso8601(window.valid_until)}});
}

void calendar_file(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  const Booking booking = visible_booking(services, user, params.at(0));
  const CalendarEvent event{"booking-" + std::to_string(booking.id.value) + "@gongyou",
                            services.clock.now(),
                            booking.start,
                            booking.end,
                            booking.site_name,
                            booking.site_address,
                            "工友 时段预约 #" + std::to_string(booking.id.value) + " / Gongyou booking"};
  res.set_header("Content-Disposition",
                 "attachment; filename=\"gongyou-booking-" + std::to_string(booking.id.value) + ".ics\"");
  http::send_text(res, to_ics(event), "text/calendar; charset=utf-8");
}

void my_notifications(const ApiServices& services, const Request& req, Response& res) {
  const User user = require_user(services, req);
  json items = json::array();
  for (const Notification& notification : services.store.notifications(user.id))
    items.push_back(notification_json(notification));
  http::send_json(res, {{"items", std::move(items)}});
}

}  // namespace

void add_booking_routes(http::Router& router, const ApiServices& services) {
  router.add("POST", "/api/v1/bookings",
             [&services](const Request& req, Response& res, const PathParams&) { create_booking(services, req, res); });
  router.get("/api/v1/me/bookings",
             [&services](const Request& req, Response& res, const PathParams&) { my_bookings(services, req, res); });
  router.get("/api/v1/me/notifications", [&services](const Request& req, Response& res, const PathParams&) {
    my_notifications(services, req, res);
  });
  router.add("POST", "/api/v1/me/notifications/read",
             [&services](const Request& req, Response& res, const PathParams&) {
               services.store.mark_notifications_read(require_user(services, req).id);
               http::send_json(res, {{"status", "ok"}});
             });
  router.get("/api/v1/bookings/{id}", [&services](const Request& req, Response& res, const PathParams& params) {
    one_booking(services, req, res, params);
  });
  router.add("DELETE", "/api/v1/bookings/{id}",
             [&services](const Request& req, Response& res, const PathParams& params) {
               cancel_booking(services, req, res, params);
             });
  router.get("/api/v1/bookings/{id}/pass", [&services](const Request& req, Response& res, const PathParams& params) {
    door_pass(services, req, res, params);
  });
  router.get("/api/v1/bookings/{id}/calendar.ics",
             [&services](const Request& req, Response& res, const PathParams& params) {
               calendar_file(services, req, res, params);
             });
}

}  // namespace gongyou::server::api
