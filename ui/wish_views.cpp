// ui/wish_views.cpp — see wish_views.h.
//
// [SECTION] Small pieces
// [SECTION] The wall
// [SECTION] One wish
// [SECTION] The form and mine
// [SECTION] The desk (staff)
// [SECTION] Hotlines
#include "ui/wish_views.h"

#include <cstdio>
#include <cstring>

#include "core/campaign.h"  // message_length
#include "imgui.h"
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
constexpr ImU32 kWarmBg = IM_COL32(255, 244, 230, 255);
constexpr ImU32 kOpen = IM_COL32(47, 158, 68, 255);
constexpr ImU32 kWaiting = IM_COL32(232, 89, 12, 255);

const char* category_label(WishCategory c) {
  switch (c) {
    case WishCategory::study: return tr(Text::wish_cat_study);
    case WishCategory::household: return tr(Text::wish_cat_household);
    case WishCategory::daily: return tr(Text::wish_cat_daily);
    case WishCategory::health: return tr(Text::wish_cat_health);
    case WishCategory::other: return tr(Text::wish_cat_other);
  }
  return "";
}

const char* status_label(WishStatus s) {
  switch (s) {
    case WishStatus::pending: return tr(Text::wish_status_pending);
    case WishStatus::open: return tr(Text::wish_status_open);
    case WishStatus::rejected: return tr(Text::wish_status_rejected);
    case WishStatus::claimed: return tr(Text::wish_status_claimed);
    case WishStatus::fulfilled: return tr(Text::wish_status_fulfilled);
  }
  return "";
}

ImU32 status_color(WishStatus s) {
  switch (s) {
    case WishStatus::open: return kOpen;
    case WishStatus::pending:
    case WishStatus::claimed: return kWaiting;
    case WishStatus::fulfilled: return kBrandRed;
    case WishStatus::rejected: return kTextMuted;
  }
  return kTextMuted;
}

/// "张师傅 · 螺城镇 · 学习用品 · 约 120 元".
const char* byline(const Wish& w, char* out, std::size_t size) {
  std::snprintf(out, size, tr(Text::wish_byline_fmt), w.display_name.c_str(), w.town.c_str(), category_label(w.category),
                static_cast<long long>(w.estimated_yuan));
  return out;
}

/// Plain text, wrapped, never interpreted.
void plain(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
}

/// A tab-like row of choices; true when choice `k` was tapped.
bool chip(bool first, bool on, const char* label, float button_h) { return row_button(first, on, label, button_h); }

void back_to_wall(float button_h, std::vector<Intent>& intents) {
  if (secondary_button(tr(Text::wish_back), ImVec2(0, button_h))) intents.push_back(ShowWishWall{});
  mark_last_item("wish_back");
}

}  // namespace

