// app/campaigns/campaigns.h — message campaigns (留言征集, issue 16): the list, one campaign with its shown messages
// (featured, newest or most liked first, a page at a time), leaving a message (pending until the union reviews it:
// 先审后发) and seeing where mine stand, likes once per person; and, for the union's staff, the review queue with
// approve, decline (with a reason), take down and feature. State (CampaignState, read by ui/campaign_views) and
// controller (Campaigns). Platform-free: talks to the API (docs/api-campaigns.md) through the Session.
//
// [SECTION] Objects
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/membership/membership.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/campaign.h"
#include "core/ids.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Objects (decoded at the JSON edge; a malformed item gives nothing)
//-------------------------------------------------------------------------------------------------

/// What the signed-in caller may still do in a campaign (GET /campaigns/{id} "me").
struct CampaignMe {
  int messages = 0, messages_left = 0;
  bool may_write = false;
  std::string why_not;  ///< the server's reason when they may not
};

/// A campaign as listed.
struct CampaignSummary {
  CampaignId id;
  std::string title, theme, union_name;
  UtcSeconds starts_at, ends_at;
  WindowStatus status = WindowStatus::upcoming;
  bool members_only = false;
  std::int64_t views = 0, messages = 0, likes = 0;
  std::int64_t pending = 0;  ///< waiting for review (only in the staff's list)
  std::optional<CampaignMe> me;
};

/// A message: shown (to anyone), or mine / in review (with its state and the reason of a decline).
struct CampaignMessage {
  CampaignMessageId id;
  CampaignId campaign;
  std::string author, text, reason;
  std::int64_t likes = 0;
  bool featured = false;
  bool liked = false;  ///< the caller likes it
  MessageStatus status = MessageStatus::approved;
  UtcSeconds created_at;
};

std::optional<CampaignSummary> campaign_from_json(const nlohmann::json& j);
std::optional<CampaignMessage> campaign_message_from_json(const nlohmann::json& j);

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/campaign_views)
//-------------------------------------------------------------------------------------------------

struct ShowCampaigns {};                                     ///< 留言征集: every campaign
struct OpenCampaign { CampaignId campaign; };                ///< one campaign: theme, messages, mine
struct OrderMessages { MessageOrder order; };                ///< 精选 / 最新 / 最热
struct LoadMoreMessages {};                                  ///< the next page of shown messages
struct LeaveMessage { std::string text; };                   ///< 提交留言 (goes to review)
struct LikeMessage { CampaignMessageId message; bool like; };  ///< 赞 / 取消赞
struct OpenReviewQueue { CampaignId campaign; };             ///< staff: 审核留言
/// Staff: approve, decline or take down a message (`reason` for the last two).
struct ReviewMessage { CampaignMessageId message; MessageDecision decision; std::string reason; };
struct FeatureMessage { CampaignMessageId message; bool featured; };  ///< staff: 精选 / 取消精选
/// The campaign intents.
using CampaignIntents = TypeList<ShowCampaigns, OpenCampaign, OrderMessages, LoadMoreMessages, LeaveMessage,
                                 LikeMessage, OpenReviewQueue, ReviewMessage, FeatureMessage>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// Which campaign screen is shown.
enum class CampaignView : std::uint8_t { list, detail, review };

/// What the campaign screens show.
struct CampaignState {
  CampaignView view = CampaignView::list;

  // ---- the list ----
  std::vector<CampaignSummary> campaigns;
  bool loading = false;
  bool failed = false;

  // ---- one campaign ----
  CampaignId opened;
  std::optional<CampaignSummary> campaign;
  MessageOrder order = MessageOrder::featured;
  std::vector<CampaignMessage> messages;  ///< shown ones, in `order`
  std::string next_cursor;                ///< "" when every page is here
  bool loading_messages = false;
  std::vector<CampaignMessage> mine;      ///< the caller's own, every state, newest first
  bool posting = false;
  std::uint64_t posted = 0;               ///< increases with each message accepted for review (the box empties)

  // ---- review (staff) ----
  bool may_review = false;                ///< the caller's review queue of this campaign answered
  std::vector<CampaignMessage> pending;   ///< oldest first
  std::vector<CampaignMessage> reviewed;  ///< shown ones, newest first (to feature or take down)
  bool reviewing = false;                 ///< a decision on its way
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The campaign controller.
class Campaigns {
 public:
  /// `session` and `membership` (whose staff roles say who reviews) must outlive it.
  Campaigns(Session& session, const MembershipState& membership) : session_(session), membership_(membership) {}

  const CampaignState& state() const { return state_; }

  /// Reloads what the current view shows (the screen was opened, or the periodic refresh).
  void refresh();
  /// Someone signed in or out: the last user's messages, likes and queue go.
  void session_changed();

  void apply(const ShowCampaigns& i);
  void apply(const OpenCampaign& i);
  void apply(const OrderMessages& i);
  void apply(const LoadMoreMessages& i);
  void apply(const LeaveMessage& i);
  void apply(const LikeMessage& i);
  void apply(const OpenReviewQueue& i);
  void apply(const ReviewMessage& i);
  void apply(const FeatureMessage& i);

 private:
  void load_list();
  void load_campaign();
  /// The first page of shown messages (`more`: the next one, appended).
  void load_messages(bool more);
  void load_mine();
  void load_queue();

  Session& session_;
  const MembershipState& membership_;
  CampaignState state_;
  std::uint64_t messages_generation_ = 0;  ///< answers of an older order or campaign are ignored
};

}  // namespace gongyou
