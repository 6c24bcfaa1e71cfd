// server/api/hardship_api.cpp — see relief_api.h: hardship aid (困难帮扶). A verified member applies with a
// separate explicit consent (PIPL Art. 29: sensitive personal data); their grassroots union checks it, its parent
// approves it, the aid is recorded. Each level acts only in its scope: the check needs staff of the member's union,
// the approval and the aid staff of the union above it. The facts are sealed; every staff read of them is audited.
// The public notice (公示) names masked names, the town and the category, never the household's amounts.
//
// [SECTION] Helpers   the JSON of an application and its timeline, the case in scope
// [SECTION] Worker    apply, mine, one, withdraw; the public notice
// [SECTION] Staff     the list (re-check flags), one (audited), check, approval, aid, re-check
#include <algorithm>

#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/relief_api.h"
#include "server/api/text_fields.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Helpers

http::ApiError no_application() { return http::not_found("没有这个帮扶申请 / no such application"); }

json time_or_null(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

json union_json(const MembershipServices& services, UnionId id) {
  const UnionRecord* u = services.unions.find(id);
  return {{"id", id}, {"name", u ? u->name : std::string()}};
}

/// The union that approves a grassroots union's applications: its parent (itself for a root).
UnionId approver_of(const MembershipServices& services, UnionId id) {
  const UnionRecord* u = services.unions.find(id);
  return u && u->parent ? *u->parent : id;
}

/// The town of a union for the public notice: the ancestor just below the federation (the union itself when none).
std::string town_of(const MembershipServices& services, UnionId id) {
  const auto up = services.unions.ancestors(id);
  if (up.size() >= 2) return up[1]->name;
  const UnionRecord* u = services.unions.find(id);
  return u ? u->name : std::string();
}

/// The moment the aid (or the last re-check) was, when there is one.
std::optional<UtcSeconds> recheck_since(const HardshipRecord& h) {
  if (h.status != HardshipStatus::aided) return std::nullopt;
  return h.rechecked_at ? h.rechecked_at : h.aided_at;
}

/// Who an application is written for.
enum class HardshipReader : std::uint8_t { worker, staff_list, staff_detail };

json hardship_json(const MembershipServices& services, const HardshipRecord& h, HardshipReader reader, UtcSeconds now) {
  json steps = json::array();
  steps.push_back({{"step", "submitted"}, {"at", format_iso8601(h.created_at)}, {"note", ""}});
  if (h.checked_at)
    steps.push_back({{"step", h.status == HardshipStatus::returned ? "returned"
                              : (h.status == HardshipStatus::rejected && !h.approved_at) ? "rejected" : "checked"},
                     {"at", format_iso8601(*h.checked_at)}, {"note", h.check_note}});
  if (h.approved_at)
    steps.push_back({{"step", h.status == HardshipStatus::rejected ? "rejected" : "approved"},
                     {"at", format_iso8601(*h.approved_at)}, {"note", h.approval_note}});
  if (h.aided_at) steps.push_back({{"step", "aided"}, {"at", format_iso8601(*h.aided_at)}, {"note", ""}});
  json out = {{"case_no", h.case_no},
              {"union", union_json(services, h.union_id)},
              {"approver", union_json(services, approver_of(services, h.union_id))},
              {"category", hardship_category_name(h.category)},
              {"household_size", h.household_size},
              {"monthly_income", h.monthly_income},
              {"amount_asked", h.amount_asked},
              {"status", hardship_status_name(h.status)},
              {"created_at", format_iso8601(h.created_at)},
              {"amount_granted", h.amount_granted ? json(*h.amount_granted) : json(nullptr)},
              {"aid", h.aided_at ? json{{"amount", h.aid_amount.value_or(0)}, {"date", h.aid_date}, {"kind", h.aid_kind}}
                                 : json(nullptr)},
              {"timeline", std::move(steps)}};
  if (reader != HardshipReader::staff_list) out["facts"] = services.member_key.open(h.facts_sealed).value_or("");
  if (reader == HardshipReader::worker) out["can_withdraw"] = h.status == HardshipStatus::submitted;
  if (reader != HardshipReader::worker) {
    out["name"] = reader == HardshipReader::staff_detail ? h.name : mask_name(h.name);
    const auto since = recheck_since(h);
    out["recheck_due"] = since && recheck_due(*since, now);
    out["rechecked_at"] = time_or_null(h.rechecked_at);
    out["waiting_seconds"] = hardship_open(h.status) ? json(now.value - h.created_at.value) : json(nullptr);
  }
  return out;
}

/// The application of a path segment when the caller may see it (its union in scope); 404 for any other.
HardshipRecord scoped_application(const MembershipServices& services, const StaffScope& scope,
                                  std::string_view segment) {
  if (!looks_like_case_number(segment, kHardshipCasePrefix)) throw no_application();
  const auto h = services.api.store.find_hardship(segment);
  if (!h || !scope.covers(h->union_id)) throw no_application();
  return *h;
}

HardshipRecord own_application(const MembershipServices& services, const User& user, std::string_view segment) {
  if (!looks_like_case_number(segment, kHardshipCasePrefix)) throw no_application();
  const auto h = services.api.store.find_hardship(segment);
  if (!h || h->user != user.id) throw no_application();
  return *h;
}

// [SECTION] Worker

void apply(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  const json* consent = body.field("consent");
  if (!consent || !consent->is_boolean() || !consent->get<bool>())
    throw http::ApiError(422, "consent_required",
                         "请单独同意处理家庭和健康等敏感个人信息 / a separate consent to sensitive personal data is required");
  const auto category = parse_hardship_category(body.text("category", 32));
  if (!category) throw http::bad_request("category must be illness, disaster, education or living");
  HardshipRecord h;
  h.category = *category;
  h.household_size = body.integer("household_size", 1, kHouseholdMax);
  h.monthly_income = body.integer("monthly_income", 0, kIncomeMaxYuan);
  h.amount_asked = body.integer("amount_asked", 1, kAidMaxYuan);
  const std::string facts = body.text("facts", kFactsMaxChars * 4 + 64);
  if (const auto problem = relief_text_problem(facts, kFactsMaxChars)) throw http::ApiError(422, "invalid_text", *problem);
  const auto profile = services.api.store.find_profile(user.id);
  if (!profile || !profile->union_id)
    throw http::ApiError(409, "not_a_member", "困难帮扶由会员所在的基层工会受理 / hardship aid is for verified members");
  const UtcSeconds now = services.api.clock.now();
  h.user = user.id;
  h.union_id = *profile->union_id;
  h.name = profile->real_name;
  h.facts_sealed = services.member_key.seal(facts);
  h.consent_at = now;
  h.created_at = now;
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const auto stored = services.api.store.create_hardship(h, [] { return new_case_number(kHardshipCasePrefix); });
    if (!stored) return error_answer(409, "already_open", "您已有一份正在办理的申请 / you have an application in progress");
    const json answer = hardship_json(services, *stored, HardshipReader::worker, now);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void mine(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const HardshipRecord& h : services.api.store.user_hardships(user.id))
    items.push_back(hardship_json(services, h, HardshipReader::worker, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void one(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const User user = require_user(services.api, req);
  http::send_json(res, hardship_json(services, own_application(services, user, p.at(0)), HardshipReader::worker,
                                     services.api.clock.now()));
}

void withdraw(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const User user = require_user(services.api, req);
  const HardshipRecord h = own_application(services, user, p.at(0));
  if (!services.api.store.withdraw_hardship(h.case_no, user.id))
    throw http::ApiError(409, "conflict", "初审之后不能撤回 / an application can be withdrawn only before its check");
  res.status = 204;
}

void notices(const MembershipServices& services, Response& res) {
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  std::int64_t total = 0;
  for (const HardshipRecord& h : services.api.store.approved_hardships(UtcSeconds{now.value - 90 * 86400}, 200)) {
    total += h.amount_granted.value_or(0);
    items.push_back({{"name", mask_name(h.name)},
                     {"town", town_of(services, h.union_id)},
                     {"category", hardship_category_name(h.category)},
                     {"approved_on", format_date(shanghai_date(*h.approved_at))}});
  }
  const auto count = items.size();
  http::send_json(res, {{"items", std::move(items)}, {"count", count}, {"amount_total", total}, {"days", 90}});
}

// [SECTION] Staff

void staff_list(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams params(req);
  std::vector<UnionId> tops;
  if (const auto id = params.integer("union_id", 1, kMaxJsonId)) {
    tops = {named_union(services, scope, *id)};
  } else if (scope.everything()) {
    for (const UnionRecord* r : services.unions.roots()) tops.push_back(r->id);
  } else {
    tops = scope.tops();
  }
  std::optional<HardshipStatus> status;
  bool only_recheck = false;
  if (const auto s = params.text("status"); s && !s->empty() && *s != "all") {
    if (*s == "recheck") only_recheck = true;
    else if (!(status = parse_hardship_status(*s)))
      throw http::bad_request("status must be all, recheck or an application status");
  }
  if (only_recheck) status = HardshipStatus::aided;
  const UtcSeconds now = services.api.clock.now();
  std::vector<HardshipRecord> found;
  for (const UnionId top : tops)
    for (HardshipRecord& h : services.api.store.subtree_hardships(services.unions.subtree(top), status, 500))
      if (std::none_of(found.begin(), found.end(), [&](const HardshipRecord& o) { return o.id == h.id; }))
        found.push_back(std::move(h));
  std::sort(found.begin(), found.end(), [](const HardshipRecord& a, const HardshipRecord& b) { return a.id < b.id; });
  json items = json::array();
  std::int64_t due = 0;
  for (const HardshipRecord& h : found) {
    json item = hardship_json(services, h, HardshipReader::staff_list, now);
    if (item["recheck_due"].get<bool>()) ++due;
    else if (only_recheck) continue;
    // What this caller may do next: the check by the member's union's staff, the rest by the approver's.
    item["can_check"] = h.status == HardshipStatus::submitted && scope.covers(h.union_id);
    item["can_approve"] = (h.status == HardshipStatus::checked || h.status == HardshipStatus::approved) &&
                          scope.covers(approver_of(services, h.union_id));
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)}, {"recheck_due", due}});
}

void staff_one(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const HardshipRecord h = scoped_application(services, scope, p.at(0));
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), user.id, {}, "hardship_read", h.union_id, h.user,
                                      h.id, h.case_no});
  http::send_json(res, hardship_json(services, h, HardshipReader::staff_detail, services.api.clock.now()));
}

