// ui/campaign_views.cpp — see campaign_views.h.
//
// [SECTION] Small pieces
// [SECTION] The list
// [SECTION] One campaign
// [SECTION] Review (staff)
#include "ui/campaign_views.h"

#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"  // ScrollToItem: the reasons scroll into view
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Small pieces
//-------------------------------------------------------------------------------------------------

constexpr ImU32 kCardBg = IM_COL32(248, 249, 250, 255);
constexpr ImU32 kThemeBg = IM_COL32(255, 244, 230, 255);
constexpr ImU32 kFeatured = IM_COL32(232, 89, 12, 255);
constexpr ImU32 kShown = IM_COL32(47, 158, 68, 255);

/// The reasons staff decline a message for (先审后发 rules of a union's public board).
constexpr Text kDeclineReasons[] = {Text::camp_reason_off_topic, Text::camp_reason_advert, Text::camp_reason_rude,
                                    Text::camp_reason_privacy};

const char* status_label(MessageStatus s) {
  switch (s) {
    case MessageStatus::pending: return tr(Text::camp_status_pending);
    case MessageStatus::approved: return tr(Text::camp_status_approved);
    case MessageStatus::rejected: return tr(Text::camp_status_rejected);
  }
  return "";
}

ImU32 status_color(MessageStatus s) {
  switch (s) {
    case MessageStatus::pending: return kFeatured;
    case MessageStatus::approved: return kShown;
    case MessageStatus::rejected: return kTextMuted;
  }
  return kTextMuted;
}

/// "12 条留言 · 1100 次浏览 · 35 个赞".
const char* counts_line(const CampaignSummary& c, char* out, std::size_t size) {
  std::snprintf(out, size, tr(Text::camp_counts_fmt), static_cast<long long>(c.messages),
                static_cast<long long>(c.views), static_cast<long long>(c.likes));
  return out;
}

/// The author and day of a message, with 精选 when featured.
void byline(const CampaignMessage& m) {
  char line[160];
  std::snprintf(line, sizeof line, "%s · %s", m.author.c_str(), format_day(shanghai_date(m.created_at)).c_str());
  if (m.featured) {
    ImGui::PushStyleColor(ImGuiCol_Text, kFeatured);
    ImGui::TextUnformatted(tr(Text::camp_featured));
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::TextUnformatted(line);
  ImGui::PopStyleColor();
}

/// A message's text: plain text, wrapped, never interpreted (a "%" or "<b>" is drawn as it is).
void message_text(const CampaignMessage& m) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(m.text.c_str(), m.text.c_str() + m.text.size());
  ImGui::PopTextWrapPos();
}

void back_link(const char* label, const Intent& intent, float button_h, std::vector<Intent>& intents) {
  if (secondary_button(label, ImVec2(0, button_h))) intents.push_back(intent);
  mark_last_item("campaign_back");
}

}  // namespace

