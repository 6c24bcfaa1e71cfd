// ui/site_finder_view.cpp — see site_finder_view.h.
//
// [SECTION] Helpers
// [SECTION] The finder: search, type filters, origin
// [SECTION] Details of the selected site
// [SECTION] Site list (clipped: only visible rows are submitted)
#include "ui/site_finder_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"
#include "ui/coverage_view.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

void type_icon(SiteType type, float diameter) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 center(p.x + diameter / 2, p.y + diameter / 2);
  dl->AddCircleFilled(center, diameter / 2, rgb(info(type).color_rgb));
  const std::string_view icon = info(type).icon;
  const float size = diameter * 0.58f;
  const ImVec2 text = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, icon.data(), icon.data() + icon.size());
  dl->AddText(ImGui::GetFont(), size, ImVec2(center.x - text.x / 2, center.y - text.y / 2), IM_COL32_WHITE,
              icon.data(), icon.data() + icon.size());
  ImGui::Dummy(ImVec2(diameter, diameter));
}

namespace {

/// A site type's disc of `diameter` with its character, centred at `c`; pale unless `on`.
void type_disc(SiteType type, ImVec2 c, float diameter, bool on) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(c, diameter / 2, on ? rgb(info(type).color_rgb) : rgb(info(type).color_rgb, 110));
  const std::string_view glyph = info(type).icon;
  const float gs = diameter * 0.62f;
  const ImVec2 g = ImGui::GetFont()->CalcTextSizeA(gs, FLT_MAX, 0, glyph.data(), glyph.data() + glyph.size());
  dl->AddText(ImGui::GetFont(), gs, ImVec2(c.x - g.x / 2, c.y - g.y / 2), IM_COL32_WHITE, glyph.data(),
              glyph.data() + glyph.size());
}

void muted_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

/// A type chip's rounded background: tinted in its type's color (the brand red for "all") and outlined when on.
void chip_background(ImVec2 p, ImVec2 size, float rounding, bool on, bool hovered, std::optional<SiteType> type) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(p.x + size.x, p.y + size.y);
  const ImU32 fill = on ? (type ? rgb(info(*type).color_rgb, 40) : IM_COL32(200, 16, 46, 30))
                        : (hovered ? IM_COL32(236, 237, 240, 255) : IM_COL32(245, 245, 247, 255));
  dl->AddRectFilled(p, end, fill, rounding);
  if (on) dl->AddRect(p, end, type ? rgb(info(*type).color_rgb) : kBrandRed, rounding, 0, 1.5f);
}

/// The type filters' chips, drawn by `chip(id, label, on, type)` (true when tapped): "all", then each type that has
/// sites; a tap asks to show all types or to toggle one.
template <class Chip>
void type_chips(const SiteFinderState& state, Chip&& chip, std::vector<Intent>& intents) {
  if (chip("##all", tr(Text::all_types), state.all_types_visible(), std::nullopt)) intents.push_back(ShowAllTypes{});
  for (const SiteTypeInfo& t : all_site_types()) {
    if (state.count_of(t.type) == 0) continue;
    if (chip(t.id.data(), type_name(t.type), state.type_visible(t.type), t.type)) intents.push_back(ToggleType{t.type});
  }
}

/// A label/value line of the details card; values start at `label_width` (the widest label of the language).
void field_line(Text label, std::string_view value, float label_width) {
  if (value.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::TextUnformatted(tr(label));
  ImGui::PopStyleColor();
  ImGui::SameLine(label_width + ImGui::GetStyle().ItemSpacing.x * 2 + ImGui::GetStyle().WindowPadding.x);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(value.data(), value.data() + value.size());
  ImGui::PopTextWrapPos();
}

/// The filters that narrow the list, into `out`: "隐藏了 3 类阵地、饮水、营业中、搜索“ldf”".
const char* describe_filters(const SiteFinderState& state, char* out, std::size_t size) {
  std::size_t used = 0;
  out[0] = '\0';
  const auto add = [&](std::string_view part) {
    const int n = std::snprintf(out + used, size - used, "%s%.*s", used ? tr(Text::list_separator) : "",
                                static_cast<int>(part.size()), part.data());
    if (n > 0) used = std::min(size - 1, used + static_cast<std::size_t>(n));
  };
  char part[192];
  if (const std::size_t hidden = state.hidden_type_count()) {
    std::snprintf(part, sizeof part, tr(Text::hidden_types_fmt), static_cast<int>(hidden));
    add(part);
  }
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i)
    if (state.facility_required(i)) add(facility_name(kFacilityIds[i]));
  if (state.open_now()) add(tr(Text::open_now));
  if (!state.query().empty()) {
    std::snprintf(part, sizeof part, tr(Text::search_text_fmt), state.query().c_str());
    add(part);
  }
  return out;
}

