// ui/theme.h — the one look of Gongyou: union red, rounded widgets, a readable 16 px base.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace gongyou::ui {

/// Base text size in CSS pixels (fonts are rasterized at this size × devicePixelRatio).
inline constexpr float kBaseFontSize = 16.0f;

/// Brand colors.
inline constexpr ImU32 kBrandRed = IM_COL32(200, 16, 46, 255);
inline constexpr ImU32 kTextMuted = IM_COL32(96, 103, 112, 255);

/// Applies colors, rounding and spacing to the current ImGui style.
void apply_theme();

/// 0xRRGGBB with an alpha, as an ImGui color.
ImU32 rgb(std::uint32_t rgb, std::uint8_t alpha = 255);

}  // namespace gongyou::ui
