// ui/app_shell.h — the app's frame: the side panel (desktop) or bottom sheet (phone) with its header, the four
// sections (首页 · 地图 · 学堂 · 我的: in the panel's header on desktop, a bottom tab bar with 44 px targets on
// phones), the messages of every screen (offline, reminders, the feedback line), the screen router and the sign-in
// dialog. Reads the App, emits Intents; no I/O. Each screen's view lives in its own file (ui/*_view.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/intent.h"
#include "imgui.h"
#include "ui/booking_views.h"
#include "ui/course_views.h"
#include "ui/home_view.h"
#include "ui/me_view.h"
#include "ui/membership_views.h"
#include "ui/campaign_views.h"
#include "ui/wish_views.h"
#include "ui/article_views.h"
#include "ui/quiz_views.h"
#include "ui/activity_views.h"
#include "ui/site_finder_view.h"
#include "ui/staff_view.h"

namespace gongyou::ui {

/// The frame around the screens, and what it remembers between frames.
class AppShell {
 public:
  /// Width in CSS px below which the panel becomes a bottom sheet with a tab bar (phones).
  static constexpr float kPhoneBreakpoint = 640;
  /// Height in CSS px below which the panel is compact (one-line header, icon chips): a phone turned sideways.
  static constexpr float kShortScreen = 560;
  /// Height in CSS px of the phone's bottom tab bar (its targets are at least 44 px).
  static constexpr float kTabBarHeight = 58;
  /// The phone's sheet at its lowest: the header line and the search field over the map.
  static constexpr float kSheetPeek = 150;
  /// The sheet's handle: the top of the sheet a finger drags or taps.
  static constexpr float kSheetHandleHeight = 44;

  /// Where the phone's sheet rests.
  enum class SheetStop : std::uint8_t { peek, half, full };

  /// Draws the frame for a display of `screen` CSS px; appends what the user asked for to `intents`.
  void draw(const App& app, ImVec2 screen, std::vector<Intent>& intents);

  /// How much of the map the UI covers: x = from the left (desktop), y = from the bottom (phone), CSS px.
  ImVec2 map_insets() const { return map_insets_; }
  /// The site finder (its drawn rows and controls, for the browser test hook).
  const SiteFinderView& finder() const { return finder_; }

 private:
  void draw_header(const App& app, std::vector<Intent>& intents);
  /// The four sections as buttons in the header (desktop), with the account at the right.
  void draw_sections(const App& app, std::vector<Intent>& intents);
  /// The four sections as the phone's bottom tab bar, a window of its own.
  void draw_tab_bar(const App& app, ImVec2 screen, std::vector<Intent>& intents);
  void draw_screen(const App& app, std::vector<Intent>& intents);
  /// The phone sheet's height this frame, in a `room` CSS px tall above the tab bar.
  float sheet_height(const App& app, float room);
  float sheet_stop_height(SheetStop stop, float room) const;
  /// The handle at the sheet's top: a drag moves the sheet and lets it settle at the nearest stop; a tap toggles.
  void draw_sheet_handle(float room);
  /// Tells screen readers about a new screen, selection, chosen slot or message (once each).
  void announce_changes(const App& app, std::vector<Intent>& intents);

  AuthDialog auth_;
  SiteFinderView finder_;
  SlotGridView slot_grid_;
  StaffView staff_;
  ConfirmTap confirm_;  ///< 退出, once armed
  CourseViews courses_;
  HomeView home_;
  MeView me_;
  MembershipViews membership_;
  QuizViews quizzes_;
  CampaignViews campaigns_;
  WishViews wishes_;
  ActivityViews activities_;
  ArticleViews articles_;
  ImVec2 map_insets_;
  bool phone_ = false;    // bottom-sheet layout this frame
  bool compact_ = false;  // phone or short screen: one-line header
  SheetStop sheet_stop_ = SheetStop::half;       // where the phone's sheet rests
  SheetStop sheet_natural_ = SheetStop::half;    // the current screen's own stop
  Screen sheet_section_ = Screen::home;          // the section the stop was chosen in
  std::optional<float> sheet_drag_height_;       // while the handle is dragged
  float sheet_drag_start_ = 0;
  // What screen readers were last told about (a message, a chosen slot, a selected site).
  std::string announced_feedback_;
  int announced_number_ = 0;
  std::int64_t announced_slot_ = 0, announced_site_ = 0;
};

}  // namespace gongyou::ui
