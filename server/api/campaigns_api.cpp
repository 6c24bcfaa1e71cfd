// server/api/campaigns_api.cpp — see campaigns_api.h: the workers' side. Nothing but approved messages is listed to
// anyone but their author and staff; a message that is not shown answers 404 to everyone else, as if it were not
// there. Message text is stored as written and only ever sent as a JSON string: the client draws it as plain text.
//
// [SECTION] Helpers     the campaign of a path, one page of messages, who may write
// [SECTION] Campaigns   list, one (a view counted)
// [SECTION] Messages    shown ones, leave one, mine, like and unlike
#include <charconv>

#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/campaigns_api.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Helpers

CampaignRecord campaign_of(const MembershipServices& services, std::string_view segment) {
  const auto campaign = services.api.store.find_campaign(path_id<CampaignId>(segment, "campaign"));
  if (!campaign) throw http::not_found("没有这个留言征集 / no such campaign");
  return *campaign;
}

void send_message_page(const MembershipServices& services, const Request& req, Response& res, MessageQuery query,
                       MessageReader reader) {
  const http::QueryParams params(req);
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, 100).value_or(30));
  // The cursor is opaque to clients: here, the offset of the next page.
  if (const auto cursor = params.text("cursor"); cursor && !cursor->empty()) {
    std::size_t offset = 0;
    const auto [end, error] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), offset);
    if (error != std::errc{} || end != cursor->data() + cursor->size() || offset > 1'000'000)
      throw http::bad_request("cursor is not one this server gave");
    query.offset = offset;
  }
  auto messages = services.api.store.list_messages(query);
  const bool more = messages.size() > query.limit;
  if (more) messages.pop_back();
  json items = json::array();
  for (const MessageRecord& m : messages) items.push_back(message_json(m, reader));
  http::send_json(res, {{"items", std::move(items)},
                        {"next_cursor", more ? json(std::to_string(query.offset + query.limit)) : json(nullptr)}});
}

