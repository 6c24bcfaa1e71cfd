// ui/staff_view.cpp — see staff_view.h.
#include "ui/staff_view.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "core/booking_rules.h"
#include "ui/booking_views.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

/// The way to the coverage analysis (覆盖分析), the other staff page.
void coverage_button(std::vector<Intent>& intents) {
  if (secondary_button(tr(Text::staff_nav_coverage))) intents.push_back(ShowScreen{Screen::coverage});
  mark_last_item("staff_nav_coverage");
}

/// A boxed note when the statutory holiday table no longer covers the coming month: "PH" hours past it count
/// only the fixed-date holidays (core/public_holidays.h), and staff should know before visitors find a site shut.
void holiday_table_notice(const StaffDeskState& state) {
  if (state.holiday_table == HolidayTableReach::covers) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 244, 230, 255));
  ImGui::BeginChild("##holiday_table", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_NavFlattened);
  if (state.holiday_table == HolidayTableReach::ends_soon)
    ImGui::TextWrapped(tr(Text::holiday_table_ends_soon_fmt), state.holiday_table_last_year,
                       state.holiday_table_days_left, state.holiday_table_last_year + 1);
  else
    ImGui::TextWrapped(tr(Text::holiday_table_ended_fmt), state.holiday_table_last_year);
  ImGui::EndChild();
  mark_last_item("holiday_table_notice");
  ImGui::PopStyleColor();
}

}  // namespace