void answer_step(const MembershipServices& services, const User& user, const HardshipRecord& h, HardshipStep step,
                 Response& res) {
  step.case_no = h.case_no;
  step.staff = user.id;
  step.now = services.api.clock.now();
  const StepResult result = services.api.store.step_hardship(step);
  if (result == StepResult::not_found) throw no_application();
  if (result == StepResult::conflict)
    throw http::ApiError(409, "conflict", "这份申请已经处理到别的环节了 / this application was decided already");
  services.api.store.audit(AuditEntry{0, step.now, user.id, {}, "hardship_decision", h.union_id, h.user, h.id,
                                      h.case_no + " " + std::string(hardship_status_name(decision_to(step.decision)))});
  http::send_json(res, hardship_json(services, *services.api.store.find_hardship(h.case_no),
                                     HardshipReader::staff_detail, step.now));
}

void check(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const HardshipRecord h = scoped_application(services, scope, p.at(0));
  const JsonBody body(req);
  const std::string decision = body.text("decision", 16);
  HardshipStep step;
  if (decision == "pass") step.decision = HardshipDecision::pass;
  else if (decision == "return") step.decision = HardshipDecision::send_back;
  else if (decision == "reject") step.decision = HardshipDecision::decline;
  else throw http::bad_request("decision must be pass, return or reject");
  step.note = step.decision == HardshipDecision::pass ? optional_checked_text(body, "note", 0, 500, true).value_or("")
                                                      : checked_text(body, "reason", 1, 500, true);
  answer_step(services, user, h, step, res);
}

