// server/api/lectures_api.cpp — see lectures_api.h.
#include "server/api/lectures_api.h"

#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/course_json.h"
#include "server/api/idempotent.h"
#include "server/api/lecture_input.h"
#include "server/api/path_ids.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;
using nlohmann::json;

/// A request farther than this from every site belongs to no town.
constexpr double kTownRadiusMetres = 10000;

std::string town_at(const SiteDirectory& directory, LatLon position) {
  const auto nearest = directory.current()->nearest(position, 1, std::nullopt, {});
  if (nearest.empty() || nearest.front().distance.value > kTownRadiusMetres) return "";
  return nearest.front().site->town;
}

void create(const ApiServices& services, const SiteDirectory& directory, const Request& req, Response& res) {
  const User user = require_user(services, req);
  const JsonBody body(req);
  const UtcSeconds now = services.clock.now();
  NewLectureRequest request = parse_lecture_request(body, now);
  if (request.course && !services.store.find_course(*request.course, std::nullopt))
    throw http::bad_request("no course with id " + std::to_string(request.course->value));
  request.requester = user.id;
  request.town = town_at(directory, request.position);
  send_idempotent(services, req, res, user.id, body, now, [&] {
    return StoredResponse{201, lecture_json(services.store.create_lecture_request(request))
                                   .dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

json items_json(const std::vector<LectureRequest>& requests) {
  json items = json::array();
  for (const LectureRequest& request : requests) items.push_back(lecture_json(request));
  return items;
}

void mine(const ApiServices& services, const Request& req, Response& res) {
  const User user = require_user(services, req);
  http::send_json(res, {{"items", items_json(services.store.user_lecture_requests(user.id, services.clock.now()))}});
}

void one(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  const auto id = path_id<LectureRequestId>(params.at(0), "lecture request");
  const auto request = services.store.find_lecture_request(id, services.clock.now());
  if (!request || (request->requester != user.id && user.role != Role::admin))
    throw http::not_found("no lecture request with id " + std::to_string(id.value));
  http::send_json(res, lecture_json(*request));
}

void staff_list(const ApiServices& services, const Request& req, Response& res) {
  require_admin(services, req);
  const http::QueryParams params(req);
  LectureQuery query;
  if (const auto status = params.text("status")) {
    query.status = parse_lecture_status(*status);
    if (!query.status) throw http::bad_request("status must be pending, accepted, scheduled, delivered or declined");
  }
  query.town = params.text("town");
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, 100).value_or(50));
  if (const auto cursor = params.text("cursor")) {
    const auto before = http::parse_integer(*cursor);
    if (!before || *before < 1) throw http::bad_request("cursor is not a cursor of this listing");
    query.before_id = *before;
  }
  bool has_more = false;
  const auto items = services.store.list_lecture_requests(query, services.clock.now(), has_more);
  http::send_json(res, {{"items", items_json(items)},
                        {"next_cursor", has_more ? json(std::to_string(items.back().id.value)) : json(nullptr)}});
}

void decide(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  require_admin(services, req);
  const auto id = path_id<LectureRequestId>(params.at(0), "lecture request");
  const JsonBody body(req);
  const DecisionOutcome outcome =
      services.store.decide_lecture_request(parse_lecture_decision(body, id, services.clock.now()));
  switch (outcome.result) {
    case DecisionResult::done:
      return http::send_json(res, lecture_json(*outcome.request));
    case DecisionResult::not_found:
      throw http::not_found("no lecture request with id " + std::to_string(id.value));
    case DecisionResult::wrong_status:
      throw http::ApiError(409, "conflict",
                           "这个申请已是" + std::string(wire_name(outcome.request->status)) +
                               "，不能这样处理 / not allowed for a " +
                               std::string(wire_name(outcome.request->status)) + " request");
  }
}

json counts_json(const TownLectureCounts& row) {
  return {{"town", row.town},         {"requests", row.requests},   {"pending", row.pending},
          {"accepted", row.accepted}, {"scheduled", row.scheduled}, {"delivered", row.delivered},
          {"declined", row.declined}};
}

void dashboard(const ApiServices& services, const Request& req, Response& res) {
  require_admin(services, req);
  TownLectureCounts total;
  json towns = json::array();
  for (const TownLectureCounts& row : services.store.lecture_dashboard(services.clock.now())) {
    towns.push_back(counts_json(row));
    total.requests += row.requests;
    total.pending += row.pending;
    total.accepted += row.accepted;
    total.scheduled += row.scheduled;
    total.delivered += row.delivered;
    total.declined += row.declined;
  }
  json total_json = counts_json(total);
  total_json.erase("town");
  http::send_json(res, {{"towns", std::move(towns)}, {"total", std::move(total_json)}});
}

}  // namespace

void add_lecture_routes(http::Router& router, const ApiServices& services, const SiteDirectory& directory) {
  using P = const PathParams&;
  router.add("POST", "/api/v1/lecture-requests",
             [&services, &directory](const Request& req, Response& res, P) { create(services, directory, req, res); });
  router.get("/api/v1/me/lecture-requests",
             [&services](const Request& req, Response& res, P) { mine(services, req, res); });
  router.get("/api/v1/lecture-requests/{id}",
             [&services](const Request& req, Response& res, P params) { one(services, req, res, params); });
  router.get("/api/v1/admin/lecture-requests",
             [&services](const Request& req, Response& res, P) { staff_list(services, req, res); });
  router.add("POST", "/api/v1/admin/lecture-requests/{id}/decision",
             [&services](const Request& req, Response& res, P params) { decide(services, req, res, params); });
  router.get("/api/v1/admin/lecture-dashboard",
             [&services](const Request& req, Response& res, P) { dashboard(services, req, res); });
}

}  // namespace gongyou::server::api
