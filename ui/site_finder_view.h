// ui/site_finder_view.h — the site finder (地图 section): search, type filters, near me and the filter menu, the
// selected site's card with its actions, and the site list. Reads SiteFinderState, emits Intents; no I/O.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/intent.h"
#include "app/session.h"
#include "app/sites/site_finder_state.h"
#include "app/sites/site_links.h"
#include "imgui.h"
#include "ui/i18n.h"
#include "ui/search_field.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// A screen rectangle in CSS px (empty when not drawn this frame).
struct ScreenRect {
  ImVec2 min, max;
};

/// A list row as drawn this frame (screen rectangle in CSS px), for the browser test hook.
struct DrawnRow {
  SiteId site;
  ImVec2 min, max;
};

/// The finder and what it remembers between frames (search text, scroll, the card's formatted fields).
class SiteFinderView {
 public:
  /// Draws into the current window; `phone`: bottom-sheet layout (44 px targets); `compact`: phone or short screen.
  void draw(const SiteFinderState& state, const SessionState& session, bool phone, bool compact,
            std::vector<Intent>& intents);

  /// Rows drawn in the last frame.
  const std::vector<DrawnRow>& drawn_rows() const { return drawn_rows_; }
  /// Where the "near me" button and the search field were drawn in the last frame (test hook).
  ScreenRect near_me_rect() const { return near_me_rect_; }
  ScreenRect search_rect() const { return search_rect_; }

 private:
  void draw_search(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_type_filters(const SiteFinderState& state, std::vector<Intent>& intents);
  /// Phones and short screens: the types as one sideways-scrolling row of 52 px chips with their names.
  void draw_type_strip(const SiteFinderState& state, std::vector<Intent>& intents);
  void draw_origin(const SiteFinderState& state, std::vector<Intent>& intents);
  /// The filter menu's button (labelled `label`, after the sort's words when `same_line`) and its popup.
  void draw_filter_menu(const SiteFinderState& state, const char* label, bool same_line, std::vector<Intent>& intents);
  void draw_details(const SiteFinderState& state, const SessionState& session, std::vector<Intent>& intents);
  void draw_list(const SiteFinderState& state, std::vector<Intent>& intents);

  SearchField search_;
  std::uint64_t seen_map_selection_ = 0;
  OriginKind seen_origin_ = OriginKind::map_center;
  std::vector<DrawnRow> drawn_rows_;
  ScreenRect near_me_rect_, search_rect_;
  bool phone_ = false;          // bottom-sheet layout this frame
  bool compact_ = false;        // phone or short screen: icon chips, card replaces filters
  TouchScroll list_scroll_;     // finger scrolling of the site list
  TouchScroll details_scroll_;  // finger scrolling of a long details card
  TouchScroll chips_scroll_;    // finger scrolling of the phone's row of type chips

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