void StaffView::site_picker(const StaffDeskState& state, const SiteFinderState& sites, float width,
                            std::vector<Intent>& intents) {
  ImGui::SetNextItemWidth(width);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetTextLineHeightWithSpacing() * 12));
  const bool open = ImGui::BeginCombo("##staff_site", state.site ? state.site_name.c_str() : tr(Text::staff_pick_site_short));
  mark_last_item("staff_site_picker");
  if (!open) return;
  if (ImGui::IsWindowAppearing()) {
    site_filter_[0] = '\0';
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##staff_site_filter", tr(Text::search_hint), site_filter_, sizeof site_filter_);
  mark_last_item("staff_site_filter");
  for (const Site& site : sites.all_sites()) {
    if (!site.bookable) continue;
    if (site_filter_[0] && !contains_text(site.name, site_filter_) && !contains_text(site.address, site_filter_) &&
        !contains_text(site.town, site_filter_))
      continue;
    ImGui::PushID(static_cast<int>(site.id.value));
    if (ImGui::Selectable(site.name.c_str(), state.site == site.id)) intents.push_back(OpenStaffDesk{site.id});
    mark_last_item("staff_site", site.id.value);
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

void StaffView::draw(const StaffDeskState& state, const SiteFinderState& sites, UtcSeconds now,
                     std::vector<Intent>& intents) {
  const float right_x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  // The coverage analysis at the right of the site picker: no row of its own, the roster keeps the room on a phone.
  const float w = ImGui::CalcTextSize(tr(Text::staff_nav_coverage)).x + ImGui::GetStyle().FramePadding.x * 2;
  site_picker(state, sites, std::max(ImGui::GetFontSize() * 6, right_x - ImGui::GetCursorPosX() - w -
                                                                 ImGui::GetStyle().ItemSpacing.x), intents);
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right_x - w));
  coverage_button(intents);
  if (!state.site) {
    holiday_table_notice(state);
    ImGui::TextWrapped("%s", tr(Text::staff_pick_site));
    return;
  }
  if (state.template_revision != form_revision_ && state.template_form) {
    form_ = *state.template_form;
    form_revision_ = state.template_revision;
  }
  ImGui::BeginChild("##staff", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  holiday_table_notice(state);  // first in the scrolling part: seen on opening, then out of the roster's way

  ImGui::SeparatorText(tr(Text::template_title));
  ImGui::TextUnformatted(tr(Text::weekdays_label));
  for (int d = 1; d <= 7; ++d) {
    ImGui::PushID(d);
    if (d > 1 && d != 5) ImGui::SameLine();  // two rows: Mon–Thu, Fri–Sun
    ImGui::Checkbox(weekday_name(d), &form_.weekdays[d]);
    ImGui::PopID();
  }
  const float field = ImGui::CalcTextSize("00:000").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Text::open_label));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("##open", form_.open, sizeof form_.open, ImGuiInputTextFlags_CharsDecimal);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Text::close_label));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("##close", form_.close, sizeof form_.close, ImGuiInputTextFlags_CharsDecimal);
  ImGui::SetNextItemWidth(140);
  ImGui::InputInt(tr(Text::slot_minutes_label), &form_.slot_minutes, 15, 60);
  ImGui::SetNextItemWidth(140);
  ImGui::InputInt(tr(Text::capacity_label), &form_.capacity, 1, 5);
  if (primary_button(tr(Text::save_template))) intents.push_back(SaveTemplate{form_});
  mark_last_item("save_template");

  ImGui::SeparatorText(tr(Text::roster_title));
  if (secondary_button("‹")) intents.push_back(ShiftRosterDay{-1});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(format_day(state.roster_day).c_str());
  ImGui::SameLine();
  if (secondary_button("›")) intents.push_back(ShiftRosterDay{1});
  mark_last_item("roster_next");
  ImGui::SameLine();
  if (secondary_button(tr(Text::export_csv))) intents.push_back(ExportRoster{});
  bool any = false;
  for (const RosterSlot& row : state.roster) {
    if (row.bookings.empty()) continue;
    any = true;
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::Text("%s–%s · %d/%d", format_time(shanghai_time(row.slot.start)).c_str(),
                format_time(shanghai_time(row.slot.end)).c_str(), row.slot.booked, row.slot.capacity);
    ImGui::PopStyleColor();
    for (const Booking& b : row.bookings) {
      ImGui::PushID(static_cast<int>(b.id.value));
      ImGui::AlignTextToFramePadding();
      if (b.group_size > 1) {
        char group[32];
        std::snprintf(group, sizeof group, tr(Text::group_fmt), b.group_size);
        ImGui::BulletText("%s · %s", b.user_name.c_str(), group);
      } else {
        ImGui::BulletText("%s", b.user_name.c_str());
      }
      if (b.status == BookingStatus::confirmed) {
        // 签到 in the pass window only, as at the door (core pass_window; the server refuses it outside too): a
        // tap on tomorrow's row must not check someone in (issue 14.7).
        const PassWindow window = pass_window(row.slot.start, row.slot.end);
        ImGui::SameLine();
        if (now < window.valid_from) {
          char opens[64];
          std::snprintf(opens, sizeof opens, tr(Text::check_in_opens_fmt),
                        format_time(shanghai_time(window.valid_from)).c_str());
          ImGui::TextDisabled("%s", opens);
        } else if (now >= window.valid_until) {
          ImGui::TextDisabled("%s", tr(Text::check_in_closed));
        } else {
          if (primary_button(tr(Text::check_in))) intents.push_back(CheckIn{b.id});
          mark_last_item("check_in", b.id);
        }
        ImGui::SameLine();
        if (confirm_button(confirm_, "staff_cancel", b.id.value, tr(Text::staff_cancel), tr(Text::staff_cancel_confirm)))
          intents.push_back(StaffCancel{b.id});
      } else if (b.status == BookingStatus::pending) {
        ImGui::SameLine();
        if (primary_button(tr(Text::approve))) intents.push_back(DecideVisit{b.id, true, ""});
        mark_last_item("approve_visit", b.id);
        ImGui::SameLine();
        if (secondary_button(tr(Text::deny))) intents.push_back(DecideVisit{b.id, false, tr(Text::deny_default_reason)});
        mark_last_item("deny_visit", b.id);
      } else {
        ImGui::SameLine();
        char status[256];
        ImGui::TextDisabled("%s", booking_status_text(b, status, sizeof status));
      }
      ImGui::PopID();
    }
  }
  if (!any) ImGui::TextDisabled("%s", tr(Text::no_roster));
  ImGui::EndChild();
}

}  // namespace gongyou::ui
