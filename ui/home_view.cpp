// ui/home_view.cpp — see home_view.h.
//
// [SECTION] The tiles (one line per service)
// [SECTION] Drawing
#include "ui/home_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"  // RenderTextEllipsis
#include "ui/booking_views.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/site_finder_view.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] The tiles
//-------------------------------------------------------------------------------------------------

void show(Screen screen, std::vector<Intent>& intents) { intents.push_back(ShowScreen{screen}); }

constexpr ServiceTile kTiles[] = {
    {"阵", 0xC8102E, Text::tile_sites, TileFor::everyone, "tile_sites",
     [](const App&, std::vector<Intent>& i) { show(Screen::map, i); }},
    {"圈", 0xE8590C, Text::tile_coverage_map, TileFor::everyone, "tile_coverage_map",
     [](const App& app, std::vector<Intent>& i) {
       show(Screen::map, i);
       if (!app.sites().coverage_on()) i.push_back(ToggleCoverage{});
     }},
    {"学", 0x1971C2, Text::tile_courses, TileFor::everyone, "tile_courses",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowCourses{CourseView::catalog}); }},
    {"送", 0x2F9E44, Text::tile_lecture, TileFor::everyone, "tile_lecture",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowCourses{CourseView::request_form}); }},
    {"约", 0x7048E8, Text::tile_my_bookings, TileFor::everyone, "tile_my_bookings",
     [](const App&, std::vector<Intent>& i) { show(Screen::me, i); }},
    {"信", 0xF08C00, Text::tile_messages, TileFor::everyone, "tile_messages",
     [](const App&, std::vector<Intent>& i) { show(Screen::me, i); }},
    {"答", 0x0C8599, Text::tile_quizzes, TileFor::everyone, "tile_quizzes",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowQuizList{}); }},
    {"言", 0x9C36B5, Text::tile_campaigns, TileFor::everyone, "tile_campaigns",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowCampaigns{}); }},
    {"愿", 0xD6336C, Text::tile_wishes, TileFor::everyone, "tile_wishes", [](const App&, std::vector<Intent>& i) { i.push_back(ShowWishWall{}); }},
    {"热", 0x1098AD, Text::tile_hotlines, TileFor::everyone, "tile_hotlines", [](const App&, std::vector<Intent>& i) { i.push_back(ShowHotlines{}); }},
    {"活", 0x5F3DC4, Text::tile_activities, TileFor::everyone, "tile_activities",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowActivityList{}); }},
    {"讯", 0x5C7CFA, Text::tile_articles, TileFor::everyone, "tile_articles",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowArticles{}); }},
    {"会", 0xC2255C, Text::mem_my_union, TileFor::everyone, "tile_my_union",
     [](const App&, std::vector<Intent>& i) { show(Screen::my_union, i); }},
    {"员", 0x495057, Text::mem_staff_desk, TileFor::union_staff, "tile_members",
     [](const App&, std::vector<Intent>& i) { show(Screen::staff_members, i); }},
    {"管", 0x495057, Text::tile_staff, TileFor::admin, "tile_staff",
     [](const App&, std::vector<Intent>& i) { show(Screen::staff, i); }},
    {"覆", 0x495057, Text::tile_coverage, TileFor::admin, "tile_coverage",
     [](const App&, std::vector<Intent>& i) { show(Screen::coverage, i); }},
    {"审", 0x495057, Text::tile_lecture_review, TileFor::admin, "tile_lecture_review",
     [](const App&, std::vector<Intent>& i) { i.push_back(ShowCourses{CourseView::staff_requests}); }},
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Drawing
//-------------------------------------------------------------------------------------------------

