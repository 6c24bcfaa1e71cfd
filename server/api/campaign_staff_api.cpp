// server/api/campaign_staff_api.cpp — see campaigns_api.h: the staff's side. Staff act for their union's subtree
// (StaffScope): a campaign or message of another union answers 404, a campaign created for a union outside it 403.
// A review is taken once (the store's conditional update): a second reviewer is told it was decided already.
//
// [SECTION] Scope       campaigns and messages in scope
// [SECTION] Campaigns   create, list with what waits for review
// [SECTION] Review      the queue, a decision, featuring
#include "core/ids_json.h"
#include "server/api/campaigns_api.h"
#include "server/api/json_body.h"
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

// [SECTION] Scope

CampaignRecord scoped_campaign(const MembershipServices& services, const StaffScope& scope,
                               std::string_view segment) {
  const auto campaign = services.api.store.find_campaign(path_id<CampaignId>(segment, "campaign"));
  if (!campaign || !scope.covers(campaign->union_id)) throw http::not_found("没有这个留言征集 / no such campaign");
  return *campaign;
}

/// A message whose campaign is in scope; 404 for any other.
MessageRecord scoped_message(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto message = services.api.store.find_message(path_id<CampaignMessageId>(segment, "message"));
  const auto campaign = message ? services.api.store.find_campaign(message->campaign) : std::nullopt;
  if (!campaign || !scope.covers(campaign->union_id)) throw http::not_found("没有这条留言 / no such message");
  return *message;
}

// [SECTION] Campaigns

void create_campaign(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const JsonBody body(req);
  CampaignRecord c;
  c.union_id = named_union(services, scope, body.optional_integer("union_id", 1, kMaxJsonId));
  c.title = checked_text(body, "title", 1, 100);
  c.theme = optional_checked_text(body, "theme", 0, 1000, /*multiline=*/true).value_or("");
  const auto starts = parse_iso8601(body.text("starts_at", 40));
  const auto ends = parse_iso8601(body.text("ends_at", 40));
  if (!starts || !ends) throw http::bad_request("starts_at and ends_at are ISO-8601 times with an offset");
  if (!(*starts < *ends)) throw http::bad_request("ends_at must be after starts_at");
  if (ends->value - starts->value > 366LL * 86400) throw http::bad_request("a campaign is open for at most a year");
  c.starts_at = *starts;
  c.ends_at = *ends;
  c.members_only = body.flag("members_only", false);
  c.created_by = user.id;
  c.created_at = services.api.clock.now();
  const CampaignRecord stored = services.api.store.create_campaign(c);
  http::send_json(res, campaign_json(stored, services.unions, services.api.clock.now(), /*staff=*/true), 201);
}

void staff_campaigns(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  std::int64_t pending = 0;
  for (const CampaignRecord& c : services.api.store.list_campaigns())
    if (scope.covers(c.union_id)) {
      pending += c.pending;
      items.push_back(campaign_json(c, services.unions, now, /*staff=*/true));
    }
  http::send_json(res, {{"items", std::move(items)}, {"pending", pending}});
}

// [SECTION] Review

void queue(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const CampaignRecord campaign = scoped_campaign(services, scope, params.at(0));
  MessageQuery query;
  query.campaign = campaign.id;
  query.status = MessageStatus::pending;
  query.order = MessageOrder::oldest;
  if (const auto status = http::QueryParams(req).text("status"); status && !status->empty()) {
    const auto parsed = parse_message_status(*status);
    if (!parsed) throw http::bad_request("status must be pending, approved or rejected");
    query.status = *parsed;
    if (*parsed != MessageStatus::pending) query.order = MessageOrder::newest;
  }
  send_message_page(services, req, res, query, MessageReader::staff);
}

void review(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const MessageRecord message = scoped_message(services, scope, params.at(0));
  const JsonBody body(req);
  const auto decision = parse_message_decision(body.text("decision", 16));
  if (!decision) throw http::bad_request("decision must be approve, reject or take_down");
  const std::string reason = *decision != MessageDecision::approve
                                 ? checked_text(body, "reason", 1, 200, /*multiline=*/true)
                                 : std::string();
  const ReviewOutcome outcome =
      services.api.store.review_message(message.id, *decision, reason, user.id, services.api.clock.now());
  if (outcome.result == ReviewResult::not_found) throw http::not_found("没有这条留言 / no such message");
  if (outcome.result == ReviewResult::conflict)
    throw http::ApiError(409, "conflict",
                         std::string("这条留言已经审核过了（") +
                             std::string(message_status_name(outcome.message->status)) +
                             "） / this message was reviewed already");
  http::send_json(res, message_json(*outcome.message, MessageReader::staff));
}

void feature(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const MessageRecord message = scoped_message(services, scope, params.at(0));
  const JsonBody body(req);
  const json* featured = body.field("featured");
  if (!featured || !featured->is_boolean()) throw http::bad_request("featured must be true or false");
  const ReviewOutcome outcome = services.api.store.feature_message(message.id, featured->get<bool>());
  if (outcome.result == ReviewResult::not_found) throw http::not_found("没有这条留言 / no such message");
  if (outcome.result == ReviewResult::conflict)
    throw http::ApiError(409, "not_shown", "只能精选已展示的留言 / only a shown message can be featured");
  http::send_json(res, message_json(*outcome.message, MessageReader::staff));
}

}  // namespace

void add_campaign_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.add("POST", "/api/v1/admin/campaigns",
             [&services](const Request& req, Response& res, P) { create_campaign(services, req, res); });
  router.get("/api/v1/admin/campaigns",
             [&services](const Request& req, Response& res, P) { staff_campaigns(services, req, res); });
  router.get("/api/v1/admin/campaigns/{id}/messages",
             [&services](const Request& req, Response& res, P p) { queue(services, req, p, res); });
  router.add("POST", "/api/v1/admin/campaign-messages/{id}/review",
             [&services](const Request& req, Response& res, P p) { review(services, req, p, res); });
  router.add("PUT", "/api/v1/admin/campaign-messages/{id}/featured",
             [&services](const Request& req, Response& res, P p) { feature(services, req, p, res); });
}

}  // namespace gongyou::server::api
