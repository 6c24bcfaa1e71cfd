// server/api/campaign_json.h — the JSON of message campaigns and their messages (docs/api-campaigns.md). A message
// reaches the public only when approved, and then without its review; its author sees its state and the reason of
// a decline; staff see everything but who wrote it beyond the masked name.
#pragma once
#include <nlohmann/json.hpp>

#include "server/store/campaign_records.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// Who a message is written for.
enum class MessageReader : std::uint8_t {
  anyone,  ///< a shown message in the public list: no state, no reason
  author,  ///< its author: with its state and the reason of a decline
  staff,   ///< the union's staff: with its state, reason and review time
};

/// A campaign as listed: its window's status at `now` and the public counts (`staff`: also what waits for review).
nlohmann::json campaign_json(const CampaignRecord& campaign, const UnionDirectory& unions, UtcSeconds now,
                             bool staff = false);

/// A message for `reader`.
nlohmann::json message_json(const MessageRecord& message, MessageReader reader);

}  // namespace gongyou::server::api