/// "Filter", or "Filter · 2" when filters are on.
const char* filter_label(const SiteFinderState& state, char* out, std::size_t size) {
  if (const int n = state.extra_filter_count()) std::snprintf(out, size, tr(Text::filter_fmt), n);
  else std::snprintf(out, size, "%s", tr(Text::filter));
  return out;
}

const char* geolocation_message(GeolocationError e) {
  switch (e) {
    case GeolocationError::permission_denied: return tr(Text::geo_denied);
    case GeolocationError::timeout: return tr(Text::geo_timeout);
    case GeolocationError::unsupported: return tr(Text::geo_unsupported);
    case GeolocationError::position_unavailable: break;
  }
  return tr(Text::geo_unavailable);
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The finder: search, type filters, origin
//-------------------------------------------------------------------------------------------------

void SiteFinderView::draw(const SiteFinderState& state, const SessionState& session, bool phone, bool compact,
                          std::vector<Intent>& intents) {
  phone_ = phone;
  compact_ = compact;
  drawn_rows_.clear();
  near_me_rect_ = search_rect_ = ScreenRect{};  // drawn again below, or not this frame
  draw_search(state, intents);
  // A phone's sheet has no room for both the filters and a site's card: the card replaces them until it is closed.
  if (!(compact_ && state.selected())) {
    draw_type_filters(state, intents);
    draw_origin(state, intents);
  }
  if (!compact_) draw_coverage_switch(state, intents);  // phones and short screens keep their rows for the list
  draw_details(state, session, intents);
  draw_list(state, intents);
}

void SiteFinderView::draw_search(const SiteFinderState& state, std::vector<Intent>& intents) {
  if (search_.draw("##search", tr(Text::search_hint), state.query())) intents.push_back(SetQuery{search_.text()});
  search_rect_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  mark_last_item("search");
}

void SiteFinderView::draw_type_filters(const SiteFinderState& state, std::vector<Intent>& intents) {
  if (compact_) return draw_type_strip(state, intents);
  ImGui::PushFont(nullptr, kBaseFontSize * 0.9f);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  const float icon = ImGui::GetFontSize() * 1.25f;
  const float height = icon + 8;
  auto chip = [&](const char* id, std::string_view label, bool on, std::optional<SiteType> type) {
    const float label_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    const float width = (type ? icon + 6 : 0) + label_w + 20;
    // Wrap to the next line when the chip does not fit.
    const float last_x = ImGui::GetItemRectMax().x;
    if (ImGui::GetCursorPosX() > style.WindowPadding.x + 1 && last_x + style.ItemSpacing.x + width > right)
      ImGui::NewLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // EnableNav: reachable by Tab and arrows (InvisibleButton is skipped by default); its focus ring is drawn
    // outside the chip, so the shapes below do not cover it.
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, height), ImGuiButtonFlags_EnableNav);
    mark_last_item("type_chip", type ? static_cast<std::int64_t>(*type) + 1 : 0);
    chip_background(p, ImVec2(width, height), height / 2, on, ImGui::IsItemHovered(), type);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = p.x + 10;
    if (type) {
      type_disc(*type, ImVec2(x + icon / 2, p.y + height / 2), icon, on);
      x += icon + 6;
    }
    dl->AddText(ImVec2(x, p.y + (height - ImGui::GetFontSize()) / 2), on ? IM_COL32(33, 37, 41, 255) : kTextMuted,
                label.data(), label.data() + label.size());
    ImGui::SameLine();
    return clicked;
  };
  type_chips(state, chip, intents);
  ImGui::NewLine();
  ImGui::PopFont();
}

