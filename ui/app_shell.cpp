// ui/app_shell.cpp — see app_shell.h.
//
// [SECTION] Frame (side panel on desktops, bottom sheet and tab bar on phones)
// [SECTION] Header and sections
// [SECTION] Tab bar (phones)
// [SECTION] Screens
// [SECTION] Screen readers
#include "ui/app_shell.h"

#include <algorithm>
#include <cstdio>

#include "ui/coverage_analysis_view.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

/// A section of the app: its label, the screen it opens, and its test mark.
struct Section {
  Screen screen;
  Text label;
  const char* mark;
};
constexpr Section kSections[] = {
    {Screen::home, Text::tab_home, "tab_home"},
    {Screen::map, Text::tab_sites, "tab_map"},
    {Screen::courses, Text::tab_courses, "tab_courses"},
    {Screen::me, Text::tab_me, "tab_me"},
};

/// What tapping a section asks for.
Intent open_section(Screen screen) {
  if (screen == Screen::courses) return ShowCourses{CourseView::catalog};
  return ShowScreen{screen};
}

/// True when the screen shows a map-bound task on a phone: the sheet leaves more of the map in view there.
bool map_matters(const App& app) {
  switch (app.screen()) {
    case Screen::map: return true;
    case Screen::courses: return app.courses().view == CourseView::request_form;  // the place is the map's centre
    case Screen::coverage: return app.coverage_analysis().on_map;                 // the "where next" pins
    default: return false;
  }
}

/// The language switch at the right of the header line: "EN" in Chinese, "中文" in English.
void language_switch(std::vector<Intent>& intents) {
  const bool zh = language() == Language::zh_CN;
  const char* label = zh ? "EN" : "中文";
  ImGui::PushFont(nullptr, kBaseFontSize * 0.8f);
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine();
  const float x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), x));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 2));
  if (secondary_button(label)) {
    set_language(zh ? Language::en : Language::zh_CN);  // a view setting: no I/O here
    intents.push_back(SaveLanguage{zh ? "en" : "zh-CN"});
  }
  mark_last_item("language");
  ImGui::PopStyleVar();
  ImGui::PopFont();
}

/// The icon of a section, drawn in a `size` square at `at` (simple shapes: no font needed).
void section_icon(Screen screen, ImVec2 at, float size, ImU32 color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = size, x = at.x, y = at.y, w = std::max(1.5f, s * 0.09f);
  switch (screen) {
    case Screen::home:  // a house
      dl->AddTriangleFilled(ImVec2(x + s * 0.5f, y + s * 0.08f), ImVec2(x + s * 0.05f, y + s * 0.5f),
                            ImVec2(x + s * 0.95f, y + s * 0.5f), color);
      dl->AddRectFilled(ImVec2(x + s * 0.2f, y + s * 0.46f), ImVec2(x + s * 0.8f, y + s * 0.92f), color, s * 0.06f);
      break;
    case Screen::map:  // a pin
      dl->AddCircleFilled(ImVec2(x + s * 0.5f, y + s * 0.38f), s * 0.3f, color);
      dl->AddTriangleFilled(ImVec2(x + s * 0.24f, y + s * 0.5f), ImVec2(x + s * 0.76f, y + s * 0.5f),
                            ImVec2(x + s * 0.5f, y + s * 0.95f), color);
      dl->AddCircleFilled(ImVec2(x + s * 0.5f, y + s * 0.38f), s * 0.11f, IM_COL32_WHITE);
      break;
    case Screen::courses:  // an open book
      dl->AddRect(ImVec2(x + s * 0.06f, y + s * 0.2f), ImVec2(x + s * 0.5f, y + s * 0.86f), color, s * 0.05f, 0, w);
      dl->AddRect(ImVec2(x + s * 0.5f, y + s * 0.2f), ImVec2(x + s * 0.94f, y + s * 0.86f), color, s * 0.05f, 0, w);
      break;
    default:  // me: a person
      dl->AddCircleFilled(ImVec2(x + s * 0.5f, y + s * 0.3f), s * 0.2f, color);
      dl->PathArcTo(ImVec2(x + s * 0.5f, y + s * 0.98f), s * 0.4f, 3.14159f, 2 * 3.14159f, 16);
      dl->PathFillConvex(color);
      break;
  }
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Frame
//-------------------------------------------------------------------------------------------------

void AppShell::draw(const App& app, ImVec2 screen, std::vector<Intent>& intents) {
  phone_ = screen.x < kPhoneBreakpoint;
  compact_ = phone_ || screen.y < kShortScreen;
  if (phone_) {
    // Above the tab bar. The booking and course screens need the room: the sheet rises over most of the map there,
    // except where the map is part of the task. The worker drags the handle between peek, half and full.
    const float room = screen.y - kTabBarHeight;
    const float h = sheet_height(app, room);
    ImGui::SetNextWindowPos(ImVec2(0, room - h));
    ImGui::SetNextWindowSize(ImVec2(screen.x, h));
    map_insets_ = ImVec2(0, h + kTabBarHeight);
  } else {
    const float w = std::min(400.0f, screen.x * 0.4f);
    ImGui::SetNextWindowPos(ImVec2(12, 12));
    ImGui::SetNextWindowSize(ImVec2(w, screen.y - 24));
    map_insets_ = ImVec2(12 + w, 0);
  }
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  if (ImGui::Begin("##sites", nullptr, flags)) {
    if (phone_) draw_sheet_handle(screen.y - kTabBarHeight);
    draw_header(app, intents);
    if (!phone_) draw_sections(app, intents);
    if (app.sites().offline()) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 96, 0, 255));
      ImGui::TextWrapped("%s", tr(Text::offline_banner));
      ImGui::PopStyleColor();
    }
    draw_reminders(app.bookings(), app.now());
    draw_feedback(app.session(), intents);
    draw_screen(app, intents);
    auth_.draw(app.session(), screen, intents);
  }
  ImGui::End();
  if (phone_) draw_tab_bar(app, screen, intents);
  announce_changes(app, intents);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The phone's sheet: peek, half, full
