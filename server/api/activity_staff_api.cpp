// server/api/activity_staff_api.cpp — see activities_api.h: the staff's side. Staff act for their union's subtree
// (StaffScope): an activity of another union answers 404, a list asked for by another union's id 403. Reading the
// sign-ups of a matchmaking event opens its contact phones, and every such read goes to the audit log.
//
// [SECTION] Input      an activity from a JSON body, checked before anything is stored
// [SECTION] Endpoints  create, list, sign-ups, check-in
#include "core/ids_json.h"
#include "server/api/activities_api.h"
#include "server/api/activity_json.h"
#include "server/api/auth.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/crypto/member_key.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Input

http::ApiError outside_scope() {
  return http::ApiError(403, "forbidden", "这个工会不在您的管辖范围内 / this union is outside your scope");
}

UtcSeconds instant(const JsonBody& body, const char* name) {
  const std::string text = body.text(name, 40);
  const auto t = parse_iso8601(text);
  if (!t) throw http::bad_request(std::string(name) + " must be an ISO-8601 instant with offset");
  return *t;
}

/// An activity from a body; 400 naming what is wrong, 404 for an unknown union or site, 403 outside the scope.
ActivityRecord activity_from(const MembershipServices& services, const StaffScope& scope, const User& user,
                             const JsonBody& body, UtcSeconds now) {
  ActivityRecord a;
  a.union_id = UnionId{body.integer("union_id", 1, kMaxJsonId)};
  if (!services.unions.find(a.union_id)) throw http::not_found("no such union");
  if (!scope.covers(a.union_id))
    throw outside_scope();
  const auto kind = parse_activity_kind(body.text("kind", 16));
  if (!kind) throw http::bad_request("kind must be sports, culture, lecture, family, volunteer or matchmaking");
  a.kind = *kind;
  a.title = checked_text(body, "title", 1, kMaxActivityTitleChars);
  a.description = optional_checked_text(body, "description", 0, kMaxActivityDescriptionChars, true).value_or("");
  if (const auto site = body.optional_integer("site_id", 1, kMaxJsonId)) {
    if (!services.api.store.find_site(SiteId{*site})) throw http::not_found("no such site");
    a.site = SiteId{*site};
  }
  a.times.starts_at = instant(body, "starts_at");
  a.times.ends_at = instant(body, "ends_at");
  a.times.signup_opens_at = body.field("signup_opens_at") ? instant(body, "signup_opens_at") : now;
  a.times.signup_closes_at = body.field("signup_closes_at") ? instant(body, "signup_closes_at") : a.times.starts_at;
  if (auto problem = activity_times_problem(a.times)) throw http::bad_request(*problem);
  if (const auto places = body.optional_integer("places", 1, kMaxActivityPlaces)) a.places = static_cast<int>(*places);
  if (!a.places && (a.site || a.kind == ActivityKind::matchmaking))
    throw http::bad_request("places is required for an activity at a site and for a matchmaking event");
  a.members_only = body.flag("members_only", false);
  if (a.kind == ActivityKind::matchmaking) {
    a.min_age = static_cast<int>(body.integer("min_age", kMinDeclaredAge, kMaxDeclaredAge));
    a.max_age = static_cast<int>(body.integer("max_age", kMinDeclaredAge, kMaxDeclaredAge));
    if (a.min_age > a.max_age) throw http::bad_request("min_age must not be above max_age");
  }
  a.created_by = user.id;
  a.created_at = now;
  return a;
}

ActivityRecord scoped_activity(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto activity = services.api.store.find_activity(path_id<ActivityId>(segment, "activity"));
  if (!activity || !scope.covers(activity->union_id)) throw http::not_found("没有这个活动 / no such activity");
  return *activity;
}

void audit_read(const MembershipServices& services, const User& actor, const ActivityRecord& activity, std::size_t rows) {
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), actor.id, {}, "activity_contacts_read",
                                      activity.union_id, std::nullopt, activity.id.value,
                                      std::to_string(rows) + " contacts"});
}

// [SECTION] Endpoints

void create(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const JsonBody body(req);
  const UtcSeconds now = services.api.clock.now();
  const ActivityRecord created = services.api.store.create_activity(activity_from(services, scope, user, body, now));
  http::send_json(res, activity_json(created, activity_site(services, created), services.unions, now), 201);
}

void list(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams query(req);
  std::optional<UnionId> top;
  if (const auto id = query.integer("union_id", 1, kMaxJsonId)) {
    top = UnionId{*id};
    if (!services.unions.find(*top)) throw http::not_found("no such union");
    if (!scope.covers(*top))
      throw outside_scope();
  }
  const UtcSeconds now = services.api.clock.now();
  ActivityQuery q;
  q.limit = 500;
  json items = json::array();
  for (const ActivityRecord& a : services.api.store.list_activities(q)) {
    if (!scope.covers(a.union_id) || (top && !services.unions.within(a.union_id, *top))) continue;
    items.push_back(activity_json(a, activity_site(services, a), services.unions, now));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

void signups(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ActivityRecord activity = scoped_activity(services, scope, params.at(0));
  const auto rows = services.api.store.activity_signups(activity.id);
  json items = json::array();
  std::size_t contacts = 0;
  for (const SignupRecord& s : rows) {
    json item = signup_json(s);
    item["user"] = {{"id", s.user}, {"display_name", s.display_name}, {"username", s.username}};
    if (activity.kind == ActivityKind::matchmaking) {
      const auto phone = s.contact_phone_sealed.empty() ? std::nullopt : services.member_key.open(s.contact_phone_sealed);
      item["declared_age"] = s.declared_age ? json(*s.declared_age) : json(nullptr);
      item["contact_phone"] = phone ? json(*phone) : json(nullptr);
      if (phone) ++contacts;
    }
    items.push_back(std::move(item));
  }
  if (contacts > 0) audit_read(services, user, activity, contacts);
  http::send_json(res, {{"activity", activity_json(activity, activity_site(services, activity), services.unions,
                                                   services.api.clock.now())},
                        {"items", std::move(items)}});
}

void check_in(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ActivityRecord activity = scoped_activity(services, scope, params.at(0));
  const SignupId signup = path_id<SignupId>(params.at(1), "signup");
  const SignupChangeOutcome outcome =
      services.api.store.check_in_signup(activity.id, signup, user.id, services.api.clock.now());
  switch (outcome.result) {
    case SignupChange::done:
      http::send_json(res, signup_json(*outcome.signup));
      return;
    case SignupChange::already_checked_in:
      throw http::ApiError(409, "already_checked_in", "已经签到过了 / checked in already");
    case SignupChange::not_confirmed:
      throw http::ApiError(409, "conflict", "只有报名成功的人才能签到 / only a confirmed sign-up can check in");
    case SignupChange::not_found:
    case SignupChange::already_cancelled:
    case SignupChange::too_late:
      break;
  }
  throw http::not_found("没有这个报名 / no such sign-up");
}

}  // namespace

void add_activity_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.add("POST", "/api/v1/admin/activities", [&services](const Request& req, Response& res, P) { create(services, req, res); });
  router.get("/api/v1/admin/activities", [&services](const Request& req, Response& res, P) { list(services, req, res); });
  router.get("/api/v1/admin/activities/{id}/signups",
             [&services](const Request& req, Response& res, P p) { signups(services, req, p, res); });
  router.add("POST", "/api/v1/admin/activities/{id}/signups/{signup_id}/check-in",
             [&services](const Request& req, Response& res, P p) { check_in(services, req, p, res); });
}

}  // namespace gongyou::server::api
