// server/api/campaigns_api.h — message campaigns (留言征集, docs/api-campaigns.md). Workers: the campaigns, their
// shown messages (approved only, in three orders), leaving a message (pending until reviewed: 先审后发), their own
// messages with where each stands, likes once per person. Staff of the campaign's union (admins: every union):
// creating campaigns, the review queue, approving, declining or taking down, featuring.
#pragma once
#include "server/api/membership_services.h"
#include "server/http/router.h"
#include "server/api/campaign_json.h"
#include "server/store/campaign_records.h"

namespace gongyou::server::api {

/// The campaign a path segment names; 404 when there is none.
CampaignRecord campaign_of(const MembershipServices& services, std::string_view segment);

/// Answers one page of `query` (its offset and limit taken from the request's `cursor` and `limit`), each message
/// written as `reader` sees it: {"items":[...],"next_cursor":C|null}.
void send_message_page(const MembershipServices& services, const httplib::Request& req, httplib::Response& res,
                       MessageQuery query, MessageReader reader);

/// Adds the workers' campaign endpoints to `router`.
void add_campaign_routes(http::Router& router, const MembershipServices& services);

/// Adds the staff's campaign endpoints (create, review queue, decisions, featuring) to `router`.
void add_campaign_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
