// server/api/membership_staff_api.cpp — see membership_staff_api.h. Reads of personal data and decisions are
// written to the audit log (who, what, when); answers and exports carry masks only.
//
// [SECTION] Scope helpers
// [SECTION] Staff roles
// [SECTION] Applications
// [SECTION] Members
// [SECTION] Stats and export
// [SECTION] Audit log
#include "server/api/membership_staff_api.h"

#include <cmath>
#include <limits>

#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/membership_json.h"
#include "server/api/path_ids.h"
#include "server/api/roster_csv.h"
#include "server/api/text_fields.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Scope helpers

/// Every union at once (an admin asking without a union).
constexpr UnionSubtree kWholeTree{0, std::numeric_limits<int>::max()};

/// The union a list names (`union_id` in the query or the path), which must be in scope: 404 unknown, 403 outside.
const UnionRecord& scoped_union(const MembershipServices& services, const StaffScope& scope, UnionId id) {
  const UnionRecord* u = services.unions.find(id);
  if (!u) throw http::not_found("no such union");
  if (!scope.covers(id)) throw outside_scope();
  return *u;
}

/// The subtree a queue lists: the named union's, else the caller's first union (an admin's: everything).
UnionSubtree queue_subtree(const MembershipServices& services, const StaffScope& scope, const http::QueryParams& q) {
  if (const auto id = q.integer("union_id", 1, kMaxJsonId))
    return services.unions.subtree(scoped_union(services, scope, UnionId{*id}).id);
  if (scope.everything()) return kWholeTree;
  return services.unions.subtree(scope.tops().front());
}

/// True when the staff member may read or verify this person: their union, or the union a pending application
/// of theirs goes to or leaves, is in scope.
bool person_in_scope(const MembershipServices& services, const StaffScope& scope, UserId user,
                     const std::optional<UnionId>& member_of) {
  if (member_of && scope.covers(*member_of)) return true;
  for (const ApplicationRecord& a : services.api.store.user_applications(user)) {
    if (a.status != ApplicationStatus::pending) continue;
    if (scope.covers(a.union_id) || (a.from_union && scope.covers(*a.from_union))) return true;
  }
  return false;
}

void audit(const MembershipServices& services, const User& actor, const char* action, std::optional<UnionId> union_id,
           std::optional<UserId> subject, std::string detail = {}) {
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), actor.id, {}, action, union_id, subject,
                                      std::nullopt, std::move(detail)});
}

// [SECTION] Staff roles

void grant_staff(const MembershipServices& services, const Request& req, Response& res) {
  const User admin = require_admin(services.api, req);
  const JsonBody body(req);
  const std::string username = body.text("username", 64);
  const UnionId union_id{body.integer("union_id", 1, kMaxJsonId)};
  const std::string role = body.text("role", 32);
  if (role != "union_staff" && role != "lawyer") throw http::bad_request("role must be union_staff or lawyer");
  const auto account = services.api.store.find_credentials(username);
  if (!account) throw http::not_found("no such user");
  if (!services.unions.find(union_id)) throw http::not_found("no such union");
  services.api.store.grant_staff(account->user.id, union_id, role, services.api.clock.now());
  audit(services, admin, "staff_grant", union_id, account->user.id, role);
  http::send_json(res, {{"user_id", account->user.id}, {"union_id", union_id}, {"role", role}}, 201);
}

void list_staff(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams q(req);
  const auto id = q.integer("union_id", 1, kMaxJsonId);
  if (!id) throw http::bad_request("union_id is required");
  const UnionRecord& u = scoped_union(services, scope, UnionId{*id});
  json items = json::array();
  for (const StaffRoleRecord& r : services.api.store.subtree_staff(services.unions.subtree(u.id)))
    items.push_back({{"user_id", r.user}, {"username", r.username}, {"union_id", r.union_id}, {"role", r.role}});
  http::send_json(res, {{"items", std::move(items)}});
}

// [SECTION] Applications

json staff_application_json(const MembershipServices& services, const StaffScope& scope,
                            const StaffApplicationRecord& item, UtcSeconds now) {
  json out = application_json(item.application, services.unions, now, services.holidays);
  out["applicant"] = {{"user_id", item.application.user},
                      {"username", item.username},
                      {"real_name", item.real_name},
                      {"id_number_masked", item.id_masked},
                      {"verified", item.verified}};
  json can_decide = json::array();
  for (const UnionId side : waiting_for(item.application))
    if (scope.covers(side)) can_decide.push_back(side);
  out["can_decide"] = std::move(can_decide);
  return out;
}

