// server/api/complaints_api.cpp — see relief_api.h: complaints (职工维权). A worker asks the county federation or
// (a member) their own grassroots union; the handling union's staff (and those above it) reply; the worker rates
// the reply once. Nobody else learns that a case exists: another worker and a sibling union's staff get 404.
// Anonymous to the employer by default: the name is in no answer but the audited detail read by handling staff.
//
// [SECTION] Helpers   case numbers, the JSON of a complaint, the case in scope
// [SECTION] Worker    handlers, file, mine, one, rate
// [SECTION] Staff     the queue oldest first, one (audited), reply, close, stats
#include <algorithm>
#include <cmath>

#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/relief_api.h"
#include "server/api/text_fields.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Helpers

std::string new_case_number(std::string_view prefix) {
  return std::string(prefix) + crypto::random_code(kCaseAlphabet, kCaseRandomChars);
}

namespace {

http::ApiError no_complaint() { return http::not_found("没有这个维权案件 / no such complaint"); }

json union_json(const MembershipServices& services, UnionId id) {
  const UnionRecord* u = services.unions.find(id);
  return {{"id", id}, {"name", u ? u->name : std::string()}};
}

json time_or_null(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

std::string opened(const MembershipServices& services, const std::string& sealed) {
  if (sealed.empty()) return {};
  return services.member_key.open(sealed).value_or("");
}

/// Who a complaint is written for.
enum class ComplaintReader : std::uint8_t { worker, staff_list, staff_detail };

json complaint_json(const MembershipServices& services, const ComplaintRecord& c, ComplaintReader reader,
                    UtcSeconds now) {
  json out = {{"case_no", c.case_no},
              {"handler", complaint_handler_name(c.handler)},
              {"union", union_json(services, c.union_id)},
              {"category", complaint_category_name(c.category)},
              {"employer", c.employer},
              {"anonymous", c.anonymous},
              {"status", complaint_status_name(c.status)},
              {"created_at", format_iso8601(c.created_at)},
              {"replied_at", time_or_null(c.replied_at)},
              {"closed_at", time_or_null(c.closed_at)},
              {"rating", c.rating ? json(*c.rating) : json(nullptr)}};
  if (reader != ComplaintReader::staff_list) {
    out["text"] = opened(services, c.text_sealed);
    out["reply"] = c.reply_sealed.empty() ? json(nullptr) : json(opened(services, c.reply_sealed));
    out["rating_comment"] = c.rating_comment;
  }
  if (reader == ComplaintReader::worker) {
    out["can_rate"] = c.status == ComplaintStatus::replied && !c.rating;
  } else {
    const UtcSeconds until = c.replied_at.value_or(now);
    out["waiting_seconds"] = c.status == ComplaintStatus::submitted ? json(now.value - c.created_at.value) : json(nullptr);
    out["reply_seconds"] = c.replied_at ? json(until.value - c.created_at.value) : json(nullptr);
  }
  // The name: the worker's own, and the handling staff's audited detail read; never in a list.
  if (reader == ComplaintReader::staff_detail) out["name"] = c.name;
  return out;
}

/// The complaint of a path segment when the caller handles it (its union is in scope); 404 for any other.
ComplaintRecord scoped_complaint(const MembershipServices& services, const StaffScope& scope,
                                 std::string_view segment) {
  if (!looks_like_case_number(segment, kComplaintCasePrefix)) throw no_complaint();
  const auto c = services.api.store.find_complaint(segment);
  if (!c || !scope.covers(c->union_id)) throw no_complaint();
  return *c;
}

/// The caller's own complaint of a path segment; 404 for anyone else's.
ComplaintRecord own_complaint(const MembershipServices& services, const User& user, std::string_view segment) {
  if (!looks_like_case_number(segment, kComplaintCasePrefix)) throw no_complaint();
  const auto c = services.api.store.find_complaint(segment);
  if (!c || c->user != user.id) throw no_complaint();
  return *c;
}

/// The county federation of a worker: the root above their union when they are a member, else the first root.
std::optional<UnionId> county_of(const MembershipServices& services, const std::optional<MemberProfileRecord>& p) {
  if (p && p->union_id) {
    const auto up = services.unions.ancestors(*p->union_id);
    if (!up.empty()) return up.front()->id;
    return *p->union_id;
  }
  const auto roots = services.unions.roots();
  if (roots.empty()) return std::nullopt;
  return roots.front()->id;
}

/// The grassroots union of a verified member.
std::optional<UnionId> own_union(const std::optional<MemberProfileRecord>& p) {
  if (p && p->union_id) return *p->union_id;
  return std::nullopt;
}

// [SECTION] Worker

void handlers(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const auto profile = services.api.store.find_profile(user.id);
  const auto county = county_of(services, profile);
  const auto own = own_union(profile);
  json categories = json::array();
  for (const ComplaintCategory c : kComplaintCategories) categories.push_back(complaint_category_name(c));
  http::send_json(res, {{"county", county ? union_json(services, *county) : json(nullptr)},
                        {"own", own ? union_json(services, *own) : json(nullptr)},
                        {"categories", std::move(categories)}});
}

void file_complaint(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  const auto handler = parse_complaint_handler(body.text("handler", 16));
  if (!handler) throw http::bad_request("handler must be county or own");
  const auto category = parse_complaint_category(body.text("category", 32));
  if (!category) throw http::bad_request("category must be one of GET /api/v1/complaints/handlers' categories");
  const std::string text = body.text("text", kComplaintMaxChars * 4 + 64);
  if (const auto problem = relief_text_problem(text, kComplaintMaxChars))
    throw http::ApiError(422, "invalid_text", *problem);
  const std::string employer = optional_checked_text(body, "employer", 0, kEmployerMaxChars).value_or("");
  const bool anonymous = body.flag("anonymous", true);
  const auto profile = services.api.store.find_profile(user.id);
  std::optional<UnionId> handling = *handler == ComplaintHandler::own ? own_union(profile) : county_of(services, profile);
  if (!handling)
    throw http::ApiError(409, "not_a_member",
                         "只有已认证的会员才能向本工会求助 / only a verified member can ask their own union");
  ComplaintRecord c;
  c.user = user.id;
  c.union_id = *handling;
  c.handler = *handler;
  c.category = *category;
  c.employer = employer;
  c.text_sealed = services.member_key.seal(text);
  c.anonymous = anonymous;
  c.name = profile && !profile->real_name.empty() ? profile->real_name : user.display_name;
  const UtcSeconds now = services.api.clock.now();
  c.created_at = now;
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const ComplaintRecord stored =
        services.api.store.create_complaint(c, [] { return new_case_number(kComplaintCasePrefix); });
    const json answer = complaint_json(services, stored, ComplaintReader::worker, now);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void my_complaints(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const ComplaintRecord& c : services.api.store.user_complaints(user.id))
    items.push_back(complaint_json(services, c, ComplaintReader::worker, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_complaint(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const User user = require_user(services.api, req);
  http::send_json(res, complaint_json(services, own_complaint(services, user, p.at(0)), ComplaintReader::worker,
                                      services.api.clock.now()));
}

void rate(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const User user = require_user(services.api, req);
  const ComplaintRecord c = own_complaint(services, user, p.at(0));
  const JsonBody body(req);
  const std::int64_t stars = body.integer("rating", 1, 5);
  const std::string comment = optional_checked_text(body, "comment", 0, kRatingCommentMaxChars, true).value_or("");
  const UtcSeconds now = services.api.clock.now();
  const StepResult result = services.api.store.rate_complaint(c.case_no, user.id, stars, comment, now);
  if (result == StepResult::not_found) throw no_complaint();
  if (result == StepResult::conflict)
    throw http::ApiError(409, "conflict", "答复之后才能评价，且只能评价一次 / a complaint is rated once, after its reply");
  http::send_json(res, complaint_json(services, *services.api.store.find_complaint(c.case_no), ComplaintReader::worker,
                                      now));
}

// [SECTION] Staff

/// The subtrees a staff request covers: the named union's (in scope, else 403), or every union of the caller's.
std::vector<UnionId> asked_unions(const MembershipServices& services, const StaffScope& scope, const Request& req) {
  const http::QueryParams params(req);
  if (const auto id = params.integer("union_id", 1, kMaxJsonId)) return {named_union(services, scope, *id)};
  if (scope.everything()) {
    std::vector<UnionId> roots;
    for (const UnionRecord* r : services.unions.roots()) roots.push_back(r->id);
    return roots;
  }
  return scope.tops();
}

std::vector<ComplaintRecord> complaints_in(const MembershipServices& services, const std::vector<UnionId>& tops,
                                           std::optional<ComplaintStatus> status, std::size_t limit) {
  std::vector<ComplaintRecord> out;
  for (const UnionId top : tops) {
    auto part = services.api.store.subtree_complaints(services.unions.subtree(top), status, limit);
    for (ComplaintRecord& c : part)
      if (std::none_of(out.begin(), out.end(), [&](const ComplaintRecord& o) { return o.id == c.id; }))
        out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ComplaintRecord& a, const ComplaintRecord& b) {
    return a.created_at.value != b.created_at.value ? a.created_at.value < b.created_at.value : a.id < b.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

void queue(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  std::optional<ComplaintStatus> status = ComplaintStatus::submitted;
  if (const auto s = http::QueryParams(req).text("status"); s && !s->empty()) {
    if (*s == "all") status.reset();
    else if (!(status = parse_complaint_status(*s))) throw http::bad_request("status must be submitted, replied, closed or all");
  }
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const ComplaintRecord& c : complaints_in(services, asked_unions(services, scope, req), status, 500))
    items.push_back(complaint_json(services, c, ComplaintReader::staff_list, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void staff_one(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ComplaintRecord c = scoped_complaint(services, scope, p.at(0));
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), user.id, {}, "complaint_read", c.union_id, c.user,
                                      c.id, c.case_no});
  http::send_json(res, complaint_json(services, c, ComplaintReader::staff_detail, services.api.clock.now()));
}

void reply(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ComplaintRecord c = scoped_complaint(services, scope, p.at(0));
  const JsonBody body(req);
  const std::string text = body.text("reply", kReplyMaxChars * 4 + 64);
  if (const auto problem = relief_text_problem(text, kReplyMaxChars)) throw http::ApiError(422, "invalid_text", *problem);
  const UtcSeconds now = services.api.clock.now();
  const StepResult result = services.api.store.reply_complaint(c.case_no, services.member_key.seal(text), user.id, now);
  if (result == StepResult::not_found) throw no_complaint();
  if (result == StepResult::conflict)
    throw http::ApiError(409, "conflict", "这个案件已经答复过了 / this complaint was replied to already");
  services.api.store.audit(
      AuditEntry{0, now, user.id, {}, "complaint_reply", c.union_id, c.user, c.id, c.case_no});
  http::send_json(res, complaint_json(services, *services.api.store.find_complaint(c.case_no),
                                      ComplaintReader::staff_detail, now));
}

void close(const MembershipServices& services, const Request& req, const PathParams& p, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ComplaintRecord c = scoped_complaint(services, scope, p.at(0));
  const UtcSeconds now = services.api.clock.now();
  const StepResult result = services.api.store.close_complaint(c.case_no, now);
  if (result == StepResult::not_found) throw no_complaint();
  if (result == StepResult::conflict)
    throw http::ApiError(409, "conflict", "只能办结已答复的案件 / only a replied complaint can be closed");
  http::send_json(res, complaint_json(services, *services.api.store.find_complaint(c.case_no),
                                      ComplaintReader::staff_list, now));
}

/// The value at fraction `q` of sorted `values` (nearest rank).
std::int64_t quantile(const std::vector<std::int64_t>& sorted, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

void stats(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  struct Tally {
    std::int64_t count = 0, waiting = 0, ratings = 0, rating_sum = 0;
    std::vector<std::int64_t> reply_seconds;
  };
  std::map<std::int64_t, Tally> by_union;
  for (const ComplaintRecord& c : complaints_in(services, asked_unions(services, scope, req), std::nullopt, 100000)) {
    Tally& t = by_union[c.union_id.value];
    ++t.count;
    if (c.status == ComplaintStatus::submitted) ++t.waiting;
    if (c.replied_at) t.reply_seconds.push_back(c.replied_at->value - c.created_at.value);
    if (c.rating) { ++t.ratings; t.rating_sum += *c.rating; }
  }
  json items = json::array();
  for (auto& [id, t] : by_union) {
    std::sort(t.reply_seconds.begin(), t.reply_seconds.end());
    json row = union_json(services, UnionId{id});
    row["count"] = t.count;
    row["waiting"] = t.waiting;
    row["replied"] = t.reply_seconds.size();
    row["median_reply_seconds"] = t.reply_seconds.empty() ? json(nullptr) : json(quantile(t.reply_seconds, 0.5));
    row["p90_reply_seconds"] = t.reply_seconds.empty() ? json(nullptr) : json(quantile(t.reply_seconds, 0.9));
    row["ratings"] = t.ratings;
    row["rating_average"] =
        t.ratings ? json(std::round(static_cast<double>(t.rating_sum) / static_cast<double>(t.ratings) * 100) / 100)
                  : json(nullptr);
    items.push_back(std::move(row));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

}  // namespace

void add_complaint_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/complaints/handlers",
             [&services](const Request& req, Response& res, P) { handlers(services, req, res); });
  router.add("POST", "/api/v1/complaints",
             [&services](const Request& req, Response& res, P) { file_complaint(services, req, res); });
  router.get("/api/v1/me/complaints", [&services](const Request& req, Response& res, P) { my_complaints(services, req, res); });
  router.get("/api/v1/complaints/{case}",
             [&services](const Request& req, Response& res, P p) { one_complaint(services, req, p, res); });
  router.add("POST", "/api/v1/complaints/{case}/rating",
             [&services](const Request& req, Response& res, P p) { rate(services, req, p, res); });
  router.get("/api/v1/admin/complaints", [&services](const Request& req, Response& res, P) { queue(services, req, res); });
  router.get("/api/v1/admin/complaints/stats",
             [&services](const Request& req, Response& res, P) { stats(services, req, res); });
  router.get("/api/v1/admin/complaints/{case}",
             [&services](const Request& req, Response& res, P p) { staff_one(services, req, p, res); });
  router.add("POST", "/api/v1/admin/complaints/{case}/reply",
             [&services](const Request& req, Response& res, P p) { reply(services, req, p, res); });
  router.add("POST", "/api/v1/admin/complaints/{case}/close",
             [&services](const Request& req, Response& res, P p) { close(services, req, p, res); });
}

}  // namespace gongyou::server::api
