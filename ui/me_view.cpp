// ui/me_view.cpp — see me_view.h.
#include "ui/me_view.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/activity_views.h"
#include "ui/i18n.h"
#include "ui/membership_views.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

void account(const SessionState& session, float button_h, ConfirmTap& confirm, std::vector<Intent>& intents) {
  if (!session.user) {
    muted(tr(Text::me_signed_out));
    if (primary_button(tr(Text::sign_in), ImVec2(0, button_h))) intents.push_back(OpenAuth{false});
    mark_last_item("me_sign_in");
    ImGui::SameLine();
    if (secondary_button(tr(Text::register_account), ImVec2(0, button_h))) intents.push_back(OpenAuth{true});
    mark_last_item("me_register");
    return;
  }
  const User& user = *session.user;
  ImGui::PushFont(nullptr, kBaseFontSize * 1.1f);
  ImGui::TextUnformatted(user.display_name.c_str());
  ImGui::PopFont();
  mark_last_item("me_name");
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::Text("%s%s%s", user.username.c_str(), user.admin ? " · " : "", user.admin ? tr(Text::staff_badge) : "");
  ImGui::PopStyleColor();
  if (confirm_button(confirm, "me_sign_out", 0, tr(Text::sign_out), tr(Text::sign_out_confirm), ImVec2(0, button_h)))
    intents.push_back(Logout{});
}

void messages(const NotificationsState& notes, std::vector<Intent>& intents) {
  char title[64];
  std::snprintf(title, sizeof title, tr(Text::me_notifications_fmt), notes.unread());
  ImGui::SeparatorText(notes.unread() > 0 ? title : tr(Text::notifications_title));
  mark_last_item("me_messages");
  if (notes.items.empty()) return muted(tr(Text::me_no_notifications));
  int shown = 0;
  for (const Notification& n : notes.items) {
    if (n.read && shown >= 3) break;  // every unread one, and a few read ones for context
    ImGui::PushStyleColor(ImGuiCol_Text, n.read ? kTextMuted : ImGui::GetColorU32(ImGuiCol_Text));
    if (n.kind == "membership_update") {  // an application moved: the words wrap, a tap opens my union
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s", n.message.empty() ? tr(Text::mem_notification_default) : n.message.c_str());
      if (ImGui::IsItemClicked()) intents.push_back(ShowScreen{Screen::my_union});
      mark_last_item("me_membership_note", n.id);
    } else {
      ImGui::BulletText("%s", n.message.c_str());
    }
    ImGui::PopStyleColor();
    ++shown;
  }
  if (notes.unread() > 0 && secondary_button(tr(Text::mark_read))) intents.push_back(MarkNotificationsRead{});
}

void courses(const CourseState& state, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::my_courses));
  if (state.mine.empty()) return muted(tr(Text::no_my_courses));
  for (const Enrollment& e : state.mine) {
    ImGui::PushID(static_cast<int>(e.course.id.value));
    if (ImGui::Selectable(e.course.title.c_str())) {
      intents.push_back(ShowCourses{CourseView::catalog});
      intents.push_back(OpenCourse{e.course.id});
    }
    mark_last_item("me_course", e.course.id);
    char line[96];
    if (e.status == BookingStatus::waitlisted)
      std::snprintf(line, sizeof line, tr(Text::waitlisted_badge_fmt), e.waitlist_position);
    else
      std::snprintf(line, sizeof line, tr(Text::progress_fmt), e.lessons_done, e.lessons_total);
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextUnformatted(line);
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

void staff_tools(bool admin, float button_h, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::me_staff_tools));
  // Union staff have the members desk; the sites, rosters, coverage and lectures stay the admins'.
  if (secondary_button(tr(Text::mem_staff_desk), ImVec2(0, button_h))) intents.push_back(ShowScreen{Screen::staff_members});
  mark_last_item("me_members");
  if (!admin) return;
  same_line_or_wrap(button_width(tr(Text::tile_staff)));
  if (secondary_button(tr(Text::tile_staff), ImVec2(0, button_h))) intents.push_back(ShowScreen{Screen::staff});
  mark_last_item("me_staff");
  same_line_or_wrap(button_width(tr(Text::tile_coverage)));
  if (secondary_button(tr(Text::tile_coverage), ImVec2(0, button_h))) intents.push_back(ShowScreen{Screen::coverage});
  mark_last_item("me_coverage");
  same_line_or_wrap(button_width(tr(Text::tile_lecture_review)));
  if (secondary_button(tr(Text::tile_lecture_review), ImVec2(0, button_h)))
    intents.push_back(ShowCourses{CourseView::staff_requests});
  mark_last_item("me_lecture_review");
}

}  // namespace

void MeView::draw(const App& app, bool phone, std::vector<Intent>& intents) {
  const SessionState& session = app.session();
  const float button_h = phone ? 44.0f : 0.0f;
  if (app.bookings().pass) {  // a door pass fills the screen: it is held up to the door's reader
    bookings_.draw(app.bookings(), app.now(), intents);
    return;
  }
  ImGui::BeginChild("##me", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  account(session, button_h, confirm_, intents);
  if (session.user) {
    messages(app.notifications(), intents);
    ImGui::SeparatorText(tr(Text::tab_my_bookings));
    bookings_.draw(app.bookings(), app.now(), intents);
    courses(app.courses(), intents);
    draw_my_activities(app.activities(), button_h, intents);
    draw_membership_summary(app.membership(), button_h, intents);
    if (session.user->admin || app.membership().union_staff()) staff_tools(session.user->admin, button_h, intents);
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
