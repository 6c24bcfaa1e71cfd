// server/store/campaign_store.h — what the server needs stored about message campaigns (campaign_records.h). Every
// counted decision is one write transaction behind a unique key or a conditional update: a person's messages (a
// unique sequence up to kMessagesPerPerson), a review (UPDATE ... WHERE status = 'pending'), a like (the likes
// table's primary key, the count changed with it), a signed-in person's view of the day (its primary key).
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "server/store/campaign_records.h"

namespace gongyou::server {

/// Campaign storage. Implementations are safe to call from many threads at once.
class CampaignStore {
 public:
  virtual ~CampaignStore() = default;

  /// Stores a new campaign (its views as given: 0 but for demo data); the record as stored.
  virtual CampaignRecord create_campaign(const CampaignRecord& campaign) = 0;
  /// Every campaign, newest window first, with its counts.
  virtual std::vector<CampaignRecord> list_campaigns() = 0;
  /// One campaign with its counts.
  virtual std::optional<CampaignRecord> find_campaign(CampaignId id) = 0;
  /// Counts an opening of the campaign's page: `viewer` (when signed in) once per Asia/Shanghai day of `now`,
  /// anyone else every time. The views after it.
  virtual std::int64_t count_view(CampaignId id, UserId viewer, UtcSeconds now) = 0;

  /// Stores a pending message if the campaign is open at `message.now` and its author below kMessagesPerPerson.
  virtual PostOutcome post_message(const NewMessage& message) = 0;
  /// One message, in any state.
  virtual std::optional<MessageRecord> find_message(CampaignMessageId id) = 0;
  /// A campaign's messages in one state and order (limit + 1 read).
  virtual std::vector<MessageRecord> list_messages(const MessageQuery& query) = 0;
  /// A person's own messages in a campaign, newest first, in every state.
  virtual std::vector<MessageRecord> user_messages(CampaignId campaign, UserId user) = 0;

  /// Likes (`like` true) or stops liking a shown message, at most once per person.
  virtual LikeOutcome set_like(CampaignMessageId id, UserId user, bool like, UtcSeconds now) = 0;
  /// Takes `decision` once: of concurrent reviews exactly one is done, the others conflict.
  virtual ReviewOutcome review_message(CampaignMessageId id, MessageDecision decision, std::string_view reason,
                                       UserId staff, UtcSeconds now) = 0;
  /// Loads reviewed messages with their likes in one transaction (demo data); no limits are checked.
  virtual void seed_messages(CampaignId campaign, std::span<const SeedMessage> messages) = 0;
  /// Features a shown message (or stops); conflict when it is not shown.
  virtual ReviewOutcome feature_message(CampaignMessageId id, bool featured) = 0;
};

}  // namespace gongyou::server
