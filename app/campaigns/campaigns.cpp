// app/campaigns/campaigns.cpp — see campaigns.h.
//
// [SECTION] Objects
// [SECTION] Loading
// [SECTION] Intents
#include "app/campaigns/campaigns.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "app/sites/site_links.h"  // url_encode
#include "core/site.h"  // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

constexpr const char* kApi = "/api/v1";

std::string campaign_path(CampaignId id, const char* suffix = "") {
  return std::string(kApi) + "/campaigns/" + std::to_string(id.value) + suffix;
}

/// Puts `changed` in place of the message with its id in `list` (likes, featuring), keeping the rest.
void replace_message(std::vector<CampaignMessage>& list, const CampaignMessage& changed) {
  for (CampaignMessage& m : list)
    if (m.id == changed.id) m = changed;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Objects
//-------------------------------------------------------------------------------------------------

std::optional<CampaignSummary> campaign_from_json(const json& j) {
  CampaignSummary c;
  if (!j.is_object() || !get_id(j, "id", c.id)) return std::nullopt;
  c.title = get_string(j, "title");
  if (c.title.empty()) return std::nullopt;
  c.theme = get_string(j, "theme");
  c.union_name = get_string(j, "union_name");
  if (!get_time(j, "starts_at", c.starts_at) || !get_time(j, "ends_at", c.ends_at)) return std::nullopt;
  const std::string status = get_string(j, "status");
  c.status = status == "open" ? WindowStatus::open : status == "closed" ? WindowStatus::closed : WindowStatus::upcoming;
  c.members_only = get_bool(j, "members_only");
  get_int(j, "views", c.views);
  get_int(j, "messages", c.messages);
  get_int(j, "likes", c.likes);
  get_int(j, "pending", c.pending);
  if (const auto me = j.find("me"); me != j.end() && me->is_object()) {
    CampaignMe m;
    m.messages = get_int_or(*me, "messages", 0);
    m.messages_left = get_int_or(*me, "messages_left", 0);
    m.may_write = get_bool(*me, "may_write");
    m.why_not = get_string(*me, "why_not");
    c.me = std::move(m);
  }
  return c;
}

std::optional<CampaignMessage> campaign_message_from_json(const json& j) {
  CampaignMessage m;
  if (!j.is_object() || !get_id(j, "id", m.id)) return std::nullopt;
  get_id(j, "campaign_id", m.campaign);
  m.author = get_string(j, "author");
  m.text = get_string(j, "text");
  m.reason = get_string(j, "reason");
  get_int(j, "likes", m.likes);
  m.featured = get_bool(j, "featured");
  m.liked = get_bool(j, "liked");
  m.status = parse_message_status(get_string(j, "status")).value_or(MessageStatus::approved);
  get_time(j, "created_at", m.created_at);
  return m;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Campaigns::session_changed() {
  state_.mine.clear();
  state_.pending.clear();
  state_.reviewed.clear();
  state_.may_review = false;
  for (CampaignMessage& m : state_.messages) m.liked = false;
  if (state_.view == CampaignView::review) state_.view = state_.opened ? CampaignView::detail : CampaignView::list;
  refresh();
}

void Campaigns::refresh() {
  switch (state_.view) {
    case CampaignView::list: load_list(); break;
    case CampaignView::detail:
      load_campaign();
      load_messages(false);
      break;
    case CampaignView::review: load_queue(); break;
  }
}

void Campaigns::load_list() {
  state_.loading = true;
  session_.call("GET", std::string(kApi) + "/campaigns", "", [this](const HttpResponse& r) {
    state_.loading = false;
    state_.failed = r.status != 200;
    if (r.status != 200) return;
    state_.campaigns = decode_items<CampaignSummary>(parse_json_or_discarded(r.body), campaign_from_json);
  });
}

void Campaigns::load_campaign() {
  const CampaignId id = state_.opened;
  if (!id) return;
  session_.call("GET", campaign_path(id), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id) return;
                  if (r.status == 404) {
                    state_.campaign.reset();
                    state_.failed = true;
                    return;
                  }
                  if (r.status != 200) return;
                  state_.failed = false;
                  if (auto c = campaign_from_json(parse_json_or_discarded(r.body))) state_.campaign = std::move(c);
                }));
  load_mine();
  // Whether the caller reviews this campaign: the queue answers staff of its union only (asked of staff only).
  state_.may_review = false;
  if (session_.signed_in() && membership_.union_staff()) load_queue();
}

void Campaigns::load_messages(bool more) {
  const CampaignId id = state_.opened;
  if (!id || (more && (state_.next_cursor.empty() || state_.loading_messages))) return;
  const std::uint64_t generation = more ? messages_generation_ : ++messages_generation_;
  std::string path = campaign_path(id, "/messages?limit=30&order=");
  path += message_order_name(state_.order);
  if (more) path += "&cursor=" + url_encode(state_.next_cursor);
  state_.loading_messages = true;
  session_.call("GET", path, "", session_.for_current_user([this, id, more, generation](const HttpResponse& r) {
                  if (state_.opened != id || generation != messages_generation_) return;
                  state_.loading_messages = false;
                  if (r.status != 200) return;
                  const json page = parse_json_or_discarded(r.body);
                  auto items = decode_items<CampaignMessage>(page, campaign_message_from_json);
                  if (!more) state_.messages.clear();
                  for (CampaignMessage& m : items) state_.messages.push_back(std::move(m));
                  state_.next_cursor = page.is_object() ? get_string(page, "next_cursor") : "";
                }));
}

void Campaigns::load_mine() {
  const CampaignId id = state_.opened;
  if (!id || !session_.signed_in()) {
    state_.mine.clear();
    return;
  }
  session_.call("GET", campaign_path(id, "/messages/mine"), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id || r.status != 200) return;
                  state_.mine = decode_items<CampaignMessage>(parse_json_or_discarded(r.body), campaign_message_from_json);
                }));
}

