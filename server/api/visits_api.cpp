// server/api/visits_api.cpp — see visits_api.h.
#include "server/api/visits_api.h"

#include "server/api/auth.h"
#include "server/api/booking_json.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;
using nlohmann::json;

constexpr int kMaxGroup = 500;

json rules_json(const VisitRules& rules) {
  return {
      {"min_group", rules.min_group}, {"max_group", rules.max_group}, {"approval_required", rules.approval_required}};
}

Site site_of(const ApiServices& services, std::string_view segment) {
  const SiteId id{path_id(segment, "site")};
  auto site = services.store.find_site(id);
  if (!site) throw http::not_found("no site with id " + std::to_string(id.value));
  return *site;
}

void get_rules(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const auto rules = services.store.visit_rules(site.id);
  if (!rules) throw http::not_found("site " + std::to_string(site.id.value) + " has no visit rules");
  http::send_json(res, rules_json(*rules));
}

void put_rules(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const Site site = site_of(services, params.at(0));
  const JsonBody body(req);
  VisitRules rules;
  rules.min_group = static_cast<int>(body.integer("min_group", 1, kMaxGroup));
  rules.max_group = static_cast<int>(body.integer("max_group", 1, kMaxGroup));
  const json* approval = body.field("approval_required");
  if (!approval || !approval->is_boolean()) throw http::bad_request("approval_required must be true or false");
  rules.approval_required = approval->get<bool>();
  if (rules.min_group > rules.max_group) throw http::bad_request("min_group must not exceed max_group");
  if (!site.bookable) throw http::ApiError(409, "conflict", "这个站点不可预约 / this site is not bookable");
  services.store.set_visit_rules(site.id, rules);
  http::send_json(res, rules_json(rules));
}

void decide(const ApiServices& services, const Request& req, Response& res, const PathParams& params, bool approve) {
  require_admin(services, req);
  const BookingId id{path_id(params.at(0), "booking")};
  ApprovalRequest request{id, approve, "", services.clock.now()};
  if (!approve) {
    const JsonBody body(req);
    request.reason = checked_text(body, "reason", 1, 500, true);
  }
  const ChangeOutcome outcome = services.store.decide_booking(request);
  if (outcome.result == ChangeResult::not_found)
    throw http::not_found("no booking with id " + std::to_string(id.value));
  if (outcome.result != ChangeResult::done)
    throw http::ApiError(409, "conflict",
                         "只有待审核的预约才能审批 / only a pending booking can be approved or denied (this one is " +
                             std::string(wire_name(outcome.booking->status)) + ")");
  http::send_json(res, booking_json(*outcome.booking));
}

}  // namespace

void add_visit_routes(http::Router& router, const ApiServices& services) {
  router.get("/api/v1/admin/sites/{id}/visit-rules",
             [&services](const Request& req, Response& res, const PathParams& p) { get_rules(services, req, res, p); });
  router.add("PUT", "/api/v1/admin/sites/{id}/visit-rules",
             [&services](const Request& req, Response& res, const PathParams& p) { put_rules(services, req, res, p); });
  router.add(
      "POST", "/api/v1/admin/bookings/{id}/approve",
      [&services](const Request& req, Response& res, const PathParams& p) { decide(services, req, res, p, true); });
  router.add(
      "POST", "/api/v1/admin/bookings/{id}/deny",
      [&services](const Request& req, Response& res, const PathParams& p) { decide(services, req, res, p, false); });
}

}  // namespace gongyou::server::api