void CampaignViews::draw(const CampaignState& s, bool signed_in, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  switch (s.view) {
    case CampaignView::list: draw_list(s, button_h, intents); break;
    case CampaignView::detail: draw_detail(s, signed_in, button_h, intents); break;
    case CampaignView::review: draw_review(s, button_h, intents); break;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The list
//-------------------------------------------------------------------------------------------------

void CampaignViews::draw_list(const CampaignState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##campaign_list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(list_scroll_);
  ImGui::SeparatorText(tr(Text::camp_title));
  muted(tr(Text::camp_intro));
  if (s.campaigns.empty())
    muted(s.loading ? tr(Text::camp_loading) : s.failed ? tr(Text::camp_load_failed) : tr(Text::camp_none));
  char line[256];
  for (const CampaignSummary& c : s.campaigns) {
    ImGui::PushID(static_cast<int>(c.id.value));
    boxed("##campaign_card", kCardBg, [&] {
      colored(window_status_color(c.status), window_status_label(c.status));
      large(c.title.c_str(), 1.05f);
      mark_last_item("campaign_row", c.id);
      muted(format_window(c.starts_at, c.ends_at).c_str());
      muted(counts_line(c, line, sizeof line));
      if (c.members_only) muted(tr(Text::camp_members_only));
      const char* label = c.status == WindowStatus::open ? tr(Text::camp_go) : tr(Text::camp_view);
      if (row_button(true, c.status == WindowStatus::open, label, button_h) && !list_scroll_.dragged)
        intents.push_back(OpenCampaign{c.id});
      mark_last_item("campaign_open", c.id);
    });
    ImGui::PopID();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] One campaign
//-------------------------------------------------------------------------------------------------

void CampaignViews::draw_compose(const CampaignState& s, const CampaignSummary& c, bool signed_in, float button_h,
                                 std::vector<Intent>& intents) {
  if (s.posted != posted_seen_) {  // accepted for review: the box empties and closes
    posted_seen_ = s.posted;
    draft_[0] = '\0';
    composing_ = {};
  }
  if (c.status != WindowStatus::open) {
    muted(c.status == WindowStatus::upcoming ? tr(Text::camp_not_yet) : tr(Text::camp_closed));
    return;
  }
  if (!signed_in) {
    muted(tr(Text::camp_sign_in_to_write));
    if (row_button(true, true, tr(Text::sign_in), button_h)) intents.push_back(OpenAuth{false});
    mark_last_item("campaign_sign_in");
    return;
  }
  if (c.me && !c.me->may_write) {
    muted(c.me->why_not.empty() ? tr(Text::camp_members_only) : c.me->why_not.c_str());
    return;
  }
  if (c.me && c.me->messages_left <= 0) {
    muted(tr(Text::camp_no_more));
    return;
  }
  if (composing_ != c.id) {  // the messages stay in view until the worker chooses to write
    if (row_button(true, true, tr(Text::camp_write), button_h)) composing_ = c.id;
    mark_last_item("campaign_write");
    return;
  }
  ImGui::SeparatorText(tr(Text::camp_write));
  ImGui::InputTextMultiline("##campaign_draft", draft_, sizeof draft_,
                            ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4.5f));
  mark_last_item("campaign_draft");
  const std::size_t length = message_length(draft_);
  char line[128];
  std::snprintf(line, sizeof line, tr(Text::camp_count_fmt), static_cast<int>(length), static_cast<int>(kMessageMaxChars));
  colored(length > kMessageMaxChars ? kBrandRed : kTextMuted, line);
  const bool empty = std::strspn(draft_, " \t\r\n") == std::strlen(draft_);
  ImGui::BeginDisabled(empty || length > kMessageMaxChars || s.posting);
  if (row_button(true, true, tr(Text::camp_submit), button_h)) intents.push_back(LeaveMessage{draft_});
  mark_last_item("campaign_submit");
  ImGui::EndDisabled();
  if (c.me) {
    std::snprintf(line, sizeof line, tr(Text::camp_left_fmt), c.me->messages_left, kMessagesPerPerson);
    muted(line);
  }
  muted(tr(Text::camp_review_note));
}

void CampaignViews::draw_detail(const CampaignState& s, bool signed_in, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##campaign_detail", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(detail_scroll_);
  back_link(tr(Text::camp_back_to_list), ShowCampaigns{}, button_h, intents);
  if (!s.campaign) {
    muted(s.failed ? tr(Text::camp_not_found) : tr(Text::camp_loading));
    ImGui::EndChild();
    return;
  }
  const CampaignSummary& c = *s.campaign;
  char line[256];
  colored(window_status_color(c.status), window_status_label(c.status));
  large(c.title.c_str(), 1.2f);
  mark_last_item("campaign_title", c.id);
  if (!c.theme.empty()) boxed("##campaign_theme", kThemeBg, [&] { ImGui::TextWrapped("%s", c.theme.c_str()); });
  muted(format_window(c.starts_at, c.ends_at).c_str());
  if (!c.union_name.empty()) {
    std::snprintf(line, sizeof line, tr(Text::camp_organiser_fmt), c.union_name.c_str());
    muted(line);
  }
  muted(counts_line(c, line, sizeof line));
  if (s.may_review) {
    std::snprintf(line, sizeof line, tr(Text::camp_review_fmt), static_cast<int>(s.pending.size()));
    if (row_button(true, false, line, button_h)) intents.push_back(OpenReviewQueue{c.id});
    mark_last_item("campaign_review", c.id);
  }

  draw_compose(s, c, signed_in, button_h, intents);

  if (!s.mine.empty()) {
    ImGui::SeparatorText(tr(Text::camp_mine));
    // One line each (its state, the start of its text), so that the shown messages stay near the top.
    for (const CampaignMessage& m : s.mine) {
      char start[160];
      std::snprintf(line, sizeof line, "%s · %s", status_label(m.status), utf8_prefix(m.text, 24, start, sizeof start));
      colored(status_color(m.status), line);
      mark_last_item("campaign_mine", m.id);
      if (m.status == MessageStatus::rejected && !m.reason.empty()) {
        std::snprintf(line, sizeof line, tr(Text::camp_reason_fmt), m.reason.c_str());
        muted(line);
      }
    }
  }

  ImGui::SeparatorText(tr(Text::camp_messages));
  static constexpr MessageOrder kOrders[] = {MessageOrder::featured, MessageOrder::newest, MessageOrder::liked};
  static constexpr Text kOrderLabels[] = {Text::camp_order_featured, Text::camp_order_newest, Text::camp_order_liked};
  for (int k = 0; k < 3; ++k) {
    if (row_button(k == 0, s.order == kOrders[k], tr(kOrderLabels[k]), button_h)) intents.push_back(OrderMessages{kOrders[k]});
    mark_last_item("campaign_order", k);
  }
  if (s.messages.empty()) muted(s.loading_messages ? tr(Text::camp_loading) : tr(Text::camp_no_messages));
  for (const CampaignMessage& m : s.messages) {
    ImGui::PushID(static_cast<int>(m.id.value));
    boxed("##message", kCardBg, [&] {
      byline(m);
      message_text(m);
      mark_last_item("campaign_message", m.id);
      std::snprintf(line, sizeof line, m.liked ? tr(Text::camp_liked_fmt) : tr(Text::camp_like_fmt),
                    static_cast<long long>(m.likes));
      if (row_button(true, m.liked, line, button_h) && !detail_scroll_.dragged)
        intents.push_back(LikeMessage{m.id, !m.liked});
      mark_last_item("campaign_like", m.id);
    });
    ImGui::PopID();
  }
  if (!s.next_cursor.empty()) {
    ImGui::BeginDisabled(s.loading_messages);
    if (row_button(true, false, tr(Text::camp_more), button_h)) intents.push_back(LoadMoreMessages{});
    mark_last_item("campaign_more");
    ImGui::EndDisabled();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Review (staff)
//-------------------------------------------------------------------------------------------------

void CampaignViews::draw_reasons(CampaignMessageId message, MessageDecision decision, float button_h,
                                 std::vector<Intent>& intents) {
  muted(tr(Text::camp_choose_reason));
  bool first = true;
  for (const Text reason : kDeclineReasons) {
    if (row_button(first, false, tr(reason), button_h)) {
      intents.push_back(ReviewMessage{message, decision, tr(reason)});
      choosing_reason_ = {};
    }
    mark_last_item("campaign_reason", static_cast<int>(reason));
    first = false;
  }
  if (row_button(false, false, tr(Text::camp_cancel), button_h)) choosing_reason_ = {};
  if (reveal_reasons_) {  // just opened, perhaps below the fold of a short panel
    ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    reveal_reasons_ = false;
  }
}

void CampaignViews::draw_review(const CampaignState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##campaign_review", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(review_scroll_);
  if (s.opened) back_link(tr(Text::camp_back_to_campaign), OpenCampaign{s.opened}, button_h, intents);
  if (s.campaign) large(s.campaign->title.c_str(), 1.05f);
  char line[160];
  std::snprintf(line, sizeof line, tr(Text::camp_pending_fmt), static_cast<int>(s.pending.size()));
  ImGui::SeparatorText(line);
  if (s.pending.empty()) muted(tr(Text::camp_queue_empty));
  ImGui::BeginDisabled(s.reviewing);
  for (const CampaignMessage& m : s.pending) {
    ImGui::PushID(static_cast<int>(m.id.value));
    boxed("##pending", kCardBg, [&] {
      byline(m);
      message_text(m);
      mark_last_item("campaign_pending", m.id);
      if (choosing_reason_ == m.id) {
        draw_reasons(m.id, MessageDecision::reject, button_h, intents);
        return;
      }
      if (row_button(true, true, tr(Text::camp_approve), button_h)) intents.push_back(ReviewMessage{m.id, MessageDecision::approve, {}});
      mark_last_item("campaign_approve", m.id);
      if (row_button(false, false, tr(Text::camp_decline), button_h)) {
        choosing_reason_ = m.id;
        reveal_reasons_ = true;
      }
      mark_last_item("campaign_decline", m.id);
    });
    ImGui::PopID();
  }
  ImGui::SeparatorText(tr(Text::camp_shown));
  for (const CampaignMessage& m : s.reviewed) {
    ImGui::PushID(static_cast<int>(m.id.value));
    boxed("##shown", kCardBg, [&] {
      byline(m);
      message_text(m);
      if (choosing_reason_ == m.id) {
        draw_reasons(m.id, MessageDecision::take_down, button_h, intents);
        return;
      }
      if (row_button(true, !m.featured, m.featured ? tr(Text::camp_unfeature) : tr(Text::camp_feature), button_h))
        intents.push_back(FeatureMessage{m.id, !m.featured});
      mark_last_item("campaign_feature", m.id);
      if (row_button(false, false, tr(Text::camp_take_down), button_h)) {
        choosing_reason_ = m.id;
        reveal_reasons_ = true;
      }
      mark_last_item("campaign_take_down", m.id);
    });
    ImGui::PopID();
  }
  ImGui::EndDisabled();
  ImGui::EndChild();
}

}  // namespace gongyou::ui
