// server/api/activities_api.cpp — see activities_api.h: the workers' side. The server's clock decides the sign-up
// window; the store decides places, the waitlist and the one sign-up per person in one transaction.
//
// [SECTION] Helpers    the activity of a path, the declaration of a matchmaking sign-up
// [SECTION] Listing    the list, one activity, my activities
// [SECTION] Sign-ups   sign up (idempotent), cancel
#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/activities_api.h"
#include "server/api/activity_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/crypto/member_key.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Helpers

ActivityRecord activity_of(const MembershipServices& services, std::string_view segment) {
  const auto activity = services.api.store.find_activity(path_id<ActivityId>(segment, "activity"));
  if (!activity) throw http::not_found("没有这个活动 / no such activity");
  return *activity;
}

json one_activity_json(const MembershipServices& services, const ActivityRecord& activity, UtcSeconds now) {
  return activity_json(activity, activity_site(services, activity), services.unions, now);
}

/// The sign-up request of a body: for a matchmaking event its declaration {"age","single","phone"} checked by core's
/// rules (400 declaration_required, age_out_of_range, not_single, invalid_phone) and the phone sealed.
SignupRequest signup_request(const MembershipServices& services, const ActivityRecord& activity, const User& user,
                             const JsonBody& body, UtcSeconds now) {
  SignupRequest request;
  request.activity = activity.id;
  request.user = user.id;
  request.now = now;
  const auto profile = services.api.store.find_profile(user.id);
  request.verified_member = profile && profile->verified_at && profile->union_id;
  if (activity.kind != ActivityKind::matchmaking) return request;
  const json* given = body.field("declaration");
  if (!given)
    throw http::ApiError(400, "declaration_required",
                         "惠工鹊桥活动报名须填写年龄、单身声明和联系电话 / a matchmaking event needs a declaration");
  if (!given->is_object()) throw http::bad_request("declaration must be an object {age, single, phone}");
  const JsonBody declaration(*given);
  MatchmakingDeclaration d;
  d.age = static_cast<int>(declaration.integer("age", 0, 150));
  const json* single = declaration.field("single");
  if (!single || !single->is_boolean()) throw http::bad_request("declaration.single must be true or false");
  d.single = single->get<bool>();
  d.phone = declaration.text("phone", 32);
  std::string phone;
  if (auto problem = declaration_problem(d, activity.min_age, activity.max_age, phone))
    throw http::ApiError(400, problem->code, problem->message);
  request.declared_age = d.age;
  request.contact_phone_sealed = services.member_key.seal(phone);
  return request;
}

StoredResponse signup_answer(const SignupOutcome& outcome) {
  switch (outcome.result) {
    case SignupResult::signed_up:
      return {201, signup_json(*outcome.signup).dump(-1, ' ', false, json::error_handler_t::replace)};
    case SignupResult::not_found:
      return error_answer(404, "not_found", "没有这个活动 / no such activity");
    case SignupResult::not_open:
      return error_answer(409, "signup_closed", "不在报名时间内 / sign-up is not open (by the server's clock)");
    case SignupResult::members_only:
      return error_answer(403, "member_required",
                          "本活动仅限已实名认证的工会会员报名 / this activity is for verified members only");
    case SignupResult::already_signed_up:
      return error_answer(409, "conflict", "您已报名或候补了本活动 / you are signed up or waitlisted already");
  }
  return error_answer(500, "internal_error", "internal server error");
}

// [SECTION] Listing

void list_activities(const MembershipServices& services, const Request& req, Response& res) {
  const http::QueryParams query(req);
  const UtcSeconds now = services.api.clock.now();
  ActivityQuery q;
  if (const auto kind = query.text("kind")) {
    q.kind = parse_activity_kind(*kind);
    if (!q.kind) throw http::bad_request("kind must be sports, culture, lecture, family, volunteer or matchmaking");
  }
  const std::string scope = query.text("scope").value_or("upcoming");
  if (scope != "upcoming" && scope != "all") throw http::bad_request("scope must be upcoming or all");
  if (scope == "upcoming") q.ending_after = now;
  q.limit = static_cast<std::size_t>(query.integer("limit", 1, 500).value_or(200));
  json items = json::array();
  for (const ActivityRecord& a : services.api.store.list_activities(q)) items.push_back(one_activity_json(services, a, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_activity(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const ActivityRecord activity = activity_of(services, params.at(0));
  json out = one_activity_json(services, activity, services.api.clock.now());
  out["me"] = nullptr;
  if (const auto user = optional_user(services.api, req))
    if (const auto mine = services.api.store.user_signup(activity.id, user->id)) out["me"] = signup_json(*mine);
  http::send_json(res, out);
}

void my_activities(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const SignupRecord& s : services.api.store.user_signups(user.id)) {
    const auto activity = services.api.store.find_activity(s.activity);
    if (!activity) continue;
    json item = signup_json(s);
    item["activity"] = one_activity_json(services, *activity, now);
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

// [SECTION] Sign-ups

void sign_up(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const ActivityRecord activity = activity_of(services, params.at(0));
  const JsonBody body = req.body.empty() ? JsonBody(json::object()) : JsonBody(req);
  const UtcSeconds now = services.api.clock.now();
  const SignupRequest request = signup_request(services, activity, user, body, now);
  send_idempotent(services.api, req, res, user.id, body, now,
                  [&] { return signup_answer(services.api.store.sign_up(request)); });
}

void cancel(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const ActivityRecord activity = activity_of(services, params.at(0));
  const SignupChangeOutcome outcome = services.api.store.cancel_signup(activity.id, user.id, services.api.clock.now());
  switch (outcome.result) {
    case SignupChange::done:
      http::send_json(res, signup_json(*outcome.signup));
      return;
    case SignupChange::not_found:
      throw http::not_found("您没有报名本活动 / you are not signed up");
    case SignupChange::already_cancelled:
      throw http::ApiError(409, "conflict", "报名已经取消 / the sign-up was cancelled already");
    case SignupChange::already_checked_in:
      throw http::ApiError(409, "conflict", "已签到，不能取消 / checked in: it can no longer be cancelled");
    case SignupChange::too_late:
    case SignupChange::not_confirmed:
      break;
  }
  throw http::ApiError(409, "too_late", "活动已开始，不能取消报名 / the activity has started");
}

}  // namespace

std::optional<Site> activity_site(const MembershipServices& services, const ActivityRecord& activity) {
  if (!activity.site) return std::nullopt;
  return services.api.store.find_site(*activity.site);
}

void add_activity_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/activities", [&services](const Request& req, Response& res, P) { list_activities(services, req, res); });
  router.get("/api/v1/activities/{id}",
             [&services](const Request& req, Response& res, P p) { one_activity(services, req, p, res); });
  router.add("POST", "/api/v1/activities/{id}/signups",
             [&services](const Request& req, Response& res, P p) { sign_up(services, req, p, res); });
  router.add("DELETE", "/api/v1/activities/{id}/signups/mine",
             [&services](const Request& req, Response& res, P p) { cancel(services, req, p, res); });
  router.get("/api/v1/me/activities", [&services](const Request& req, Response& res, P) { my_activities(services, req, res); });
}

}  // namespace gongyou::server::api