void application_queue(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams q(req);
  const UnionSubtree subtree = queue_subtree(services, scope, q);
  std::optional<ApplicationStatus> status = ApplicationStatus::pending;
  if (const auto text = q.text("status"); text && *text != "pending") {
    status = *text == "all" ? std::nullopt : parse_application_status(*text);
    if (*text != "all" && !status) throw http::bad_request("status must be pending, approved, rejected, withdrawn or all");
  }
  const auto limit = static_cast<std::size_t>(q.integer("limit", 1, 500).value_or(100));
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  std::int64_t overdue = 0;
  for (const StaffApplicationRecord& item : services.api.store.subtree_applications(subtree, status, limit)) {
    json one = staff_application_json(services, scope, item, now);
    overdue += one["overdue"].get<bool>() ? 1 : 0;
    items.push_back(std::move(one));
  }
  const UnionCounts counts = services.api.store.subtree_counts(subtree, now);
  http::send_json(res, {{"items", std::move(items)}, {"overdue", counts.overdue}, {"pending", counts.pending},
                        {"overdue_listed", overdue}});
}

void decide(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const auto id = path_id<ApplicationId>(params.at(0), "application");
  const JsonBody body(req);
  const std::string decision = body.text("decision", 16);
  if (decision != "approve" && decision != "reject") throw http::bad_request("decision must be approve or reject");
  const std::string reason = optional_checked_text(body, "reason", 0, 200, /*multiline=*/true).value_or("");
  const auto application = services.api.store.find_application(id);
  const http::ApiError unknown = http::not_found("no such application");
  if (!application) throw unknown;
  std::vector<UnionId> sides;
  for (const std::optional<UnionId> side : {application->from_union, std::optional(application->union_id)})
    if (side && scope.covers(*side)) sides.push_back(*side);
  if (sides.empty()) throw unknown;
  if (decision == "reject" && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw http::bad_request("驳回时请写明理由 / a rejection needs a reason");
  const UtcSeconds now = services.api.clock.now();
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const DecideOutcome outcome = services.api.store.decide_application(
        DecisionRequest{id, sides, decision == "approve", reason, user.id, now});
    if (outcome.result == DecideResult::not_found) return error_answer(404, "not_found", "no such application");
    if (outcome.result == DecideResult::already_decided)
      return error_answer(409, "conflict", "这份申请您这一方已经处理过了 / already decided by your side");
    const json answer = application_json(*outcome.application, services.unions, now, services.holidays);
    return {200, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

// [SECTION] Members

json member_json(const MembershipServices& services, const MemberProfileRecord& p) {
  json out = profile_json(p, services.unions);
  out["user_id"] = p.user;
  out["username"] = p.username;
  return out;
}

/// The person's profile, when the staff member may see it; 404 otherwise (no difference between "none" and "not
/// yours").
MemberProfileRecord scoped_person(const MembershipServices& services, const StaffScope& scope, UserId id) {
  const auto profile = services.api.store.find_profile(id);
  if (!profile || !person_in_scope(services, scope, id, profile->union_id)) throw http::not_found("no such member");
  return *profile;
}

void read_member(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const auto id = path_id<UserId>(params.at(0), "member");
  const MemberProfileRecord profile = scoped_person(services, scope, id);
  audit(services, user, "profile_read", profile.union_id, id);
  http::send_json(res, member_json(services, profile));
}

/// True when the staff member may verify this person: staff of the member's union (api-services.md), or, for
/// someone not yet a member, of the union their pending join goes to (they compare the card before approving).
bool may_verify(const MembershipServices& services, const StaffScope& scope, const MemberProfileRecord& p) {
  if (p.union_id) return scope.covers(*p.union_id);
  for (const ApplicationRecord& a : services.api.store.user_applications(p.user))
    if (a.status == ApplicationStatus::pending && a.kind == MembershipKind::join && scope.covers(a.union_id)) return true;
  return false;
}

void verify(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const auto id = path_id<UserId>(params.at(0), "member");
  if (!may_verify(services, scope, scoped_person(services, scope, id))) throw http::not_found("no such member");
  if (!services.api.store.verify_profile(id, user.id, services.api.clock.now())) throw http::not_found("no such member");
  http::send_json(res, member_json(services, *services.api.store.find_profile(id)));
}

void list_members(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const UnionRecord& u = scoped_union(services, scope, path_id<UnionId>(params.at(0), "union"));
  const http::QueryParams q(req);
  MemberQuery query;
  query.subtree = services.unions.subtree(u.id);
  if (const auto verified = q.text("verified")) {
    if (*verified != "true" && *verified != "false") throw http::bad_request("verified must be true or false");
    query.verified = *verified == "true";
  }
  query.text = q.text("q").value_or("");
  if (query.text.size() > 100) throw http::bad_request("q is at most 100 bytes");
  query.limit = static_cast<std::size_t>(q.integer("limit", 1, 200).value_or(50));
  query.after = UserId{q.integer("cursor", 0, kMaxJsonId).value_or(0)};
  std::vector<MemberProfileRecord> members = services.api.store.subtree_members(query);
  const bool more = members.size() > query.limit;
  if (more) members.resize(query.limit);
  json items = json::array();
  for (const MemberProfileRecord& p : members) items.push_back(member_json(services, p));
  audit(services, user, "members_list", u.id, std::nullopt, std::to_string(members.size()) + " rows");
  http::send_json(res, {{"items", std::move(items)},
                        {"next_cursor", more ? json(std::to_string(members.back().user.value)) : json(nullptr)}});
}

// [SECTION] Stats and export

void stats(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const UnionRecord& u = scoped_union(services, scope, path_id<UnionId>(params.at(0), "union"));
  const UnionCounts c = services.api.store.subtree_counts(services.unions.subtree(u.id), services.api.clock.now());
  // The rate as the seeds report it: 73,399 of 80,060 → 91.68 %, a fraction rounded to 4 places.
  const double rate = c.members == 0 ? 0.0 : static_cast<double>(c.verified) / static_cast<double>(c.members);
  http::send_json(res, {{"members", c.members},
                        {"verified", c.verified},
                        {"verification_rate", std::round(rate * 10000.0) / 10000.0},
                        {"pending_applications", c.pending},
                        {"overdue_applications", c.overdue},
                        {"union", union_json(u, services.unions, c.members)}});
}

void export_members(const MembershipServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto [user, scope] = require_staff(services, req);
  const UnionRecord& u = scoped_union(services, scope, path_id<UnionId>(params.at(0), "union"));
  std::string csv = "\xEF\xBB\xBF工会,姓名,用户名,身份证号码,手机,实名状态,入会时间\r\n";
  MemberQuery query;
  query.subtree = services.unions.subtree(u.id);
  query.limit = 1000;
  std::size_t rows = 0;
  for (;;) {
    std::vector<MemberProfileRecord> page = services.api.store.subtree_members(query);
    const bool more = page.size() > query.limit;
    if (more) page.resize(query.limit);
    for (const MemberProfileRecord& p : page) {
      const UnionRecord* of = p.union_id ? services.unions.find(*p.union_id) : nullptr;
      csv += csv_cell(of ? of->name : "") + ',' + csv_cell(p.real_name) + ',' + csv_cell(p.username) + ',' +
             csv_cell(p.id_masked) + ',' + csv_cell(p.phone_masked) + ',' + (p.verified_at ? "已核验" : "待核验") +
             ',' + (p.member_since ? format_date(shanghai_date(*p.member_since)) : std::string()) + "\r\n";
    }
    rows += page.size();
    if (!more) break;
    query.after = page.back().user;
  }
  audit(services, user, "members_export", u.id, std::nullopt, std::to_string(rows) + " rows");
  res.set_header("Content-Disposition", "attachment; filename=\"gongyou-members-" + std::to_string(u.id.value) + ".csv\"");
  http::send_text(res, csv, "text/csv; charset=utf-8");
}

// [SECTION] Audit log

void audit_log(const MembershipServices& services, const Request& req, Response& res) {
  require_admin(services.api, req);
  const http::QueryParams q(req);
  const auto limit = static_cast<std::size_t>(q.integer("limit", 1, 500).value_or(100));
  const std::int64_t before = q.integer("before", 1, kMaxJsonId).value_or(0);
  const std::vector<AuditEntry> entries = services.api.store.audit_log(before, limit);
  json items = json::array();
  for (const AuditEntry& e : entries)
    items.push_back({{"id", e.id},
                     {"at", format_iso8601(e.at)},
                     {"actor", {{"user_id", e.actor}, {"username", e.actor_username}}},
                     {"action", e.action},
                     {"union_id", e.union_id ? json(*e.union_id) : json(nullptr)},
                     {"subject_user_id", e.subject ? json(*e.subject) : json(nullptr)},
                     {"object_id", e.object_id ? json(*e.object_id) : json(nullptr)},
                     {"detail", e.detail}});
  http::send_json(res, {{"items", std::move(items)},
                        {"next_before", entries.size() == limit ? json(entries.back().id) : json(nullptr)}});
}

}  // namespace

void add_membership_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  const MembershipServices& s = services;
  router.add("POST", "/api/v1/admin/staff", [&s](const Request& req, Response& res, P) { grant_staff(s, req, res); });
  router.get("/api/v1/admin/staff", [&s](const Request& req, Response& res, P) { list_staff(s, req, res); });
  router.get("/api/v1/admin/membership/applications",
             [&s](const Request& req, Response& res, P) { application_queue(s, req, res); });
  router.add("POST", "/api/v1/admin/membership/applications/{id}/decision",
             [&s](const Request& req, Response& res, P params) { decide(s, req, res, params); });
  router.get("/api/v1/admin/members/{id}",
             [&s](const Request& req, Response& res, P params) { read_member(s, req, res, params); });
  router.add("POST", "/api/v1/admin/members/{id}/verify",
             [&s](const Request& req, Response& res, P params) { verify(s, req, res, params); });
  router.get("/api/v1/admin/unions/{id}/members",
             [&s](const Request& req, Response& res, P params) { list_members(s, req, res, params); });
  router.get("/api/v1/admin/unions/{id}/members.csv",
             [&s](const Request& req, Response& res, P params) { export_members(s, req, res, params); });
  router.get("/api/v1/admin/unions/{id}/stats",
             [&s](const Request& req, Response& res, P params) { stats(s, req, res, params); });
  router.get("/api/v1/admin/audit", [&s](const Request& req, Response& res, P) { audit_log(s, req, res); });
}

}  // namespace gongyou::server::api
