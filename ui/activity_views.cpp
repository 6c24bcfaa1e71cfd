// ui/activity_views.cpp — see activity_views.h.
//
// [SECTION] Small pieces
// [SECTION] The list
// [SECTION] One activity
// [SECTION] 我的活动
#include "ui/activity_views.h"

#include <cstdio>
#include <cstdlib>

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

constexpr ImU32 kGood = IM_COL32(47, 158, 68, 255);
constexpr ImU32 kWait = IM_COL32(232, 89, 12, 255);
constexpr ImU32 kCardBg = IM_COL32(248, 249, 250, 255);
constexpr ImU32 kMineBg = IM_COL32(235, 251, 238, 255);

void big(const char* text, float scale) {
  ImGui::PushFont(nullptr, kBaseFontSize * scale);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
}

const char* kind_label(ActivityKind k) {
  switch (k) {
    case ActivityKind::sports: return tr(Text::act_kind_sports);
    case ActivityKind::culture: return tr(Text::act_kind_culture);
    case ActivityKind::lecture: return tr(Text::act_kind_lecture);
    case ActivityKind::family: return tr(Text::act_kind_family);
    case ActivityKind::volunteer: return tr(Text::act_kind_volunteer);
    case ActivityKind::matchmaking: return tr(Text::act_kind_matchmaking);
  }
  return "";
}

ImU32 kind_color(ActivityKind k) {
  return k == ActivityKind::matchmaking ? IM_COL32(214, 51, 108, 255) : IM_COL32(25, 113, 194, 255);
}

/// "12月5日 周六 09:00–11:00", or "12月1日 周二 09:00 – 12月31日 周四 09:00" over several days.
ShortText when_line(const ActivityTimes& t) {
  if (shanghai_date(t.starts_at) == shanghai_date(UtcSeconds{t.ends_at.value - 1})) return format_interval(t.starts_at, t.ends_at);
  ShortText out;
  std::snprintf(out.text, sizeof out.text, "%s – %s", format_day(shanghai_date(t.starts_at)).c_str(),
                format_day(shanghai_date(UtcSeconds{t.ends_at.value - 1})).c_str());
  return out;
}

/// "剩余 3 / 20 个名额", "名额已满 · 候补 5 人" or "不限名额".
const char* places_line(const ActivitySummary& a, char* out, std::size_t size) {
  if (!a.places) std::snprintf(out, size, tr(Text::act_unlimited_fmt), a.confirmed);
  else if (a.places_left.value_or(0) > 0) std::snprintf(out, size, tr(Text::act_places_left_fmt), *a.places_left, *a.places);
  else std::snprintf(out, size, tr(Text::act_full_fmt), a.waitlist);
  return out;
}

/// My status in words: 已报名, 候补第 N 位, 已签到, 已取消.
const char* status_line(const MySignup& s, char* out, std::size_t size) {
  switch (s.status) {
    case SignupStatus::confirmed: return tr(Text::act_status_confirmed);
    case SignupStatus::waitlisted:
      std::snprintf(out, size, tr(Text::act_status_waitlisted_fmt), s.waitlist_position.value_or(0));
      return out;
    case SignupStatus::checked_in: return tr(Text::act_status_checked_in);
    case SignupStatus::cancelled: break;
  }
  return tr(Text::act_status_cancelled);
}

ImU32 status_color(SignupStatus s) {
  return s == SignupStatus::waitlisted ? kWait : s == SignupStatus::cancelled ? kTextMuted : kGood;
}

const char* place_name(const ActivitySummary& a) { return a.site ? a.site->name.c_str() : tr(Text::act_online); }

}  // namespace