void Campaigns::load_queue() {
  const CampaignId id = state_.opened;
  if (!id || !session_.signed_in()) return;
  const std::string base = std::string(kApi) + "/admin/campaigns/" + std::to_string(id.value) + "/messages?limit=100";
  session_.call("GET", base + "&status=pending", "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id) return;
                  state_.may_review = r.status == 200;
                  if (r.status != 200) {
                    if (state_.view == CampaignView::review) state_.view = CampaignView::detail;
                    return;
                  }
                  state_.pending = decode_items<CampaignMessage>(parse_json_or_discarded(r.body), campaign_message_from_json);
                }));
  if (state_.view != CampaignView::review) return;
  session_.call("GET", base + "&status=approved", "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id || r.status != 200) return;
                  state_.reviewed = decode_items<CampaignMessage>(parse_json_or_discarded(r.body), campaign_message_from_json);
                }));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents
//-------------------------------------------------------------------------------------------------

void Campaigns::apply(const ShowCampaigns&) {
  state_.view = CampaignView::list;
  load_list();
}

void Campaigns::apply(const OpenCampaign& i) {
  if (state_.opened != i.campaign) {
    state_.campaign.reset();
    state_.messages.clear();
    state_.next_cursor.clear();
    state_.mine.clear();
    state_.pending.clear();
    state_.reviewed.clear();
    state_.may_review = false;
    state_.order = MessageOrder::featured;
  }
  state_.opened = i.campaign;
  state_.view = CampaignView::detail;
  // A campaign already listed shows at once; the load brings the views and the caller's part.
  if (!state_.campaign)
    for (const CampaignSummary& c : state_.campaigns)
      if (c.id == i.campaign) state_.campaign = c;
  load_campaign();
  load_messages(false);
}

void Campaigns::apply(const OrderMessages& i) {
  if (i.order == MessageOrder::oldest || i.order == state_.order) return;
  state_.order = i.order;
  state_.next_cursor.clear();
  load_messages(false);
}

void Campaigns::apply(const LoadMoreMessages&) { load_messages(true); }

void Campaigns::apply(const LeaveMessage& i) {
  if (!session_.require_account() || state_.posting || !state_.opened) return;
  if (const auto problem = message_problem(i.text)) {
    session_.say(Feedback::Kind::error, message_length(i.text) > kMessageMaxChars ? "camp_too_long" : "camp_empty");
    return;
  }
  state_.posting = true;
  const CampaignId id = state_.opened;
  session_.call("POST", campaign_path(id, "/messages"), json{{"text", i.text}}.dump(),
                session_.for_current_user([this, id](const HttpResponse& r) {
                  state_.posting = false;
                  if (r.status != 201) {
                    session_.fail(r);
                    return;
                  }
                  if (state_.opened != id) return;
                  ++state_.posted;
                  session_.say(Feedback::Kind::success, "camp_posted");
                  if (auto m = campaign_message_from_json(parse_json_or_discarded(r.body)))
                    state_.mine.insert(state_.mine.begin(), std::move(*m));
                  load_campaign();  // messages left
                }),
                session_.new_key());
}

void Campaigns::apply(const LikeMessage& i) {
  if (!session_.require_account()) return;
  session_.call(i.like ? "PUT" : "DELETE", std::string(kApi) + "/campaign-messages/" + std::to_string(i.message.value) + "/like",
                "", session_.for_current_user([this, id = i.message](const HttpResponse& r) {
                  if (r.status != 200) {
                    session_.fail(r);
                    return;
                  }
                  const json answer = parse_json_or_discarded(r.body);
                  if (!answer.is_object()) return;
                  for (CampaignMessage& m : state_.messages)
                    if (m.id == id) {
                      m.liked = get_bool(answer, "liked");
                      get_int(answer, "likes", m.likes);
                    }
                }));
}

void Campaigns::apply(const OpenReviewQueue& i) {
  if (!session_.require_account()) return;
  if (state_.opened != i.campaign) apply(OpenCampaign{i.campaign});
  state_.view = CampaignView::review;
  load_queue();
}

void Campaigns::apply(const ReviewMessage& i) {
  if (state_.reviewing) return;
  json body = {{"decision", i.decision == MessageDecision::approve  ? "approve"
                            : i.decision == MessageDecision::reject ? "reject"
                                                                    : "take_down"}};
  if (i.decision != MessageDecision::approve) body["reason"] = i.reason;
  state_.reviewing = true;
  session_.call("POST", std::string(kApi) + "/admin/campaign-messages/" + std::to_string(i.message.value) + "/review",
                body.dump(), session_.for_current_user([this, decision = i.decision](const HttpResponse& r) {
                  state_.reviewing = false;
                  if (r.status != 200) session_.fail(r);  // 409: another reviewer decided first; the reload shows it
                  else session_.say(Feedback::Kind::success, decision == MessageDecision::approve ? "camp_approved"
                                                                                                  : "camp_declined");
                  load_queue();
                }));
}

void Campaigns::apply(const FeatureMessage& i) {
  session_.call("PUT", std::string(kApi) + "/admin/campaign-messages/" + std::to_string(i.message.value) + "/featured",
                json{{"featured", i.featured}}.dump(), session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status != 200) {
                    session_.fail(r);
                    return;
                  }
                  if (auto m = campaign_message_from_json(parse_json_or_discarded(r.body))) {
                    replace_message(state_.reviewed, *m);
                    for (CampaignMessage& shown : state_.messages)
                      if (shown.id == m->id) shown.featured = m->featured;
                  }
                }));
}

}  // namespace gongyou