namespace {

/// Why the writer of `profile` may not write in `campaign`, or nothing: a members-only campaign takes verified members
/// of its union's subtree.
std::optional<std::string> cannot_write(const MembershipServices& services, const CampaignRecord& campaign,
                                        const std::optional<MemberProfileRecord>& profile) {
  if (!campaign.members_only) return std::nullopt;
  if (profile && profile->verified_at && profile->union_id && services.unions.within(*profile->union_id, campaign.union_id))
    return std::nullopt;
  return "这次征集只接受本工会已认证会员的留言 / this campaign takes messages from verified members of its union";
}

/// The name a message is shown with: the real name when the writer has a profile, else the account's, masked.
std::string author_name(const User& user, const std::optional<MemberProfileRecord>& profile) {
  return mask_name(profile && !profile->real_name.empty() ? profile->real_name : user.display_name);
}

// [SECTION] Campaigns

void list_campaigns(const MembershipServices& services, Response& res) {
  const UtcSeconds now = services.api.clock.now();
  // Open ones first (closing soonest first), then upcoming (starting soonest), then closed (newest first).
  auto campaigns = services.api.store.list_campaigns();
  const auto order = [now](const CampaignRecord& c) {
    switch (window_status(c.starts_at, c.ends_at, now)) {
      case WindowStatus::open: return std::pair{0, c.ends_at.value};
      case WindowStatus::upcoming: return std::pair{1, c.starts_at.value};
      case WindowStatus::closed: break;
    }
    return std::pair{2, -c.ends_at.value};
  };
  std::stable_sort(campaigns.begin(), campaigns.end(),
                   [&](const CampaignRecord& a, const CampaignRecord& b) { return order(a) < order(b); });
  json items = json::array();
  for (const CampaignRecord& c : campaigns) items.push_back(campaign_json(c, services.unions, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_campaign(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  CampaignRecord campaign = campaign_of(services, params.at(0));
  const UtcSeconds now = services.api.clock.now();
  const auto user = optional_user(services.api, req);
  campaign.views = services.api.store.count_view(campaign.id, user ? user->id : UserId{}, now);
  json out = campaign_json(campaign, services.unions, now);
  if (user) {
    const auto mine = services.api.store.user_messages(campaign.id, user->id);
    const auto why_not = cannot_write(services, campaign, services.api.store.find_profile(user->id));
    out["me"] = {{"messages", mine.size()},
                 {"messages_left", std::max<std::int64_t>(0, kMessagesPerPerson - static_cast<std::int64_t>(mine.size()))},
                 {"may_write", !why_not.has_value()},
                 {"why_not", why_not ? json(*why_not) : json(nullptr)}};
  }
  http::send_json(res, out);
}

// [SECTION] Messages

void shown_messages(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const CampaignRecord campaign = campaign_of(services, params.at(0));
  const auto user = optional_user(services.api, req);
  MessageQuery query;
  query.campaign = campaign.id;
  query.status = MessageStatus::approved;
  if (const auto order = http::QueryParams(req).text("order"); order && !order->empty()) {
    const auto parsed = parse_message_order(*order);
    if (!parsed || *parsed == MessageOrder::oldest) throw http::bad_request("order must be featured, newest or liked");
    query.order = *parsed;
  }
  query.viewer = user ? user->id : UserId{};
  send_message_page(services, req, res, query, MessageReader::anyone);
}

void leave_message(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const CampaignRecord campaign = campaign_of(services, params.at(0));
  const JsonBody body(req);
  const std::string text = body.text("text", kMessageMaxChars * 4 + 64);
  if (const auto problem = message_problem(text)) throw http::ApiError(422, "invalid_message", *problem);
  const auto profile = services.api.store.find_profile(user.id);  // read once: who may write, and the name shown
  if (const auto why_not = cannot_write(services, campaign, profile)) throw http::ApiError(403, "members_only", *why_not);
  const UtcSeconds now = services.api.clock.now();
  const std::string author = author_name(user, profile);
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const PostOutcome outcome = services.api.store.post_message({campaign.id, user.id, author, text, now});
    switch (outcome.result) {
      case PostResult::not_found:
        return error_answer(404, "not_found", "没有这个留言征集 / no such campaign");
      case PostResult::not_open:
        return error_answer(409, "not_open", "征集尚未开始或已经结束 / the campaign is not open");
      case PostResult::limit:
        return error_answer(409, "message_limit", "每人最多留言 " + std::to_string(kMessagesPerPerson) +
                                                      " 条 / at most " + std::to_string(kMessagesPerPerson) +
                                                      " messages per person");
      case PostResult::posted:
        break;
    }
    const json answer = message_json(*outcome.message, MessageReader::author);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void my_messages(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const CampaignRecord campaign = campaign_of(services, params.at(0));
  json items = json::array();
  for (const MessageRecord& m : services.api.store.user_messages(campaign.id, user.id))
    items.push_back(message_json(m, MessageReader::author));
  http::send_json(res, {{"items", std::move(items)}});
}

void like(const MembershipServices& services, const Request& req, const PathParams& params, Response& res, bool on) {
  const User user = require_user(services.api, req);
  const auto id = path_id<CampaignMessageId>(params.at(0), "message");
  const LikeOutcome outcome = services.api.store.set_like(id, user.id, on, services.api.clock.now());
  if (!outcome.found) throw http::not_found("没有这条留言 / no such message");
  http::send_json(res, {{"id", id}, {"liked", outcome.liked}, {"likes", outcome.likes}});
}

}  // namespace

void add_campaign_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/campaigns", [&services](const Request&, Response& res, P) { list_campaigns(services, res); });
  router.get("/api/v1/campaigns/{id}",
             [&services](const Request& req, Response& res, P p) { one_campaign(services, req, p, res); });
  router.get("/api/v1/campaigns/{id}/messages",
             [&services](const Request& req, Response& res, P p) { shown_messages(services, req, p, res); });
  router.add("POST", "/api/v1/campaigns/{id}/messages",
             [&services](const Request& req, Response& res, P p) { leave_message(services, req, p, res); });
  router.get("/api/v1/campaigns/{id}/messages/mine",
             [&services](const Request& req, Response& res, P p) { my_messages(services, req, p, res); });
  router.add("PUT", "/api/v1/campaign-messages/{id}/like",
             [&services](const Request& req, Response& res, P p) { like(services, req, p, res, true); });
  router.add("DELETE", "/api/v1/campaign-messages/{id}/like",
             [&services](const Request& req, Response& res, P p) { like(services, req, p, res, false); });
}

}  // namespace gongyou::server::api