void ActivityViews::draw(const ActivityState& s, bool signed_in, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  switch (s.view) {
    case ActivityView::list: draw_list(s, button_h, intents); break;
    case ActivityView::detail: draw_detail(s, signed_in, button_h, intents); break;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The list
//-------------------------------------------------------------------------------------------------

void ActivityViews::draw_list(const ActivityState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##activity_list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(list_scroll_);
  ImGui::SeparatorText(tr(Text::act_title));
  muted(tr(Text::act_intro));
  muted(tr(Text::act_intro_waitlist));
  // Kind chips: 全部 and one per kind; the chosen one is filled.
  if (row_button(true, !s.kind, tr(Text::act_kind_all), button_h)) intents.push_back(FilterActivities{std::nullopt});
  mark_last_item("activity_kind_all");
  for (ActivityKind k : kActivityKinds) {
    ImGui::PushID(static_cast<int>(k));
    if (row_button(false, s.kind == k, kind_label(k), button_h)) intents.push_back(FilterActivities{k});
    mark_last_item("activity_kind", static_cast<std::int64_t>(k));
    ImGui::PopID();
  }
  ImGui::Spacing();
  if (s.activities.empty())
    muted(s.loading ? tr(Text::act_loading) : s.failed ? tr(Text::act_load_failed) : tr(Text::act_none));
  char line[200];
  for (const ActivitySummary& a : s.activities) {
    ImGui::PushID(static_cast<int>(a.id.value));
    boxed("##activity_card", kCardBg, [&] {
      colored(kind_color(a.kind), kind_label(a.kind));
      big(a.title.c_str(), 1.05f);
      mark_last_item("activity_row", a.id);
      muted(when_line(a.times).c_str());
      muted(place_name(a));
      colored(a.places && a.places_left.value_or(0) == 0 ? kWait : kGood, places_line(a, line, sizeof line));
      const bool open = a.signup == SignupWindow::open;
      if (row_button(true, open, open ? tr(Text::act_go) : tr(Text::act_details), button_h) && !list_scroll_.dragged)
        intents.push_back(OpenActivity{a.id});
      mark_last_item("activity_open", a.id);
    });
    ImGui::PopID();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] One activity
//-------------------------------------------------------------------------------------------------

void ActivityViews::draw_detail(const ActivityState& s, bool signed_in, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##activity_detail", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(detail_scroll_);
  if (secondary_button(tr(Text::act_back), ImVec2(0, button_h))) intents.push_back(ShowActivityList{});
  mark_last_item("activity_back");
  if (!s.activity) {
    muted(s.failed ? tr(Text::act_not_found) : tr(Text::act_loading));
    ImGui::EndChild();
    return;
  }
  const ActivitySummary& a = *s.activity;
  char line[320];
  colored(kind_color(a.kind), kind_label(a.kind));
  big(a.title.c_str(), 1.2f);
  mark_last_item("activity_title", a.id);
  if (!a.union_name.empty()) {
    std::snprintf(line, sizeof line, tr(Text::act_organizer_fmt), a.union_name.c_str());
    muted(line);
  }
  std::snprintf(line, sizeof line, tr(Text::act_when_fmt), when_line(a.times).c_str());
  ImGui::TextWrapped("%s", line);
  if (a.site) {
    std::snprintf(line, sizeof line, tr(Text::act_where_fmt), a.site->name.c_str(), a.site->address.c_str());
    ImGui::TextWrapped("%s", line);
    if (secondary_button(tr(Text::act_show_on_map), ImVec2(0, button_h))) intents.push_back(SelectSite{a.site->id});
    mark_last_item("activity_map", a.site->id);
  } else {
    ImGui::TextWrapped("%s", tr(Text::act_online_where));
  }
  colored(a.places && a.places_left.value_or(0) == 0 ? kWait : kGood, places_line(a, line, sizeof line));
  mark_last_item("activity_places", a.id);
  if (a.places && a.waitlist > 0 && a.places_left.value_or(0) > 0) {
    std::snprintf(line, sizeof line, tr(Text::act_waiting_fmt), a.waitlist);
    muted(line);
  }
  if (a.members_only) muted(tr(Text::act_members_only));
  if (a.kind == ActivityKind::matchmaking) {
    std::snprintf(line, sizeof line, tr(Text::act_age_range_fmt), a.min_age, a.max_age);
    muted(line);
  }
  if (!a.description.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", a.description.c_str());  // plain text, never markup
  }
  ImGui::Spacing();
  draw_actions(s, a, signed_in, button_h, intents);
  ImGui::EndChild();
}

void ActivityViews::draw_actions(const ActivityState& s, const ActivitySummary& a, bool signed_in, float button_h,
                                 std::vector<Intent>& intents) {
  char line[200];
  if (a.me && a.me->status != SignupStatus::cancelled) {
    boxed("##activity_mine", kMineBg, [&] {
      colored(status_color(a.me->status), status_line(*a.me, line, sizeof line));
      mark_last_item("activity_my_status", a.id);
      if (a.me->status == SignupStatus::waitlisted) muted(tr(Text::act_waitlist_note));
    });
    if (a.me->status != SignupStatus::checked_in) {  // until the start; the server says when it is too late
      ImGui::BeginDisabled(s.busy);
      if (confirm_button(confirm_, "activity_cancel", a.id.value, tr(Text::act_cancel), tr(Text::act_cancel_confirm),
                         ImVec2(0, button_h)))
        intents.push_back(CancelActivitySignup{a.id});
      ImGui::EndDisabled();
    }
    return;
  }
  switch (a.signup) {
    case SignupWindow::not_yet_open:
      std::snprintf(line, sizeof line, tr(Text::act_opens_fmt), format_day(shanghai_date(a.times.signup_opens_at)).c_str());
      muted(line);
      return;
    case SignupWindow::closed:
      muted(tr(Text::act_closed));
      return;
    case SignupWindow::open:
      break;
  }
  if (!signed_in) {
    muted(tr(Text::act_sign_in_to_join));
    if (row_button(true, true, tr(Text::sign_in), button_h)) intents.push_back(OpenAuth{false});
    mark_last_item("activity_sign_in");
    return;
  }
  if (a.kind == ActivityKind::matchmaking) return draw_declaration(a, s.busy, button_h, intents);
  const bool full = a.places && a.places_left.value_or(0) == 0;
  ImGui::BeginDisabled(s.busy);
  if (row_button(true, true, full ? tr(Text::act_join_waitlist) : tr(Text::act_sign_up), button_h))
    intents.push_back(SignUpForActivity{a.id, std::nullopt});
  mark_last_item("activity_sign_up", a.id);
  ImGui::EndDisabled();
}

void ActivityViews::draw_declaration(const ActivitySummary& a, bool busy, float button_h, std::vector<Intent>& intents) {
  if (declaration_for_ != a.id) {  // another event: an empty form
    declaration_for_ = a.id;
    age_[0] = phone_[0] = '\0';
    single_ = false;
  }
  boxed("##activity_declaration", kCardBg, [&] {
    ImGui::TextWrapped("%s", tr(Text::act_declaration_title));
    muted(tr(Text::act_declaration_privacy));
    ImGui::TextUnformatted(tr(Text::act_age));
    ImGui::SetNextItemWidth(120.0f);
    ImGui::InputText("##activity_age", age_, sizeof age_, ImGuiInputTextFlags_CharsDecimal);
    mark_last_item("activity_age");
    ImGui::TextUnformatted(tr(Text::act_phone));
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputText("##activity_phone", phone_, sizeof phone_, ImGuiInputTextFlags_CharsNoBlank);
    mark_last_item("activity_phone");
    if (toggle_switch(tr(Text::act_single), single_, button_h > 0)) single_ = !single_;
    mark_last_item("activity_single");
  });
  const int age = std::atoi(age_);
  const bool complete = age > 0 && single_ && phone_[0] != '\0';
  ImGui::BeginDisabled(busy || !complete);
  if (row_button(true, true, tr(Text::act_sign_up), button_h))
    intents.push_back(SignUpForActivity{a.id, MatchmakingDeclaration{age, single_, phone_}});
  mark_last_item("activity_sign_up", a.id);
  ImGui::EndDisabled();
  if (!complete) muted(tr(Text::act_declaration_hint));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] 我的活动
//-------------------------------------------------------------------------------------------------

void draw_my_activities(const ActivityState& state, float button_h, std::vector<Intent>& intents) {
  if (state.mine.empty()) return;  // nothing to show: 我的 stays short (the way in is the 活动报名 tile on 首页)
  ImGui::SeparatorText(tr(Text::act_mine));
  char line[160];
  for (const MyActivity& m : state.mine) {
    ImGui::PushID(static_cast<int>(m.signup.id.value));
    if (ImGui::Selectable(m.activity.title.c_str(), false, 0, ImVec2(0, button_h)))
      intents.push_back(OpenActivity{m.activity.id});
    mark_last_item("me_activity", m.activity.id);
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(m.signup.status));
    ImGui::TextUnformatted(status_line(m.signup, line, sizeof line));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    muted(when_line(m.activity.times).c_str());
    ImGui::PopID();
  }
}

}  // namespace gongyou::ui