//-------------------------------------------------------------------------------------------------

float AppShell::sheet_stop_height(SheetStop stop, float room) const {
  switch (stop) {
    case SheetStop::peek: return std::min(room, kSheetPeek);
    case SheetStop::half: return std::max(std::min(320.0f, room), room * 0.6f);
    case SheetStop::full: return std::max(std::min(320.0f, room), room * 0.86f);
  }
  return room;
}

float AppShell::sheet_height(const App& app, float room) {
  // A new section starts at its own stop (half where the map is part of the task); the worker's choice holds
  // until they leave the section.
  const Screen section = section_of(app.screen());
  const SheetStop natural = map_matters(app) ? SheetStop::half : SheetStop::full;
  if (section != sheet_section_ || natural != sheet_natural_) {
    sheet_section_ = section;
    sheet_natural_ = natural;
    sheet_stop_ = natural;
  }
  if (sheet_drag_height_) return std::clamp(*sheet_drag_height_, std::min(room, kSheetPeek), room);
  return sheet_stop_height(sheet_stop_, room);
}

void AppShell::draw_sheet_handle(float room) {
  // The whole top of the sheet (44 px, the grab bar and the header line) is the handle; the header's own buttons,
  // submitted after it, keep their taps.
  const ImVec2 top = ImGui::GetWindowPos();
  const float height = ImGui::GetWindowHeight();
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(top);
  ImGui::SetNextItemAllowOverlap();
  ImGui::InvisibleButton("##sheet_handle", ImVec2(ImGui::GetWindowWidth(), kSheetHandleHeight));
  mark_last_item("sheet_handle");
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 6)) {
    if (!sheet_drag_height_) sheet_drag_start_ = height;
    sheet_drag_height_ = sheet_drag_start_ - ImGui::GetMouseDragDelta(0, 6).y;
  }
  if (ImGui::IsItemDeactivated()) {
    if (sheet_drag_height_) {  // released after a drag: the nearest stop
      SheetStop nearest = SheetStop::peek;
      for (SheetStop stop : {SheetStop::half, SheetStop::full})
        if (std::abs(sheet_stop_height(stop, room) - *sheet_drag_height_) <
            std::abs(sheet_stop_height(nearest, room) - *sheet_drag_height_))
          nearest = stop;
      sheet_stop_ = nearest;
      sheet_drag_height_.reset();
    } else if (ImGui::IsItemHovered()) {  // a tap: up to full, or back down to half
      sheet_stop_ = sheet_stop_ == SheetStop::full ? SheetStop::half : SheetStop::full;
    }
  }
  ImGui::SetCursorScreenPos(cursor);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Header and sections
//-------------------------------------------------------------------------------------------------

