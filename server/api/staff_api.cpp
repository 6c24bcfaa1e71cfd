// server/api/staff_api.cpp — see staff_api.h. Every schedule change is followed by the slot keeper's
// refresh of that site, so the slots match before the answer is sent.
#include "server/api/staff_api.h"

#include "core/opening_hours.h"
#include "server/accounts/account_rules.h"
#include "server/api/auth.h"
#include "server/api/booking_json.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/roster_csv.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;
using nlohmann::json;

constexpr std::size_t kMaxNoteCharacters = 200;
constexpr int kMaxCapacity = 500;

/// The site of the path (404 when unknown).
Site site_of(const ApiServices& services, std::string_view segment) {
  const SiteId id{path_id(segment, "site")};
  auto site = services.store.find_site(id);
  if (!site) throw http::not_found("no site with id " + std::to_string(id.value));
  return *site;
}

void require_bookable(const Site& site) {
  if (!site.bookable) throw http::ApiError(409, "conflict", "这个站点不可预约 / this site is not bookable");
}

LocalTime time_field(const JsonBody& body, const char* name) {
  const auto time = parse_time(body.text(name, 5));
  if (!time) throw http::bad_request(std::string(name) + " must be a time HH:MM");
  return *time;
}

/// A template must lie within the site's opening hours on every day it opens (when the hours can be read): slots
/// offered while the site says it is closed would send workers to a shut door (issue 14.6).
void require_within_hours(const Site& site, const WeeklyTemplate& weekly) {
  const auto parsed = parse_opening_hours(site.hours);
  const auto* schedule = std::get_if<OpeningSchedule>(&parsed);
  if (!schedule) return;  // hours nobody can read constrain nothing
  static constexpr const char* kDays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static constexpr const char* kDaysEn[] = {"", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  for (int d = 1; d <= 7; ++d) {
    if (!weekly.weekdays.test(static_cast<std::size_t>(d)) || open_throughout(*schedule, d, weekly.open, weekly.close))
      continue;
    throw http::bad_request(std::string(kDays[d]) + " " + format_time(weekly.open) + "–" + format_time(weekly.close) +
                            " 超出了开放时间（" + site.hours + "），请按开放时间设置 / " + kDaysEn[d] + " " +
                            format_time(weekly.open) + "-" + format_time(weekly.close) +
                            " lies outside the opening hours (" + site.hours + ")");
  }
}

WeeklyTemplate parse_template(const JsonBody& body) {
  WeeklyTemplate weekly;
  const json* weekdays = body.field("weekdays");
  if (!weekdays || !weekdays->is_array()) throw http::bad_request("weekdays must be an array of ISO weekdays 1–7");
  for (const json& day : *weekdays) {
    if (!day.is_number_integer() || day.get<std::int64_t>() < 1 || day.get<std::int64_t>() > 7)
      throw http::bad_request("weekdays must be an array of ISO weekdays 1–7 (Monday = 1)");
    weekly.weekdays.set(static_cast<std::size_t>(day.get<std::int64_t>()));
  }
  weekly.open = time_field(body, "open");
  weekly.close = time_field(body, "close");
  weekly.slot_minutes = static_cast<int>(body.integer("slot_minutes", 1, 24 * 60));
  weekly.capacity = static_cast<int>(body.integer("capacity", 1, 100000));
  if (auto problem = validate(weekly)) throw http::bad_request(*problem);
  return weekly;
}

DayException parse_exception(const JsonBody& body, LocalDate date) {
  DayException exception;
  exception.date = date;
  const std::string kind = body.text("kind", 10);
  if (kind != "closed" && kind != "event") throw http::bad_request("kind must be closed or event");
  exception.note = body.optional_text("note", kMaxNoteCharacters * 4).value_or("");
  if (utf8_length(exception.note) > kMaxNoteCharacters) throw http::bad_request("note is longer than 200 characters");
  if (kind == "closed") return exception;
  exception.kind = DayException::Kind::event;
  exception.open = time_field(body, "open");
  exception.close = time_field(body, "close");
  exception.capacity = static_cast<int>(body.integer("capacity", 1, kMaxCapacity));
  if (exception.open >= exception.close) throw http::bad_request("open must be before close");
  return exception;
}

void get_template(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const auto weekly = services.store.site_schedule(site.id).weekly;
  if (!weekly) throw http::not_found("site " + std::to_string(site.id.value) + " has no weekly template");
  http::send_json(res, template_json(*weekly));
}

void put_template(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const WeeklyTemplate weekly = parse_template(JsonBody(req));
  require_bookable(site);
  require_within_hours(site, weekly);
  services.store.set_weekly_template(site.id, weekly);
  services.keeper.refresh_site(site.id);
  http::send_json(res, template_json(weekly));
}

void get_exceptions(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  json items = json::array();
  for (const DayException& exception : services.store.site_schedule(site.id).exceptions)
    items.push_back(exception_json(exception));
  http::send_json(res, {{"items", std::move(items)}});
}

void put_exception(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User staff = require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const DayException exception = parse_exception(JsonBody(req), date_value(params.at(1), "the date"));
  require_bookable(site);
  services.store.put_day_exception(site.id, exception);
  if (exception.kind == DayException::Kind::closed) {
    const UtcSeconds now = services.clock.now();
    const UtcSeconds day_start = to_utc(exception.date, LocalTime{0});
    services.store.cancel_site_bookings(site.id, std::max(day_start, now),
                                        to_utc(add_days(exception.date, 1), LocalTime{0}), staff.id, now);
  }
  services.keeper.refresh_site(site.id);
  http::send_json(res, exception_json(exception));
}

void delete_exception(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const LocalDate date = date_value(params.at(1), "the date");
  if (!services.store.delete_day_exception(site.id, date))
    throw http::not_found("site " + std::to_string(site.id.value) + " has no exception on " + format_date(date));
  services.keeper.refresh_site(site.id);
  http::send_json(res, {{"status", "ok"}});
}

/// One site's slots of one day with their bookings.
struct RosterDay {
  SiteId site;
  LocalDate date;
  std::vector<RosterSlot> slots;
};

/// The roster of the date in ?date= (default today) of the path's site.
RosterDay roster_of(const ApiServices& services, const Request& req, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const UtcSeconds now = services.clock.now();
  const auto date_text = http::QueryParams(req).text("date");
  const LocalDate date = date_text ? date_value(*date_text, "date") : shanghai_date(now);
  services.store.release_no_shows(now);
  std::vector<RosterSlot> roster;
  for (const SlotView& view : services.store.list_slots(site.id, to_utc(date, LocalTime{0}),
                                                        to_utc(add_days(date, 1), LocalTime{0}), std::nullopt))
    roster.push_back(RosterSlot{view.slot, services.store.slot_bookings(view.slot.id)});
  return {site.id, date, std::move(roster)};
}

void roster(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const RosterDay day = roster_of(services, req, params);
  json items = json::array();
  for (const RosterSlot& slot : day.slots) {
    json item = slot_json(slot.slot);
    item["bookings"] = json::array();
    for (const Booking& booking : slot.bookings) item["bookings"].push_back(booking_json(booking));
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"date", format_date(day.date)}, {"site_id", day.site.value}, {"slots", std::move(items)}});
}

