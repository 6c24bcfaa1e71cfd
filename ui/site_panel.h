// ui/site_panel.h — the site finder panel: search, type filters, near me, the site list and details.
// Reads SiteFinderState, emits Intents; no I/O.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/booking_views.h"
#include "ui/course_views.h"
#include "ui/coverage_analysis_view.h"
#include "ui/i18n.h"
#include "ui/staff_view.h"
#include "ui/touch_scroll.h"
#include "app/sites/site_finder_state.h"
#include "app/bookings/bookings.h"
#include "app/intent.h"
#include "app/sites/site_links.h"

namespace gongyou::ui {

/// A list row as drawn this frame (screen rectangle in CSS px), for the browser test hook.
struct DrawnRow {
  SiteId site;
  ImVec2 min, max;
};

/// The panel and what it remembers between frames (search text, scroll requests).
class SitePanel {
 public:
  /// Width in CSS px below which the panel becomes a bottom sheet (phones).
  static constexpr float kPhoneBreakpoint = 640;
  /// Height in CSS px below which the panel is compact (one-line header, icon chips): a phone turned sideways.
  static constexpr float kShortScreen = 560;

  /// Draws the panel for a screen of `screen` CSS px at time `now`; appends what the user asked for to `intents`.
  void draw(const SiteFinderState& state, const BookingState& bookings, const CourseState& courses,
            const CoverageAnalysisState& coverage, UtcSeconds now, ImVec2 screen, std::vector<Intent>& intents);

  /// How much of the map the panel covers: x = from the left (desktop), y = from the bottom (phone), CSS px.
  ImVec2 map_insets() const { return map_insets_; }

  /// Rows drawn in the last frame.
  const std::vector<DrawnRow>& drawn_rows() const { return drawn_rows_; }
  /// Where the "near me" button and the search field were drawn in the last frame (test hook).
  ImRect near_me_rect() const { return near_me_rect_; }
  ImRect search_rect() const { return search_rect_; }

 private:
  void draw_header(const SiteFinderState& state, const BookingState& bookings, std::vector<Intent>& intents);
  void draw_tabs(const BookingState& bookings, std::vector<Intent>& intents);
  void draw_search(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_type_filters(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_origin(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_filter_menu(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_details(const SiteFinderState& state, const BookingState& bookings, std::vector<Intent>& intents);
  void draw_list(const SiteFinderState& state, std::vector<Intent>& intents);
  /// Tells screen readers about a new selection, chosen slot or message (once each).
  void announce_changes(const SiteFinderState& state, const BookingState& bookings, std::vector<Intent>& intents);

  char search_[128] = {};
  AuthDialog auth_;
  StaffView staff_;
  CourseViews courses_;
  std::uint64_t seen_map_selection_ = 0;
  OriginKind seen_origin_ = OriginKind::map_center;
  std::vector<DrawnRow> drawn_rows_;
  ImVec2 map_insets_;
  ImRect near_me_rect_, search_rect_;
  // What screen readers were last told about (a message, a chosen slot, a selected site).
  std::string announced_feedback_;
  int announced_number_ = 0;
  std::int64_t announced_slot_ = 0, announced_site_ = 0;
  bool phone_ = false;          // bottom-sheet layout this frame
  bool compact_ = false;        // phone or short screen: one-line header, icon chips, card replaces filters
  TouchScroll list_scroll_;     // finger scrolling of the site list
  TouchScroll details_scroll_;  // finger scrolling of a long details card

  /// The selected site's details as shown, formatted once per site and language (an idle frame allocates nothing).
  struct DetailsText {
    std::int64_t site = 0;
    Language language = Language::zh_CN;
    std::string hours, facilities;
    SiteLinks links;
    float label_width = 0;  // the widest field label of the language
  };
  DetailsText details_;
};

/// Draws a site type's round icon (colored disc with its character) with its top-left at the cursor.
void type_icon(SiteType type, float diameter);

}  // namespace gongyou::ui