/// The application of a path segment for the approval and the aid: staff of the union above the member's.
HardshipRecord approvable(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const HardshipRecord h = scoped_application(services, scope, segment);
  if (!scope.covers(approver_of(services, h.union_id)))
    throw http::ApiError(403, "forbidden", "审批由上级工会办理 / the approval is the upper union's");
  return h;
}

void approval(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const HardshipRecord h = approvable(services, scope, p.at(0));
  const JsonBody body(req);
  const std::string decision = body.text("decision", 16);
  HardshipStep step;
  if (decision == "approve") {
    step.decision = HardshipDecision::approve;
    step.amount = body.integer("amount_granted", 1, kAidMaxYuan);
    step.note = optional_checked_text(body, "note", 0, 500, true).value_or("");
  } else if (decision == "reject") {
    step.decision = HardshipDecision::decline;
    step.at_approval = true;
    step.note = checked_text(body, "reason", 1, 500, true);
  } else {
    throw http::bad_request("decision must be approve or reject");
  }
  answer_step(services, user, h, step, res);
}

void aid(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const HardshipRecord h = approvable(services, scope, p.at(0));
  const JsonBody body(req);
  HardshipStep step;
  step.decision = HardshipDecision::aid;
  step.amount = body.integer("amount", 0, kAidMaxYuan);
  const auto date = parse_date(body.text("date", 16));
  if (!date) throw http::bad_request("date is YYYY-MM-DD");
  step.aid_date = format_date(*date);
  const auto kind = parse_aid_kind(body.text("kind", 16));
  if (!kind) throw http::bad_request("kind must be cash, goods or visit");
  step.aid_kind = *kind;
  answer_step(services, user, h, step, res);
}