void roster_file(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const RosterDay day = roster_of(services, req, params);
  res.set_header("Content-Disposition", "attachment; filename=\"roster-" + std::to_string(day.site.value) + "-" +
                                            format_date(day.date) + ".csv\"");
  http::send_text(res, roster_csv(day.slots), "text/csv; charset=utf-8");
}

void desk_check_in(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const BookingId id{path_id(params.at(0), "booking")};
  const UtcSeconds now = services.clock.now();
  // At the desk as at the door: from 15 minutes before the slot to its end (issue 14.7: a tap checked someone in a
  // day early). The store's own check-in stays the one conditional update; this is the time rule around it.
  if (const auto booking = services.store.find_booking(id); booking && booking->status == BookingStatus::confirmed) {
    const PassWindow window = pass_window(booking->start, booking->end);
    if (now < window.valid_from || now >= window.valid_until)
      throw http::ApiError(409, "not_now",
                           "签到时间为" + format_time(shanghai_time(window.valid_from)) + "至" +
                               format_time(shanghai_time(window.valid_until)) + "（" + format_date(shanghai_date(booking->start)) +
                               "） / check-in is open from " + format_iso8601(window.valid_from) + " to " +
                               format_iso8601(window.valid_until));
  }
  const ChangeOutcome outcome = services.store.check_in(id, now);
  if (outcome.result == ChangeResult::not_found)
    throw http::not_found("no booking with id " + std::to_string(id.value));
  if (outcome.result != ChangeResult::done)
    throw http::ApiError(409, "conflict",
                         "只有已确认的预约才能签到 / only a confirmed booking can be checked in (this one is " +
                             std::string(wire_name(outcome.booking->status)) + ")");
  http::send_json(res, booking_json(*outcome.booking));
}

}  // namespace

void add_staff_routes(http::Router& router, const ApiServices& services) {
  const auto route = [&router, &services](const char* method, const char* pattern, auto handler) {
    router.add(method, pattern, [&services, handler](const Request& req, Response& res, const PathParams& params) {
      handler(services, req, res, params);
    });
  };
  route("GET", "/api/v1/admin/sites/{id}/template", get_template);
  route("PUT", "/api/v1/admin/sites/{id}/template", put_template);
  route("GET", "/api/v1/admin/sites/{id}/exceptions", get_exceptions);
  route("PUT", "/api/v1/admin/sites/{id}/exceptions/{date}", put_exception);
  route("DELETE", "/api/v1/admin/sites/{id}/exceptions/{date}", delete_exception);
  route("GET", "/api/v1/admin/sites/{id}/roster", roster);
  route("GET", "/api/v1/admin/sites/{id}/roster.csv", roster_file);
  route("POST", "/api/v1/admin/bookings/{id}/check-in", desk_check_in);
}

}  // namespace gongyou::server::api