void SiteFinderView::draw_type_strip(const SiteFinderState& state, std::vector<Intent>& intents) {
  // Phones and short screens: one row that scrolls sideways under the finger, each chip 52 px tall with its icon
  // and its name under it (issue 14.5: icon-only chips were ~30 px and said nothing to a new worker).
  constexpr float kChipHeight = 52;
  const float icon = 22;
  ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6, 0));
  ImGui::BeginChild("##type_strip", ImVec2(0, kChipHeight), ImGuiChildFlags_NavFlattened,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  touch_drag_scroll(chips_scroll_, ScrollAxis::horizontal);
  ImGui::PushFont(nullptr, kBaseFontSize * 0.68f);
  auto chip = [&](const char* id, std::string_view label, bool on, std::optional<SiteType> type) {
    const float label_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    const float width = std::max(52.0f, label_w + 14);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, kChipHeight), ImGuiButtonFlags_EnableNav) &&
                         !chips_scroll_.dragged;
    mark_last_item("type_chip", type ? static_cast<std::int64_t>(*type) + 1 : 0);
    chip_background(p, ImVec2(width, kChipHeight), 12, on, /*hovered=*/false, type);  // no hover under a finger
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (type) type_disc(*type, ImVec2(p.x + width / 2, p.y + 6 + icon / 2), icon, on);
    const float text_y = type ? p.y + 6 + icon + 3 : p.y + (kChipHeight - ImGui::GetFontSize()) / 2;
    dl->AddText(ImVec2(p.x + (width - label_w) / 2, text_y), on ? IM_COL32(33, 37, 41, 255) : kTextMuted, label.data(),
                label.data() + label.size());
    ImGui::SameLine();
    return clicked;
  };
  type_chips(state, chip, intents);
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
}

void SiteFinderView::draw_origin(const SiteFinderState& state, std::vector<Intent>& intents) {
  // One row — the sort's words, the filter menu, "near me" at the right — when the three fit; else the words on a
  // line of their own above the two buttons. Laid out from measured widths: every language fits.
  const bool from_me = state.origin_kind() == OriginKind::user_location;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  const char* sort = tr(from_me ? Text::sort_from_me : Text::sort_from_center);
  char filter[48];
  filter_label(state, filter, sizeof filter);
  const char* near = state.locating() ? tr(Text::locating) : tr(from_me ? Text::use_map_center : Text::near_me);
  const float near_w = ImGui::CalcTextSize(near).x + style.FramePadding.x * 2;
  const float filter_w = ImGui::CalcTextSize(filter).x + style.FramePadding.x * 2;
  ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
  const float sort_w = ImGui::CalcTextSize(sort).x;
  ImGui::PopFont();
  const bool one_row = sort_w + filter_w + near_w + style.ItemSpacing.x * 2 <= ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
  if (one_row) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(sort);
  } else {
    ImGui::TextWrapped("%s", sort);
  }
  mark_last_item("sort_label");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  draw_filter_menu(state, filter, /*same_line=*/one_row, intents);
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - near_w));
  ImGui::BeginDisabled(state.locating());
  if (primary_button(near)) intents.push_back(from_me ? Intent{UseMapCenter{}} : Intent{LocateMe{}});
  near_me_rect_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  mark_last_item("near_me");
  ImGui::EndDisabled();
  if (auto error = state.geolocation_error(); error && !from_me) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 42, 55, 255));
    ImGui::TextWrapped("%s", geolocation_message(*error));
    ImGui::PopStyleColor();
  }
}

