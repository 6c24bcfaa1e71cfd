// tools/demo_data/campaign_demo.h — the demo message campaigns of Duji district's kind (seed 000: 85 messages for
// Women's Day, 1,100 views for May Day): one closed, one open, one upcoming, with windows relative to the day the
// data is loaded, and the messages demo members left in them. Deterministic: the same list on every load.
#pragma once
#include <string>
#include <vector>

#include "core/campaign.h"

namespace gongyou::demo {

/// A message a demo member left: which member (an index into demo_members()), its text and how it was reviewed.
struct DemoMessage {
  std::size_t member = 0;
  std::string text;
  MessageStatus status = MessageStatus::approved;
  std::string reason;    ///< why it was declined
  bool featured = false;
  int likes = 0;         ///< how many other demo members like it
  int hours_after_start = 0;
};

/// A demo campaign; its window starts `starts_in_hours` after loading (negative: before) and lasts `open_hours`.
struct DemoCampaign {
  std::string title, theme;
  int starts_in_hours = 0, open_hours = 0;
  bool members_only = false;
  int views = 0;
  std::vector<DemoMessage> messages;
};

/// The three campaigns: 巾帼心声 (closed, 85 shown messages), 劳动者之歌 (open, 1,100 views, a few waiting for
/// review and one declined), 职工之家金点子 (upcoming).
std::vector<DemoCampaign> demo_campaigns();

}  // namespace gongyou::demo
