// server/api/member_profile_api.cpp — see member_profile_api.h. The ID number is checked against GB 11643, sealed
// and hashed here; past this file only its mask and ciphertext exist (the store never sees it in clear).
#include "server/api/member_profile_api.h"

#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/membership_json.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

constexpr std::size_t kMaxUnionsListed = 200;

// [SECTION] Unions

void list_unions(const MembershipServices& services, const Request& req, Response& res) {
  const http::QueryParams params(req);
  UnionSearch search;
  search.text = params.text("q").value_or("");
  if (search.text.size() > 100) throw http::bad_request("q is at most 100 bytes");
  if (const auto parent = params.integer("parent", 1, kMaxJsonId)) {
    search.within = UnionId{*parent};
    if (!services.unions.find(*search.within)) throw http::not_found("no union " + std::to_string(*parent));
  }
  if (const auto level = params.text("level")) {
    search.level = parse_union_level(*level);
    if (!search.level) throw http::bad_request("level must be federation, town, park, industry, village or grassroots");
  }
  search.region = params.text("region").value_or("");
  search.limit = static_cast<std::size_t>(params.integer("limit", 1, kMaxUnionsListed).value_or(50));
  std::vector<const UnionRecord*> found;
  if (search.text.empty() && !search.level && search.region.empty()) {
    found = search.within ? services.unions.children(*search.within) : services.unions.roots();
    if (found.size() > search.limit) found.resize(search.limit);
  } else {
    found = services.unions.search(search);
  }
  const auto counts = services.unions.subtree_member_counts(services.api.store.direct_member_counts());
  json items = json::array();
  for (const UnionRecord* u : found) items.push_back(union_json(*u, services.unions, counts.at(u->id)));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_union(const MembershipServices& services, const PathParams& params, Response& res) {
  const auto id = path_id<UnionId>(params.at(0), "union");
  const UnionRecord* u = services.unions.find(id);
  if (!u) throw http::not_found("no such union");
  const auto counts = services.unions.subtree_member_counts(services.api.store.direct_member_counts());
  http::send_json(res, union_json(*u, services.unions, counts.at(u->id)));
}

// [SECTION] Profile

/// The GB 11643 problem as a message for the person typing the number (Chinese first).
std::string id_problem_message(IdNumberProblem problem) {
  switch (problem) {
    case IdNumberProblem::wrong_length:
      return "身份证号码应为18位（旧的15位号码请换用18位） / an ID number has 18 characters";
    case IdNumberProblem::bad_character:
      return "身份证号码只能是数字，最后一位可以是X / only digits, and X as the last character";
    case IdNumberProblem::impossible_birth_date:
      return "身份证号码中的出生日期不存在，请检查第7到14位 / the birth date in it (characters 7-14) does not exist";
    case IdNumberProblem::future_birth_date:
      return "身份证号码中的出生日期不能晚于今天 / the birth date in it is after today";
    case IdNumberProblem::wrong_check_digit:
      return "身份证号码校验位不对，请核对每一位 / the check character does not match: please check every digit";
    case IdNumberProblem::none:
      break;
  }
  return "身份证号码无效 / invalid ID number";
}

void put_profile(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  std::string real_name = checked_text(body, "real_name", 1, 40);
  const std::string id_typed = body.text("id_number", 64);
  const std::string phone_typed = body.text("phone", 64);  // bytes: room for full-width digits, refused below
  if (!body.flag("consent", false))
    throw http::ApiError(400, "consent_required",
                         "请阅读并单独勾选个人信息处理同意书 / separate consent to processing the ID number is required");
  const UtcSeconds now = services.api.clock.now();
  const std::string id_number = normalize_id_number(id_typed);
  if (const IdNumberProblem problem = check_id_number(id_number, shanghai_date(now)); problem != IdNumberProblem::none)
    throw http::ApiError(400, "invalid_id_number", id_problem_message(problem));
  const std::string phone = normalize_phone(phone_typed);
  if (!is_mobile_phone(phone))
    throw http::ApiError(400, "invalid_phone", "手机号码应为以1开头的11位数字 / a mobile number is 11 digits starting with 1");
  const crypto::MemberKey& key = services.member_key;
  const ProfileWrite write{user.id,          std::move(real_name),    key.seal(id_number), key.id_hash(id_number),
                           mask_id_number(id_number), key.seal(phone), mask_phone(phone),   now};
  if (services.api.store.put_profile(write) == ProfileWriteResult::conflict)
    throw http::ApiError(409, "conflict", "该身份证号码已被另一个账号使用 / another account has this ID number");
  http::send_json(res, profile_json(*services.api.store.find_profile(user.id), services.unions));
}

void get_profile(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const auto profile = services.api.store.find_profile(user.id);
  if (!profile) throw http::not_found("还没有实名信息 / no real-name profile");
  http::send_json(res, profile_json(*profile, services.unions));
}

void delete_profile(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  if (!services.api.store.delete_profile(user.id, services.api.clock.now()))
    throw http::not_found("还没有实名信息 / no real-name profile");
  http::send_json(res, {{"deleted", true}});
}

// [SECTION] Applications

void apply(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  const auto kind = parse_membership_kind(body.text("kind", 16));
  if (!kind) throw http::bad_request("kind must be join or transfer");
  const UnionId target{body.integer("union_id", 1, kMaxJsonId)};
  const std::string reason = optional_checked_text(body, "reason", 0, 200, /*multiline=*/true).value_or("");
  const UnionRecord* u = services.unions.find(target);
  if (!u || u->level != UnionLevel::grassroots)
    throw http::not_found("只能申请加入基层工会 / no such grassroots union");
  const UtcSeconds now = services.api.clock.now();
  // A retried POST with the same Idempotency-Key gets the first answer (api.md), not a 409 for its own application.
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const ApplyOutcome outcome = services.api.store.apply_for_membership(
        NewApplication{user.id, *kind, target, reason, now, review_due_by(now, services.holidays)});
    switch (outcome.result) {
      case ApplyResult::profile_required:
        return error_answer(400, "profile_required", "请先填写实名信息 / a real-name profile is needed first");
      case ApplyResult::conflict:
        return error_answer(409, "conflict", outcome.why);
      case ApplyResult::created:
        break;
    }
    const json answer = application_json(*outcome.application, services.unions, now, services.holidays);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void my_applications(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const ApplicationRecord& a : services.api.store.user_applications(user.id))
    items.push_back(application_json(a, services.unions, now, services.holidays));
  http::send_json(res, {{"items", std::move(items)}});
}

}  // namespace

void add_member_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/unions", [&services](const Request& req, Response& res, P) { list_unions(services, req, res); });
  router.get("/api/v1/unions/{id}",
             [&services](const Request&, Response& res, P params) { one_union(services, params, res); });
  router.add("PUT", "/api/v1/me/member-profile",
             [&services](const Request& req, Response& res, P) { put_profile(services, req, res); });
  router.get("/api/v1/me/member-profile",
             [&services](const Request& req, Response& res, P) { get_profile(services, req, res); });
  router.add("DELETE", "/api/v1/me/member-profile",
             [&services](const Request& req, Response& res, P) { delete_profile(services, req, res); });
  router.add("POST", "/api/v1/membership/applications",
             [&services](const Request& req, Response& res, P) { apply(services, req, res); });
  router.get("/api/v1/me/membership/applications",
             [&services](const Request& req, Response& res, P) { my_applications(services, req, res); });
}

}  // namespace gongyou::server::api
