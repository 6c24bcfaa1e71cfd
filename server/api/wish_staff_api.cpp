// server/api/wish_staff_api.cpp — see wishes_api.h: the staff's side. Staff act for the wisher's union and those
// above it (StaffScope): a wish of another union answers 404, a list asked for by a union outside scope 403. The
// queue carries both contacts (the wisher's and the claimant's phone) so that staff can arrange the hand-over; every
// list or wish read that opens a contact writes one audit line.
//
// [SECTION] Scope      a wish in scope, the audit line
// [SECTION] Endpoints  the queue, one wish, vetting, handed over
#include "core/ids_json.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/api/wishes_api.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Scope

WishRecord scoped_wish(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto wish = services.api.store.find_wish(path_id<WishId>(segment, "wish"));
  if (!wish || !scope.covers(wish->union_id)) throw http::not_found("没有这个心愿 / no such wish");
  return *wish;
}

/// True when the staff JSON of `wish` holds a contact (someone's phone).
bool has_contact(const WishRecord& wish) {
  return !wish.wisher_phone_sealed.empty() || !wish.claimant_phone_sealed.empty();
}

void audit_contacts(const MembershipServices& services, const User& actor, std::optional<UnionId> union_id,
                    std::optional<std::int64_t> wish, std::size_t count) {
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), actor.id, {}, "wish_contacts_read", union_id,
                                      std::nullopt, wish, std::to_string(count) + " wishes with contacts"});
}

// [SECTION] Endpoints

void queue(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams params(req);
  WishQuery query;
  query.status = WishStatus::pending;
  query.oldest_first = true;
  if (const auto status = params.text("status"); status && !status->empty()) {
    query.status = parse_wish_status(*status);
    if (!query.status) throw http::bad_request("status must be pending, open, rejected, claimed or fulfilled");
    query.oldest_first = *query.status == WishStatus::pending || *query.status == WishStatus::claimed;
  }
  const UnionId top = named_union(services, scope, params.integer("union_id", 1, kMaxJsonId));
  // An admin without a union named sees every union; everyone else their first union's subtree or the named one.
  if (!(scope.everything() && !params.integer("union_id", 1, kMaxJsonId))) {
    const UnionSubtree subtree = services.unions.subtree(top);
    query.subtree = std::pair<std::int64_t, std::int64_t>{subtree.first, subtree.last};
  }
  std::size_t contacts = 0;
  send_wish_page(services, req, res, query, [&](const WishRecord& w) {
    if (has_contact(w)) ++contacts;
    return WishReader::staff;
  });
  if (contacts > 0) audit_contacts(services, user, top, std::nullopt, contacts);
}

void one(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const WishRecord wish = scoped_wish(services, scope, params.at(0));
  if (has_contact(wish)) audit_contacts(services, user, wish.union_id, wish.id.value, 1);
  http::send_json(res, wish_json(services, wish, WishReader::staff));
}

void review(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const WishRecord wish = scoped_wish(services, scope, params.at(0));
  const JsonBody body(req);
  const auto decision = parse_wish_decision(body.text("decision", 16));
  if (!decision) throw http::bad_request("decision must be approve or reject");
  const std::string reason = *decision == WishDecision::reject
                                 ? checked_text(body, "reason", 1, 200, /*multiline=*/true)
                                 : optional_checked_text(body, "reason", 0, 200, true).value_or("");
  const WishChangeOutcome outcome =
      services.api.store.review_wish(wish.id, *decision, reason, user.id, services.api.clock.now());
  if (outcome.result == WishChange::not_found) throw http::not_found("没有这个心愿 / no such wish");
  if (outcome.result != WishChange::done)
    throw http::ApiError(409, "conflict",
                         std::string("这个心愿已经审核过了（") + std::string(wish_status_name(outcome.wish->status)) +
                             "） / this wish was vetted already");
  if (has_contact(*outcome.wish)) audit_contacts(services, user, wish.union_id, wish.id.value, 1);
  http::send_json(res, wish_json(services, *outcome.wish, WishReader::staff));
}

void fulfilled(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const WishRecord wish = scoped_wish(services, scope, params.at(0));
  const WishChangeOutcome outcome = services.api.store.fulfil_wish(wish.id, user.id, services.api.clock.now());
  if (outcome.result == WishChange::not_found) throw http::not_found("没有这个心愿 / no such wish");
  if (outcome.result != WishChange::done)
    throw http::ApiError(409, "conflict", "只有已认领的心愿才能标记圆梦 / only a claimed wish can be handed over");
  if (has_contact(*outcome.wish)) audit_contacts(services, user, wish.union_id, wish.id.value, 1);
  http::send_json(res, wish_json(services, *outcome.wish, WishReader::staff));
}

}  // namespace

void add_wish_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/admin/wishes", [&services](const Request& req, Response& res, P) { queue(services, req, res); });
  router.get("/api/v1/admin/wishes/{id}",
             [&services](const Request& req, Response& res, P p) { one(services, req, p, res); });
  router.add("POST", "/api/v1/admin/wishes/{id}/review",
             [&services](const Request& req, Response& res, P p) { review(services, req, p, res); });
  router.add("POST", "/api/v1/admin/wishes/{id}/fulfilled",
             [&services](const Request& req, Response& res, P p) { fulfilled(services, req, p, res); });
}

}  // namespace gongyou::server::api