void AppShell::draw_header(const App& app, std::vector<Intent>& intents) {
  const SiteFinderState& sites = app.sites();
  char count[48];
  std::snprintf(count, sizeof count, tr(Text::sites_count), static_cast<int>(sites.shown_total()));
  if (compact_) {
    // Bottom sheet (with its grab handle) or a short screen: one line, to leave the room to the list.
    const ImVec2 top = ImGui::GetWindowPos();
    const float mid = top.x + ImGui::GetWindowWidth() / 2;
    if (phone_)
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(mid - 22, top.y + 6), ImVec2(mid + 22, top.y + 10),
                                                IM_COL32(200, 200, 205, 255), 2);
    ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
    ImGui::TextColored(ImColor(kBrandRed), "%s", tr(Text::app_title));
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::Text("%s · %s", tr(sites.national_scale() ? Text::region_national : Text::region_title), count);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    language_switch(intents);  // a short desktop window or a turned phone: draw() puts the sections under the line
    return;
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float size = ImGui::GetFontSize() * 1.9f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), kBrandRed, 8);
  const char* logo = "工";
  const float logo_size = size * 0.62f;
  const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(logo_size, FLT_MAX, 0, logo);
  dl->AddText(ImGui::GetFont(), logo_size, ImVec2(p.x + (size - ts.x) / 2, p.y + (size - ts.y) / 2), IM_COL32_WHITE,
              logo);
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(nullptr, kBaseFontSize * 1.15f);
  ImGui::TextUnformatted(tr(Text::app_title));
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
  ImGui::Text("%s · %s", tr(sites.national_scale() ? Text::region_national : Text::region_title), count);
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  language_switch(intents);
}

void AppShell::draw_sections(const App& app, std::vector<Intent>& intents) {
  if (compact_ && !phone_ && ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1) ImGui::NewLine();
  const float right_x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  const Screen current = section_of(app.screen());
  for (const Section& s : kSections) {
    if (s.screen == current ? primary_button(tr(s.label)) : secondary_button(tr(s.label)))
      intents.push_back(open_section(s.screen));
    mark_last_item(s.mark);
    ImGui::SameLine();
  }
  // The account, at the right: sign in, or sign out (the name is on 我的 and in the tooltip).
  const SessionState& session = app.session();
  // Signed in, the button names who (issue 14.13: the name was never shown): "李华 · 退出".
  char signed_in_as[96];
  if (session.user) {
    char name[40];
    std::snprintf(signed_in_as, sizeof signed_in_as, tr(Text::signed_in_as_fmt),
                  utf8_prefix(session.user->display_name, 8, name, sizeof name));
  }
  const char* account = !session.user                                         ? tr(Text::sign_in)
                        : confirm_.is_armed("account", 0, ImGui::GetTime()) ? tr(Text::sign_out_confirm)
                                                                            : signed_in_as;
  const float w = ImGui::CalcTextSize(account).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right_x - w));
  if (!session.user) {
    if (secondary_button(account)) intents.push_back(OpenAuth{false});
    mark_last_item("account");
  } else if (confirm_button(confirm_, "account", 0, signed_in_as, tr(Text::sign_out_confirm))) {
    intents.push_back(Logout{});
  }
  if (session.user && ImGui::IsItemHovered() && ImGui::GetIO().MouseSource == ImGuiMouseSource_Mouse)
    ImGui::SetTooltip("%s", session.user->display_name.c_str());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Tab bar
//-------------------------------------------------------------------------------------------------

void AppShell::draw_tab_bar(const App& app, ImVec2 screen, std::vector<Intent>& intents) {
  ImGui::SetNextWindowPos(ImVec2(0, screen.y - kTabBarHeight));
  ImGui::SetNextWindowSize(ImVec2(screen.x, kTabBarHeight));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  if (ImGui::Begin("##tab_bar", nullptr, flags)) {
    const Screen current = section_of(app.screen());
    const float w = screen.x / std::size(kSections);
    const int unread = app.notifications().unread();
    for (const Section& s : kSections) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::PushID(s.mark);
      if (ImGui::InvisibleButton("##tab", ImVec2(w, kTabBarHeight), ImGuiButtonFlags_EnableNav))
        intents.push_back(open_section(s.screen));
      ImGui::PopID();
      mark_last_item(s.mark);
      const ImU32 color = s.screen == current ? kBrandRed : kTextMuted;
      const float icon = 22;
      section_icon(s.screen, ImVec2(p.x + (w - icon) / 2, p.y + 7), icon, color);
      if (s.screen == Screen::me && unread > 0)  // messages waiting: a dot on 我的
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + w / 2 + icon * 0.6f, p.y + 9), 5, kBrandRed);
      const char* label = tr(s.label);
      ImGui::PushFont(nullptr, kBaseFontSize * 0.7f);
      const ImVec2 ts = ImGui::CalcTextSize(label);
      ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + (w - ts.x) / 2, p.y + 7 + icon + 4), color, label);
      ImGui::PopFont();
      ImGui::SameLine();
    }
  }
  ImGui::End();
  ImGui::PopStyleVar(3);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Screens
