// ui/campaign_views.h — message campaigns on screen: the list (open ones first), one campaign (its theme, the box to
// leave a message with its character count, my messages and where they stand, the shown messages in three orders
// with likes), and the union staff's review screen (the queue oldest first with approve and decline-with-a-reason,
// the shown ones to feature or take down). Message text is always drawn as plain text. Reads CampaignState, emits
// intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/campaigns/campaigns.h"
#include "app/intent.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The campaign screens; they keep their scroll, the message being written and the open decline menu.
class CampaignViews {
 public:
  /// Draws the view the state names.
  void draw(const CampaignState& state, bool signed_in, bool phone, std::vector<Intent>& intents);

 private:
  void draw_list(const CampaignState& state, float button_h, std::vector<Intent>& intents);
  void draw_detail(const CampaignState& state, bool signed_in, float button_h, std::vector<Intent>& intents);
  void draw_compose(const CampaignState& state, const CampaignSummary& c, bool signed_in, float button_h,
                    std::vector<Intent>& intents);
  void draw_review(const CampaignState& state, float button_h, std::vector<Intent>& intents);
  /// The reasons to decline (or take down) `message`, once its 不采用 / 撤下 was tapped.
  void draw_reasons(CampaignMessageId message, MessageDecision decision, float button_h, std::vector<Intent>& intents);

  TouchScroll list_scroll_, detail_scroll_, review_scroll_;
  char draft_[2048] = {};              ///< the message being written (500 characters of up to 4 bytes fit)
  std::uint64_t posted_seen_ = 0;      ///< the state's `posted` when the draft was last emptied
  CampaignMessageId choosing_reason_;  ///< the message whose reasons are open (0: none)
  CampaignId composing_;               ///< the campaign whose message box is open (我要留言 was tapped)
  bool reveal_reasons_ = false;        ///< the reasons were just opened: scroll them into view
};

}  // namespace gongyou::ui