/// A tile: a coloured square with its glyph, the label under it; the whole of it is the button.
bool tile(const ServiceTile& t, float width, int unread) {
  const float side = std::min(width * 0.62f, 56.0f);
  const float label_h = ImGui::GetTextLineHeight() * 0.85f;
  const float height = side + 6 + label_h + 4;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(t.mark);
  const bool clicked = ImGui::InvisibleButton("##tile", ImVec2(width, height), ImGuiButtonFlags_EnableNav);
  ImGui::PopID();
  mark_last_item(t.mark);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 a(p.x + (width - side) / 2, p.y), b(a.x + side, a.y + side);
  dl->AddRectFilled(a, b, rgb(t.rgb, hovered ? 255 : 235), side * 0.28f);
  const float glyph = side * 0.5f;
  const ImVec2 g = ImGui::GetFont()->CalcTextSizeA(glyph, FLT_MAX, 0, t.glyph);
  dl->AddText(ImGui::GetFont(), glyph, ImVec2(a.x + (side - g.x) / 2, a.y + (side - g.y) / 2), IM_COL32_WHITE, t.glyph);
  if (unread > 0) {  // the unread count, as a badge at the tile's corner
    char count[8];
    std::snprintf(count, sizeof count, "%d", std::min(unread, 99));
    const float r = side * 0.2f;
    dl->AddCircleFilled(ImVec2(b.x - 2, a.y + 2), r, kBrandRed);
    const ImVec2 c = ImGui::GetFont()->CalcTextSizeA(r * 1.3f, FLT_MAX, 0, count);
    dl->AddText(ImGui::GetFont(), r * 1.3f, ImVec2(b.x - 2 - c.x / 2, a.y + 2 - c.y / 2), IM_COL32_WHITE, count);
  }
  const char* label = tr(t.label);
  const float size = kBaseFontSize * 0.8f;
  const float label_w = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, label).x;
  // A label wider than its tile (a long English name) ends in "…" instead of running into the next tile.
  const ImVec2 at(p.x + std::max(0.0f, (width - label_w) / 2), b.y + 6);
  ImGui::PushFont(nullptr, size);
  ImGui::RenderTextEllipsis(dl, at, ImVec2(p.x + width, at.y + label_h + 4), p.x + width, label, nullptr, nullptr);
  ImGui::PopFont();
  return clicked;
}

/// A card: a bordered box the width of the panel, drawn around what `body` draws; true when tapped.
template <class Body>
bool card(const char* id, Body body) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(248, 249, 250, 255));
  ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding |
                                          ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  body();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return ImGui::IsItemClicked();
}

}  // namespace

void HomeView::draw(const App& app, bool phone, std::vector<Intent>& intents) {
  const SessionState& session = app.session();
  ImGui::BeginChild("##home", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  if (session.user) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::Text(tr(Text::home_greeting_fmt), session.user->display_name.c_str());
    ImGui::PopStyleColor();
  }

  // The tiles, four a row.
  const int columns = 4;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * (columns - 1)) / columns;
  int drawn = 0;
  for (const ServiceTile& t : kTiles) {
    if (t.shown_to == TileFor::admin && !(session.user && session.user->admin)) continue;
    if (t.shown_to == TileFor::union_staff && !(session.user && app.membership().union_staff())) continue;
    if (drawn % columns != 0) ImGui::SameLine();
    const int unread = t.label == Text::tile_messages ? app.notifications().unread() : 0;
    if (tile(t, std::max(width, phone ? 44.0f : 0.0f), unread)) t.tap(app, intents);
    ++drawn;
  }

  // The site nearest to the worker (or to the map's centre, until the app knows where they are).
  const SiteFinderState& sites = app.sites();
  if (!sites.listed().empty()) {
    const ListedSite& nearest = sites.listed().front();
    ImGui::SeparatorText(tr(sites.origin_kind() == OriginKind::user_location ? Text::home_nearest_me
                                                                               : Text::home_nearest_center));
    const bool tapped = card("##nearest", [&] {
      type_icon(nearest.site->type, ImGui::GetFontSize() * 1.6f);
      ImGui::SameLine();
      ImGui::BeginGroup();
      ImGui::TextUnformatted(nearest.site->name.c_str());
      char distance[32], walk[32];
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      if (walk_worth_showing(nearest.walk))
        ImGui::Text("%s · %s · %s", format_distance(nearest.distance, distance, sizeof distance),
                    format_walk(nearest.walk, walk, sizeof walk), local_name(nearest.site->town).data());
      else
        ImGui::Text("%s · %s", format_distance(nearest.distance, distance, sizeof distance),
                    local_name(nearest.site->town).data());
      ImGui::PopStyleColor();
      ImGui::EndGroup();
    });
    mark_last_item("home_nearest", nearest.site->id);
    if (tapped) {
      intents.push_back(ShowScreen{Screen::map});
      intents.push_back(SelectSite{nearest.site->id});
    }
  }

  // The next booking, or how to make one.
  ImGui::SeparatorText(tr(Text::home_next_booking));
  if (!session.user) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", tr(Text::home_sign_in_hint));
    ImGui::PopStyleColor();
    if (primary_button(tr(Text::sign_in), ImVec2(0, phone ? 44.0f : 0.0f))) intents.push_back(OpenAuth{false});
    mark_last_item("home_sign_in");
  } else if (const Booking* next = app.bookings().next_booking(app.now())) {
    const bool tapped = card("##next_booking", [&] {
      ImGui::TextUnformatted(next->site_name.c_str());
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      char status[160];
      ImGui::Text("%s · %s", format_interval(next->start, next->end).c_str(),
                  booking_status_text(*next, status, sizeof status));
      ImGui::PopStyleColor();
    });
    mark_last_item("home_next_booking", next->id);
    if (tapped) intents.push_back(ShowScreen{Screen::me});
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", tr(Text::home_no_booking));
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