//-------------------------------------------------------------------------------------------------

void AppShell::draw_screen(const App& app, std::vector<Intent>& intents) {
  switch (app.screen()) {
    case Screen::home: home_.draw(app, phone_, intents); break;
    case Screen::map: finder_.draw(app.sites(), app.session(), phone_, compact_, intents); break;
    case Screen::slots: slot_grid_.draw(app.bookings(), app.now(), intents); break;
    case Screen::me: me_.draw(app, phone_, intents); break;
    case Screen::staff: staff_.draw(app.staff_desk(), app.sites(), app.now(), intents); break;
    case Screen::coverage:
      draw_staff_nav(app.screen(), intents);
      draw_coverage_analysis(app.coverage_analysis(), intents);
      break;
    case Screen::courses: courses_.draw(app.courses(), app.session(), app.sites(), app.now(), intents); break;
    case Screen::my_union: membership_.draw_my_union(app.membership(), phone_, intents); break;
    case Screen::unions: membership_.draw_finder(app.membership(), app.session().user.has_value(), phone_, intents); break;
    case Screen::member_profile: membership_.draw_profile(app.membership(), app.now(), phone_, intents); break;
    case Screen::staff_members: membership_.draw_staff(app.membership(), phone_, intents); break;
    case Screen::quizzes: quizzes_.draw(app.quizzes(), app.now(), app.session().user.has_value(), phone_, intents); break;
    case Screen::campaigns: campaigns_.draw(app.campaigns(), app.session().user.has_value(), phone_, intents); break;
    case Screen::activities: activities_.draw(app.activities(), app.session().user.has_value(), phone_, intents); break;
    case Screen::articles: articles_.draw(app.articles(), phone_, intents); break;
    case Screen::wishes: wishes_.draw(app.wishes(), app.session().user.has_value(), phone_, intents); break;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Screen readers
//-------------------------------------------------------------------------------------------------

void AppShell::announce_changes(const App& app, std::vector<Intent>& intents) {
  const SessionState& session = app.session();
  const BookingState& bookings = app.bookings();
  // Compared without building the sentence: an idle frame allocates nothing.
  const Slot* chosen = bookings.chosen();
  const Site* site = app.sites().selected();
  const std::int64_t slot_key = chosen ? chosen->id.value : 0, site_key = site ? site->id.value : 0;
  const bool same_feedback = session.feedback ? announced_feedback_ == session.feedback->code &&
                                                    announced_number_ == session.feedback->number
                                              : announced_feedback_.empty();
  if (same_feedback && slot_key == announced_slot_ && site_key == announced_site_) return;
  announced_feedback_ = session.feedback ? session.feedback->code : "";
  announced_number_ = session.feedback ? session.feedback->number : 0;
  announced_slot_ = slot_key;
  announced_site_ = site_key;

  char text[512];
  text[0] = 0;
  if (session.feedback) {
    char buffer[256];
    std::snprintf(text, sizeof text, "%s", feedback_text(*session.feedback, buffer, sizeof buffer));
  } else if (const Slot* slot = chosen) {
    char remaining[48];
    std::snprintf(remaining, sizeof remaining, tr(Text::remaining_fmt), slot->remaining);
    std::snprintf(text, sizeof text, "%s %s %s", bookings.site_name.c_str(),
                  format_interval(slot->start, slot->end).c_str(), remaining);
  } else if (const auto selected = app.sites().selected_distance()) {
    char distance[32], walk[32];
    const std::string_view type = type_name(selected->site->type);
    std::snprintf(text, sizeof text, "%s，%.*s，%s%s%s", selected->site->name.c_str(), static_cast<int>(type.size()),
                  type.data(), format_distance(selected->distance, distance, sizeof distance),
                  walk_worth_showing(selected->walk) ? "，" : "",
                  walk_worth_showing(selected->walk) ? format_walk(selected->walk, walk, sizeof walk) : "");
  }
  if (text[0]) intents.push_back(Announce{text});
}

}  // namespace gongyou::ui
