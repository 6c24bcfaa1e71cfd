// server/campaigns/demo_campaigns.h — loads the demo message campaigns (tools/demo_data/campaign_demo.h) for the
// Hui'an federation with windows relative to `now`, and the messages demo members left in them, reviewed by the
// federation's demo staff.
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What seed_demo_campaigns() added.
struct DemoCampaignCounts {
  std::size_t campaigns = 0;
  std::size_t messages = 0;
};

/// Seeds when the store has no campaign yet (needs the demo unions, members and staff); nothing otherwise.
DemoCampaignCounts seed_demo_campaigns(Store& store, UtcSeconds now);

}  // namespace gongyou::server