void WishViews::draw(const WishState& s, bool signed_in, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  ImGui::BeginChild("##wishes", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(scroll_);
  switch (s.view) {
    case WishView::wall: draw_wall(s, signed_in, button_h, intents); break;
    case WishView::detail: draw_detail(s, signed_in, button_h, intents); break;
    case WishView::form: draw_form(s, button_h, intents); break;
    case WishView::mine: draw_mine(s, button_h, intents); break;
    case WishView::desk: draw_desk(s, button_h, intents); break;
    case WishView::hotlines: draw_hotlines(s, button_h, intents); break;
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The wall
//-------------------------------------------------------------------------------------------------

void WishViews::draw_wall(const WishState& s, bool signed_in, float button_h, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::wish_title));
  char line[256];
  boxed("##wish_figures", kWarmBg, [&] {
    std::snprintf(line, sizeof line, tr(Text::wish_figures_fmt), static_cast<long long>(s.workers_helped),
                  static_cast<long long>(s.wishes_fulfilled));
    large(line, 1.1f);
    mark_last_item("wish_figures");
    muted(tr(Text::wish_intro));
  });
  if (row_button(true, true, tr(Text::wish_make), button_h)) intents.push_back(ShowWishForm{});
  mark_last_item("wish_make");
  if (signed_in) {
    if (row_button(false, false, tr(Text::wish_mine), button_h)) intents.push_back(ShowMyWishes{});
    mark_last_item("wish_mine");
    if (row_button(false, false, tr(Text::wish_desk), button_h)) intents.push_back(ShowWishDesk{});
    mark_last_item("wish_desk");
  }
  // Open or fulfilled (with the thanks), then the category and the town.
  if (chip(true, s.wall_status == WishStatus::open, tr(Text::wish_status_open), button_h))
    intents.push_back(FilterWishes{WishStatus::open, s.category, s.town});
  if (chip(false, s.wall_status == WishStatus::fulfilled, tr(Text::wish_status_fulfilled), button_h))
    intents.push_back(FilterWishes{WishStatus::fulfilled, s.category, s.town});
  mark_last_item("wish_filter_fulfilled");
  // The category and the town as two drop-downs side by side: 6 categories and 17 towns as chips pushed every wish
  // below the fold on a phone.
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##wish_category", s.category ? category_label(*s.category) : tr(Text::wish_all_categories))) {
    if (ImGui::Selectable(tr(Text::wish_all_categories), !s.category))
      intents.push_back(FilterWishes{s.wall_status, std::nullopt, s.town});
    for (const WishCategory c : kWishCategories) {
      ImGui::PushID(static_cast<int>(c));
      if (ImGui::Selectable(category_label(c), s.category == c)) intents.push_back(FilterWishes{s.wall_status, c, s.town});
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  mark_last_item("wish_category");
  if (!s.towns.empty()) {
    const char* town_name = tr(Text::wish_all_towns);
    for (const WishTown& t : s.towns)
      if (s.town == t.id) town_name = t.name.c_str();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##wish_town", town_name)) {
      if (ImGui::Selectable(tr(Text::wish_all_towns), !s.town))
        intents.push_back(FilterWishes{s.wall_status, s.category, UnionId{}});
      for (const WishTown& t : s.towns) {
        ImGui::PushID(static_cast<int>(t.id.value));
        if (ImGui::Selectable(t.name.c_str(), s.town == t.id)) intents.push_back(FilterWishes{s.wall_status, s.category, t.id});
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    mark_last_item("wish_town");
  }
  ImGui::Spacing();
  if (s.wall.empty()) muted(s.loading ? tr(Text::wish_loading) : s.failed ? tr(Text::wish_load_failed) : tr(Text::wish_none));
  for (const Wish& w : s.wall) {
    ImGui::PushID(static_cast<int>(w.id.value));
    boxed("##wish_card", kCardBg, [&] {
      colored(status_color(w.status), status_label(w.status));
      large(w.title.c_str(), 1.05f);
      mark_last_item("wish_row", w.id);
      muted(byline(w, line, sizeof line));
      if (w.status == WishStatus::fulfilled && !w.thanks.empty()) {
        std::snprintf(line, sizeof line, tr(Text::wish_thanks_fmt), w.thanks.c_str());
        colored(kBrandRed, line);
      }
      if (w.status == WishStatus::open && row_button(true, true, tr(Text::wish_view), button_h) && !scroll_.dragged)
        intents.push_back(OpenWish{w.id});
      mark_last_item("wish_open", w.id);
    });
    ImGui::PopID();
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] One wish
//-------------------------------------------------------------------------------------------------

void WishViews::draw_detail(const WishState& s, bool signed_in, float button_h, std::vector<Intent>& intents) {
  back_to_wall(button_h, intents);
  if (!s.wish) {
    muted(s.failed ? tr(Text::wish_not_found) : tr(Text::wish_loading));
    return;
  }
  const Wish& w = *s.wish;
  char line[256];
  colored(status_color(w.status), status_label(w.status));
  mark_last_item("wish_status", w.id);
  large(w.title.c_str(), 1.2f);
  mark_last_item("wish_title", w.id);
  muted(byline(w, line, sizeof line));
  boxed("##wish_story", kWarmBg, [&] { plain(w.story); });
  if (w.status == WishStatus::open && !w.mine) {
    if (!signed_in) {
      muted(tr(Text::wish_sign_in_to_claim));
      if (row_button(true, true, tr(Text::sign_in), button_h)) intents.push_back(OpenAuth{false});
      mark_last_item("wish_sign_in");
    } else {
      ImGui::BeginDisabled(s.claiming);
      if (confirm_button(confirm_, "wish_claim", w.id.value, tr(Text::wish_claim), tr(Text::wish_claim_confirm),
                         ImVec2(0, button_h)))
        intents.push_back(ClaimWish{w.id});
      ImGui::EndDisabled();
      muted(tr(Text::wish_claim_note));
    }
  } else if (w.claimed_by_me) {
    colored(kOpen, tr(Text::wish_claimed_by_me));
    mark_last_item("wish_claimed_by_me", w.id);
  } else if (w.status == WishStatus::claimed) {
    muted(tr(Text::wish_taken));
    mark_last_item("wish_taken", w.id);
  }
  if (w.mine) muted(tr(Text::wish_is_mine));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The form and mine
//-------------------------------------------------------------------------------------------------

void WishViews::draw_form(const WishState& s, float button_h, std::vector<Intent>& intents) {
  if (s.submitted != submitted_seen_) {
    submitted_seen_ = s.submitted;
    title_[0] = story_[0] = '\0';
  }
  back_to_wall(button_h, intents);
  ImGui::SeparatorText(tr(Text::wish_make));
  muted(tr(Text::wish_form_note));
  char line[128];
  ImGui::TextUnformatted(tr(Text::wish_field_title));
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##wish_title", title_, sizeof title_);
  mark_last_item("wish_form_title");
  const std::size_t title_len = message_length(title_);
  std::snprintf(line, sizeof line, tr(Text::wish_count_fmt), static_cast<int>(title_len), static_cast<int>(kWishTitleMaxChars));
  colored(title_len > kWishTitleMaxChars ? kBrandRed : kTextMuted, line);
  ImGui::TextUnformatted(tr(Text::wish_field_story));
  ImGui::InputTextMultiline("##wish_story", story_, sizeof story_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5.0f));
  mark_last_item("wish_form_story");
  const std::size_t story_len = message_length(story_);
  std::snprintf(line, sizeof line, tr(Text::wish_count_fmt), static_cast<int>(story_len), static_cast<int>(kWishStoryMaxChars));
  colored(story_len > kWishStoryMaxChars ? kBrandRed : kTextMuted, line);
  ImGui::TextUnformatted(tr(Text::wish_field_yuan));
  ImGui::SetNextItemWidth(160.0f);
  ImGui::InputInt("##wish_yuan", &yuan_, 10, 100);
  mark_last_item("wish_form_yuan");
  if (yuan_ < kWishMinYuan) yuan_ = static_cast<int>(kWishMinYuan);
  if (yuan_ > kWishMaxYuan) yuan_ = static_cast<int>(kWishMaxYuan);
  ImGui::TextUnformatted(tr(Text::wish_field_category));
  for (int k = 0; k < static_cast<int>(std::size(kWishCategories)); ++k) {
    ImGui::PushID(k);
    if (chip(k == 0, category_ == k, category_label(kWishCategories[k]), button_h)) category_ = k;
    ImGui::PopID();
  }
  const bool empty = std::strspn(title_, " ") == std::strlen(title_) || std::strspn(story_, " \t\r\n") == std::strlen(story_);
  ImGui::BeginDisabled(empty || title_len > kWishTitleMaxChars || story_len > kWishStoryMaxChars || s.submitting);
  if (row_button(true, true, tr(Text::wish_submit), button_h))
    intents.push_back(SubmitWish{title_, story_, yuan_, kWishCategories[category_]});
  mark_last_item("wish_form_submit");
  ImGui::EndDisabled();
}

void WishViews::draw_mine(const WishState& s, float button_h, std::vector<Intent>& intents) {
  back_to_wall(button_h, intents);
  char line[512];
  ImGui::SeparatorText(tr(Text::wish_mine));
  if (s.mine.empty()) muted(tr(Text::wish_none_mine));
  for (const Wish& w : s.mine) {
    ImGui::PushID(static_cast<int>(w.id.value));
    boxed("##mine", kCardBg, [&] {
      colored(status_color(w.status), status_label(w.status));
      large(w.title.c_str(), 1.0f);
      mark_last_item("wish_mine_row", w.id);
      if (w.status == WishStatus::rejected && !w.reason.empty()) {
        std::snprintf(line, sizeof line, tr(Text::wish_reason_fmt), w.reason.c_str());
        muted(line);
      }
      if (w.status == WishStatus::fulfilled && !w.thanks.empty()) {
        std::snprintf(line, sizeof line, tr(Text::wish_thanks_fmt), w.thanks.c_str());
        muted(line);
      } else if (w.status == WishStatus::fulfilled) {
        if (thanking_ != w.id) {
          if (row_button(true, false, tr(Text::wish_write_thanks), button_h)) thanking_ = w.id;
        } else {
          ImGui::InputTextMultiline("##thanks", thanks_, sizeof thanks_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.0f));
          const std::size_t length = message_length(thanks_);
          std::snprintf(line, sizeof line, tr(Text::wish_count_fmt), static_cast<int>(length), static_cast<int>(kWishThanksMaxChars));
          colored(length > kWishThanksMaxChars ? kBrandRed : kTextMuted, line);
          ImGui::BeginDisabled(thanks_[0] == '\0' || length > kWishThanksMaxChars);
          if (row_button(true, true, tr(Text::wish_send_thanks), button_h)) {
            intents.push_back(ThankWish{w.id, thanks_});
            thanks_[0] = '\0';
            thanking_ = {};
          }
          ImGui::EndDisabled();
        }
      }
    });
    ImGui::PopID();
  }
  ImGui::SeparatorText(tr(Text::wish_claims));
  if (s.claims.empty()) muted(tr(Text::wish_none_claims));
  for (const Wish& w : s.claims) {
    ImGui::PushID(static_cast<int>(w.id.value));
    colored(status_color(w.status), status_label(w.status));
    ImGui::SameLine();
    ImGui::TextUnformatted(w.title.c_str());
    mark_last_item("wish_claim_row", w.id);
    muted(byline(w, line, sizeof line));
    ImGui::PopID();
  }
  muted(tr(Text::wish_claims_note));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The desk (staff)
//-------------------------------------------------------------------------------------------------

void WishViews::draw_desk(const WishState& s, float button_h, std::vector<Intent>& intents) {
  back_to_wall(button_h, intents);
  char line[512];
  std::snprintf(line, sizeof line, tr(Text::wish_desk_pending_fmt), static_cast<int>(s.pending.size()));
  ImGui::SeparatorText(line);
  if (s.pending.empty()) muted(tr(Text::wish_desk_empty));
  for (const Wish& w : s.pending) {
    ImGui::PushID(static_cast<int>(w.id.value));
    boxed("##vet", kCardBg, [&] {
      large(w.title.c_str(), 1.0f);
      mark_last_item("wish_vet_row", w.id);
      muted(byline(w, line, sizeof line));
      muted(w.union_name.c_str());
      plain(w.story);
      std::snprintf(line, sizeof line, tr(Text::wish_contact_fmt), tr(Text::wish_wisher),
                    w.wisher_phone.empty() ? "—" : w.wisher_phone.c_str());
      muted(line);
      ImGui::BeginDisabled(s.deciding);
      if (row_button(true, true, tr(Text::wish_approve), button_h)) intents.push_back(VetWish{w.id, WishDecision::approve, {}});
      mark_last_item("wish_approve", w.id);
      if (row_button(false, false, tr(Text::wish_reject), button_h))
        intents.push_back(VetWish{w.id, WishDecision::reject, tr(Text::wish_reject_reason)});
      mark_last_item("wish_reject", w.id);
      ImGui::EndDisabled();
    });
    ImGui::PopID();
  }
  std::snprintf(line, sizeof line, tr(Text::wish_desk_claimed_fmt), static_cast<int>(s.claimed.size()));
  ImGui::SeparatorText(line);
  muted(tr(Text::wish_desk_privacy));
  for (const Wish& w : s.claimed) {
    ImGui::PushID(static_cast<int>(w.id.value));
    boxed("##arrange", kCardBg, [&] {
      large(w.title.c_str(), 1.0f);
      mark_last_item("wish_arrange_row", w.id);
      muted(byline(w, line, sizeof line));
      std::snprintf(line, sizeof line, tr(Text::wish_contact_fmt), tr(Text::wish_wisher),
                    w.wisher_phone.empty() ? "—" : w.wisher_phone.c_str());
      ImGui::TextUnformatted(line);
      char who[160];
      std::snprintf(who, sizeof who, "%s %s", tr(Text::wish_claimant), w.claimant_name.c_str());
      std::snprintf(line, sizeof line, tr(Text::wish_contact_fmt), who,
                    w.claimant_phone.empty() ? "—" : w.claimant_phone.c_str());
      ImGui::TextUnformatted(line);
      ImGui::BeginDisabled(s.deciding);
      if (confirm_button(confirm_, "wish_fulfilled", w.id.value, tr(Text::wish_mark_fulfilled),
                         tr(Text::wish_mark_fulfilled_confirm), ImVec2(0, button_h)))
        intents.push_back(MarkWishFulfilled{w.id});
      ImGui::EndDisabled();
    });
    ImGui::PopID();
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Hotlines
//-------------------------------------------------------------------------------------------------

void WishViews::draw_hotlines(const WishState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::hotline_title));
  muted(tr(Text::hotline_intro));
  if (s.hotlines.empty()) muted(tr(Text::wish_loading));
  char line[256];
  for (std::size_t index = 0; index < s.hotlines.size(); ++index) {
    const HotlineEntry& h = s.hotlines[index];
    ImGui::PushID(h.key.c_str());
    boxed("##hotline", kCardBg, [&] {
      colored(h.open_now ? kOpen : kTextMuted, h.open_now ? tr(Text::hotline_open_now) : tr(Text::hotline_closed_now));
      mark_last_item(h.open_now ? "hotline_open" : "hotline_closed", static_cast<std::int64_t>(index));
      large(h.name.c_str(), 1.05f);
      muted(h.summary.c_str());
      std::snprintf(line, sizeof line, "%s · %s", h.number.c_str(), h.hours_text.c_str());
      muted(line);
      std::snprintf(line, sizeof line, tr(Text::hotline_call_fmt), h.number.c_str());
      if (row_button(true, true, line, button_h) && !scroll_.dragged) intents.push_back(OpenLink{h.tel});
      mark_last_item("hotline_call", static_cast<std::int64_t>(index));
      if (h.counselling) muted(tr(Text::hotline_counselling_note));
    });
    ImGui::PopID();
  }
}

}  // namespace gongyou::ui