void SiteFinderView::draw_filter_menu(const SiteFinderState& state, const char* label, bool same_line,
                                      std::vector<Intent>& intents) {
  // Facilities and "open now" live in a menu: the panel keeps its room for the list.
  if (same_line) ImGui::SameLine();
  const bool active = state.extra_filter_count() > 0;
  if (active ? primary_button(label) : secondary_button(label)) ImGui::OpenPopup("##filters");
  mark_last_item("filters");
  if (!ImGui::BeginPopup("##filters")) return;
  const ImVec2 row(0, phone_ ? 44.0f : 0.0f);
  // The menu stays open while the worker ticks several; a tap outside closes it.
  // One row: a selectable as wide as the menu's longest name, with a check-mark column and the name drawn
  // centred in the row's height (drawn, not laid out, so the row stays one item).
  const float check_w = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.x;
  const float row_w = std::max(ImGui::GetFontSize() * 7, check_w + ImGui::CalcTextSize(tr(Text::open_now)).x);
  auto toggle_row = [&](std::string_view name, bool on) {
    const float h = std::max(row.y, ImGui::GetTextLineHeight());
    const bool clicked = ImGui::Selectable("##row", on, ImGuiSelectableFlags_NoAutoClosePopups, ImVec2(row_w, h));
    const ImVec2 at = ImGui::GetItemRectMin();
    const ImVec2 text_at(at.x + check_w, at.y + (h - ImGui::GetTextLineHeight()) / 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    // The tick is drawn, not a font's ✓: a face without that glyph would show nothing (issue 14.5).
    if (on) ImGui::RenderCheckMark(dl, ImVec2(at.x + 2, text_at.y + 2), kBrandRed, ImGui::GetFontSize() - 4);
    dl->AddText(text_at, ink, name.data(), name.data() + name.size());
    return clicked;
  };
  ImGui::PushID("open_now");
  if (toggle_row(tr(Text::open_now), state.open_now())) intents.push_back(SetOpenNow{!state.open_now()});
  ImGui::PopID();
  mark_last_item("filter_open_now");
  ImGui::Separator();
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (toggle_row(facility_name(kFacilityIds[i]), state.facility_required(i))) intents.push_back(ToggleFacility{i});
    ImGui::PopID();
    mark_last_item("filter_facility", static_cast<std::int64_t>(i));
  }
  ImGui::EndPopup();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Details of the selected site
//-------------------------------------------------------------------------------------------------

void SiteFinderView::draw_details(const SiteFinderState& state, const SessionState& session, std::vector<Intent>& intents) {
  const auto selected = state.selected_distance();
  if (!selected) return;
  const Site& site = *selected->site;
  ImGui::Separator();
  // The close button sits at the card's top right; the name wraps before it.
  const float close_size = phone_ ? 44.0f : 32.0f;
  const float card_right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  const float card_top = ImGui::GetCursorPosY();
  type_icon(site.type, ImGui::GetFontSize() * 2.0f);
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(nullptr, kBaseFontSize * 1.1f);
  ImGui::PushTextWrapPos(card_right - close_size - ImGui::GetStyle().ItemSpacing.x);
  ImGui::TextUnformatted(site.name.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  const std::string_view type = type_name(site.type);
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  const std::string_view town = local_name(site.town);
  ImGui::Text("%.*s · %.*s%s%s", static_cast<int>(type.size()), type.data(), static_cast<int>(town.size()), town.data(),
              site.bookable ? " · " : "", site.bookable ? tr(Text::bookable) : "");
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  const ImVec2 after_group = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(card_right - close_size, card_top));
  if (secondary_button("\xC3\x97##close_site", ImVec2(close_size, close_size))) intents.push_back(CloseSite{});  // ×
  mark_last_item("close_site", site.id.value);
  if (ImGui::IsItemHovered() && ImGui::GetIO().MouseSource == ImGuiMouseSource_Mouse) ImGui::SetTooltip("%s", tr(Text::close));
  ImGui::SetCursorPos(after_group);

  // From the worker when the app knows where they are, else from the map's centre as it was before the card opened
  // (the map flies to the site; measured from there the card would say "0 m"): the card says which.
  char distance[32], walk[96];
  const bool from_me = state.origin_kind() == OriginKind::user_location;
  format_distance(selected->distance, distance, sizeof distance);
  if (walk_worth_showing(selected->walk))
    std::snprintf(walk, sizeof walk, tr(from_me ? Text::walk_from_me_fmt : Text::walk_from_center_fmt), distance,
                  std::max(1, static_cast<int>(std::ceil(selected->walk.value))));
  else
    std::snprintf(walk, sizeof walk, tr(from_me ? Text::distance_from_me_fmt : Text::distance_from_center_fmt), distance);
  ImGui::PushStyleColor(ImGuiCol_Text, kBrandRed);
  ImGui::TextUnformatted(walk);
  ImGui::PopStyleColor();
  // Formatted when the site or the language changes, not every frame.
  if (details_.site != site.id.value || details_.language != language()) {
    details_.site = site.id.value;
    details_.language = language();
    details_.hours = format_opening_hours(site.hours);
    details_.facilities.clear();
    for (const std::string& f : site.facilities) {
      if (!details_.facilities.empty()) details_.facilities += " · ";
      details_.facilities += facility_name(f);
    }
    details_.links = site_links(site);
    details_.label_width = 0;
    for (Text t : {Text::address, Text::hours, Text::phone, Text::facilities})
      details_.label_width = std::max(details_.label_width, ImGui::CalcTextSize(tr(t)).x);
  }
  // The actions in one wrapping row: booking first (where a phone's bottom sheet still shows it), then call,
  // directions (a menu of map apps) and share. Phones get 44 px touch targets.
  const float button_height = phone_ ? 44.0f : 0.0f;
  const float row_right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  bool first_action = true;
  auto next_action = [&](const char* label) {
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first_action) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w > row_right) ImGui::NewLine();
    }
    first_action = false;
  };
  if (site.bookable) {
    next_action(tr(Text::book_slots));
    if (primary_button(tr(Text::book_slots), ImVec2(0, button_height))) intents.push_back(OpenSiteSlots{site.id});
    mark_last_item("book_slots", site.id.value);
    if (session.user && session.user->admin) {
      next_action(tr(Text::tab_staff));
      ImGui::PushID("details");  // the same label as the staff tab above
      const bool staff_clicked = secondary_button(tr(Text::tab_staff), ImVec2(0, button_height));
      ImGui::PopID();
      if (staff_clicked) intents.push_back(OpenStaffDesk{site.id});
      mark_last_item("staff_open", site.id.value);
    }
  }
  if (!details_.links.call.empty()) {
    next_action(tr(Text::call));
    if (secondary_button(tr(Text::call), ImVec2(0, button_height))) intents.push_back(OpenLink{details_.links.call});
    mark_last_item("call", site.id.value);
  }
  next_action(tr(Text::directions));
  if (secondary_button(tr(Text::directions), ImVec2(0, button_height))) ImGui::OpenPopup("##directions");
  mark_last_item("directions", site.id.value);
  if (ImGui::BeginPopup("##directions")) {
    const ImVec2 item(0, button_height);
    if (ImGui::Selectable(tr(Text::map_amap), false, 0, item)) intents.push_back(OpenLink{details_.links.amap});
    mark_last_item("map_amap", site.id.value);
    if (ImGui::Selectable(tr(Text::map_baidu), false, 0, item)) intents.push_back(OpenLink{details_.links.baidu});
    mark_last_item("map_baidu", site.id.value);
    if (ImGui::Selectable(tr(Text::map_osm), false, 0, item)) intents.push_back(OpenLink{details_.links.osm});
    mark_last_item("map_osm", site.id.value);
    ImGui::EndPopup();
  }
  next_action(tr(Text::share));
  if (secondary_button(tr(Text::share), ImVec2(0, button_height))) intents.push_back(ShareSite{site.id});
  mark_last_item("share", site.id.value);
  if (state.shared() == site.id) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextUnformatted(tr(Text::shared));
    ImGui::PopStyleColor();
  }

  // The fields scroll in a card of limited height, so a site with a long description never pushes the list
  // out of a phone's sheet (nor off a short desktop window).
  const float max_height = std::max(ImGui::GetTextLineHeightWithSpacing() * 3,
                                    ImGui::GetContentRegionAvail().y * 0.45f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
  ImGui::BeginChild("##details", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(details_scroll_);
  field_line(Text::address, site.address, details_.label_width);
  field_line(Text::hours, details_.hours, details_.label_width);
  field_line(Text::phone, site.phone, details_.label_width);
  field_line(Text::facilities, details_.facilities, details_.label_width);
  ImGui::EndChild();
  mark_last_item("details", site.id.value);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Site list
//-------------------------------------------------------------------------------------------------

void SiteFinderView::draw_list(const SiteFinderState& state, std::vector<Intent>& intents) {
  ImGui::Separator();
  if (state.load_status() == LoadStatus::loading) {
    muted_text(tr(Text::loading_sites));
    return;
  }
  if (state.load_status() == LoadStatus::failed) {
    ImGui::TextWrapped("%s", state.load_error() == "network" ? tr(Text::load_failed_network)
                                                              : tr(Text::load_failed_server));
    if (primary_button(tr(Text::retry))) intents.push_back(RetryLoad{});
    return;
  }
  if (state.listed().empty()) {
    muted_text(tr(Text::no_match));
    if (state.filtering()) {  // say why, and the way out (a type hidden behind an open card is easy to forget)
      char filters[512], line[600];
      std::snprintf(line, sizeof line, tr(Text::filters_on_fmt), describe_filters(state, filters, sizeof filters));
      muted_text(line);
      if (secondary_button(tr(Text::clear_filters))) intents.push_back(ClearFilters{});
      mark_last_item("clear_filters");
    }
    return;
  }
  const float row_height = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y + 12;
  ImGui::BeginChild("##list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  const auto selected_row = state.selected_row();
  // A new order (near me, back to the map center) starts at its top: the nearest site first.
  if (state.origin_kind() != seen_origin_) {
    seen_origin_ = state.origin_kind();
    ImGui::SetScrollY(0);
    list_scroll_.velocity = 0;
  }
  if (state.map_selection_revision() != seen_map_selection_) {
    seen_map_selection_ = state.map_selection_revision();
    if (selected_row) ImGui::SetScrollY(*selected_row * row_height - ImGui::GetWindowHeight() * 0.3f);
  }
  touch_drag_scroll(list_scroll_);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.listed().size()), row_height);
  char distance[32], walk[32];
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ListedSite& row = state.listed()[i];
      const Site& site = *row.site;
      ImGui::PushID(static_cast<int>(site.id.value));
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const bool is_selected = selected_row && *selected_row == static_cast<std::size_t>(i);
      if (ImGui::Selectable("##row", is_selected, ImGuiSelectableFlags_None,
                            ImVec2(0, row_height - ImGui::GetStyle().ItemSpacing.y)) &&
          !list_scroll_.dragged)
        intents.push_back(SelectSite{site.id});
      mark_last_item("site_row", site.id.value);
      drawn_rows_.push_back({site.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
      const float icon = ImGui::GetTextLineHeight() * 1.6f;
      ImGui::SetCursorScreenPos(ImVec2(p.x + 6, p.y + (row_height - ImGui::GetStyle().ItemSpacing.y - icon) / 2));
      type_icon(site.type, icon);
      ImGui::SetCursorScreenPos(ImVec2(p.x + icon + 16, p.y + 5));
      {  // a long name ends in "…" at the row's edge instead of being cut through a character
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float right = drawn_rows_.back().max.x - 6;  // the row (the last item is its icon)
        const float line = ImGui::GetTextLineHeight();
        ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(right, at.y + line), right,
                                  site.name.c_str(), site.name.c_str() + site.name.size(), nullptr);
        ImGui::Dummy(ImVec2(0, line));
      }
      ImGui::SetCursorScreenPos(ImVec2(p.x + icon + 16, p.y + 5 + ImGui::GetTextLineHeightWithSpacing()));
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
      if (walk_worth_showing(row.walk))
        ImGui::Text("%s · %s · %s", format_distance(row.distance, distance, sizeof distance),
                    format_walk(row.walk, walk, sizeof walk), local_name(site.town).data());
      else
        ImGui::Text("%s · %s", format_distance(row.distance, distance, sizeof distance), local_name(site.town).data());
      ImGui::PopFont();
      ImGui::PopStyleColor();
      // Leave the cursor exactly one row below, the stride the clipper was given.
      ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_height - ImGui::GetStyle().ItemSpacing.y));
      ImGui::Dummy(ImVec2(0, 0));
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
