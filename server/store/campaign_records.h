// server/store/campaign_records.h — what the store keeps about message campaigns (留言征集, docs/api-campaigns.md):
// campaigns with their window and views, messages with their review, likes.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/civil_time.h"
#include "core/ids.h"

namespace gongyou::server {

/// A campaign: a union asks its workers for messages on a theme within a window.
struct CampaignRecord {
  CampaignId id;
  UnionId union_id;  ///< who runs it: its staff (and those above) review the messages
  std::string title;
  std::string theme;  ///< what the union asks for (plain text, line breaks kept)
  UtcSeconds starts_at, ends_at;
  bool members_only = false;  ///< only verified members of the union's subtree may write
  std::int64_t views = 0;
  UserId created_by;
  UtcSeconds created_at;
  std::int64_t shown = 0;    ///< approved messages (filled by reads): the only count anyone but staff sees
  std::int64_t pending = 0;  ///< messages waiting for review (filled by reads; staff only)
  std::int64_t likes = 0;    ///< likes of the approved messages (filled by reads)
};

/// A message and where it is in review.
struct MessageRecord {
  CampaignMessageId id;
  CampaignId campaign;
  UserId user;
  std::string author;  ///< the name shown with it, masked when written (e.g. 王*明)
  std::string text;
  MessageStatus status = MessageStatus::pending;
  std::string reason;  ///< why staff declined or took it down (told to its author only)
  bool featured = false;
  std::int64_t likes = 0;
  bool liked_by_viewer = false;  ///< the listing's viewer likes it (filled when a viewer is named)
  UtcSeconds created_at;
  std::optional<UtcSeconds> reviewed_at;
};

/// A message to store.
struct NewMessage {
  CampaignId campaign;
  UserId user;
  std::string author;
  std::string text;
  UtcSeconds now;
};

/// A message as it was left and reviewed, for loading demo data.
struct SeedMessage {
  NewMessage message;
  MessageStatus status = MessageStatus::approved;
  std::string reason;
  bool featured = false;
  std::vector<UserId> likers;
  UserId reviewer;
};

/// What leaving a message came to.
enum class PostResult : std::uint8_t { posted, not_found, not_open, limit };

/// The result of post_message(): the stored message when posted.
struct PostOutcome {
  PostResult result = PostResult::not_found;
  std::optional<MessageRecord> message;
};

/// Which messages of a campaign to list.
struct MessageQuery {
  CampaignId campaign;
  MessageStatus status = MessageStatus::approved;
  MessageOrder order = MessageOrder::featured;
  UserId viewer;  ///< fills liked_by_viewer (0: nobody)
  std::size_t offset = 0;
  std::size_t limit = 50;  ///< limit + 1 are read to know whether more follow
};

/// What a like or unlike came to.
struct LikeOutcome {
  bool found = false;  ///< the message exists and is shown
  bool liked = false;  ///< the person likes it now
  std::int64_t likes = 0;
};

/// What a review came to.
enum class ReviewResult : std::uint8_t { done, not_found, conflict };

/// The result of review_message() and feature_message(): the message as it is after the call.
struct ReviewOutcome {
  ReviewResult result = ReviewResult::not_found;
  std::optional<MessageRecord> message;
};

}  // namespace gongyou::server