void recheck(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const HardshipRecord h = scoped_application(services, scope, p.at(0));
  const UtcSeconds now = services.api.clock.now();
  const auto since = recheck_since(h);
  if (!since || !recheck_due(*since, now))
    throw http::ApiError(409, "not_due", "还没到年度复核的时候 / the yearly re-check is not due");
  if (services.api.store.recheck_hardship(h.case_no, now) != StepResult::done) throw no_application();
  services.api.store.audit(AuditEntry{0, now, user.id, {}, "hardship_recheck", h.union_id, h.user, h.id, h.case_no});
  http::send_json(res, hardship_json(services, *services.api.store.find_hardship(h.case_no),
                                     HardshipReader::staff_list, now));
}

}  // namespace

void add_hardship_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.add("POST", "/api/v1/hardship/applications",
             [&services](const Request& req, Response& res, P) { apply(services, req, res); });
  router.get("/api/v1/me/hardship/applications", [&services](const Request& req, Response& res, P) { mine(services, req, res); });
  router.get("/api/v1/hardship/applications/{case}",
             [&services](const Request& req, Response& res, P p) { one(services, req, p, res); });
  router.add("DELETE", "/api/v1/hardship/applications/{case}",
             [&services](const Request& req, Response& res, P p) { withdraw(services, req, p, res); });
  router.get("/api/v1/hardship/notices", [&services](const Request&, Response& res, P) { notices(services, res); });
  router.get("/api/v1/admin/hardship/applications",
             [&services](const Request& req, Response& res, P) { staff_list(services, req, res); });
  router.get("/api/v1/admin/hardship/applications/{case}",
             [&services](const Request& req, Response& res, P p) { staff_one(services, req, p, res); });
  router.add("POST", "/api/v1/admin/hardship/applications/{case}/check",
             [&services](const Request& req, Response& res, P p) { check(services, req, p, res); });
  router.add("POST", "/api/v1/admin/hardship/applications/{case}/approval",
             [&services](const Request& req, Response& res, P p) { approval(services, req, p, res); });
  router.add("POST", "/api/v1/admin/hardship/applications/{case}/aid",
             [&services](const Request& req, Response& res, P p) { aid(services, req, p, res); });
  router.add("POST", "/api/v1/admin/hardship/applications/{case}/recheck",
             [&services](const Request& req, Response& res, P p) { recheck(services, req, p, res); });
}

}  // namespace gongyou::server::api
