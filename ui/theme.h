// ui/theme.h — the one look of Gongyou: union red, rounded widgets, a readable 16 px base.
#pragma once
#include <cstdint>

#include "core/time_window.h"
#include "imgui.h"

namespace gongyou::ui {

/// Base line height in CSS pixels (fonts are rasterized at this size × devicePixelRatio). ImGui sizes a
/// font by ascent-to-descent, which for Noto Sans CJK is 1.45 em: 22 px gives 15 px CJK glyphs, as
/// large as 16 px text of the page (CSS sizes by the em square).
inline constexpr float kBaseFontSize = 22.0f;

/// Brand colors.
inline constexpr ImU32 kBrandRed = IM_COL32(200, 16, 46, 255);
inline constexpr ImU32 kTextMuted = IM_COL32(96, 103, 112, 255);

/// Applies colors, rounding and spacing to the current ImGui style.
void apply_theme();

/// A filled union-red button with white text (the main action of a screen).
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
/// A light button for secondary actions.
bool secondary_button(const char* label, ImVec2 size = ImVec2(0, 0));

/// A switch (a pill with its knob at the right when on) followed by `label`, at least 44 px tall on phones (`tall`);
/// true when tapped. Reads as on or off at a glance, unlike a grey checkbox square.
bool toggle_switch(const char* label, bool on, bool tall);

/// In a row of buttons that wraps: call between two; the next one of `width` CSS px stays on the line if it fits.
void same_line_or_wrap(float width);
/// The width of a button labelled `label` (its text and frame padding).
float button_width(const char* label);

/// Wrapped text in kTextMuted (a line that explains, not one that acts).
void muted(const char* text);
/// Wrapped text in `color`.
void colored(ImU32 color, const char* text);
/// Wrapped text `scale` times the base size (titles of cards and screens).
void large(const char* text, float scale = 1.15f);
/// A button of a row that wraps: after the previous one when it fits (not for the `first`); primary or secondary.
bool row_button(bool first, bool primary, const char* label, float button_h);

/// A bordered box the width of the panel, `background` filled, around what `body` draws.
template <class Body>
void boxed(const char* id, ImU32 background, Body body) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
  ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding |
                                          ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  body();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

/// The colour a window's status is written in: open green, upcoming red, closed muted.
ImU32 window_status_color(WindowStatus status);

/// 0xRRGGBB with an alpha, as an ImGui color.
ImU32 rgb(std::uint32_t rgb, std::uint8_t alpha = 255);

}  // namespace gongyou::ui
