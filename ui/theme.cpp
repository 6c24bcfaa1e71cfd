// ui/theme.cpp — see theme.h.
#include "ui/theme.h"

#include <algorithm>

#include "imgui_internal.h"  // FindRenderedTextEnd

namespace gongyou::ui {

bool primary_button(const char* label, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::PushStyleColor(ImGuiCol_Button, kBrandRed);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(219, 31, 56, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(166, 13, 38, 255));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

// The style's own button colors are the light ones, so ImGui's built-in buttons (the steppers of
// InputInt, combo arrows) look like secondary buttons too.
bool secondary_button(const char* label, ImVec2 size) { return ImGui::Button(label, size); }

bool toggle_switch(const char* label, bool on, bool tall) {
  const float h = ImGui::GetFrameHeight() * 0.8f, w = h * 1.8f;
  const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = tall ? std::max(44.0f, ImGui::GetFrameHeight()) : ImGui::GetFrameHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, ImVec2(w + style.ItemInnerSpacing.x + label_w, row_h),
                                              ImGuiButtonFlags_EnableNav);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float y = p.y + (row_h - h) / 2;
  dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + h), on ? kBrandRed : IM_COL32(190, 194, 200, 255), h / 2);
  const float r = h / 2 - 3;
  dl->AddCircleFilled(ImVec2(on ? p.x + w - h / 2 : p.x + h / 2, y + h / 2), r, IM_COL32_WHITE);
  dl->AddText(ImVec2(p.x + w + style.ItemInnerSpacing.x, p.y + (row_h - ImGui::GetTextLineHeight()) / 2),
              ImGui::GetColorU32(ImGuiCol_Text), label, ImGui::FindRenderedTextEnd(label));
  return clicked;
}

void same_line_or_wrap(float width) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;  // (a new line's start)
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

void muted(const char* text) { colored(kTextMuted, text); }

void colored(ImU32 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

ImU32 window_status_color(WindowStatus status) {
  switch (status) {
    case WindowStatus::open: return IM_COL32(47, 158, 68, 255);
    case WindowStatus::upcoming: return kBrandRed;
    case WindowStatus::closed: return kTextMuted;
  }
  return kTextMuted;
}

void large(const char* text, float scale) {
  ImGui::PushFont(nullptr, kBaseFontSize * scale);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
}

bool row_button(bool first, bool primary, const char* label, float button_h) {
  if (!first) same_line_or_wrap(button_width(label));
  return primary ? primary_button(label, ImVec2(0, button_h)) : secondary_button(label, ImVec2(0, button_h));
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

ImU32 rgb(std::uint32_t c, std::uint8_t alpha) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha); }

void apply_theme() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.FontSizeBase = kBaseFontSize;
  s.WindowRounding = 14;
  s.ChildRounding = 10;
  s.FrameRounding = 10;
  s.PopupRounding = 10;
  s.GrabRounding = 8;
  s.ScrollbarRounding = 8;
  s.ScrollbarSize = 10;
  s.WindowBorderSize = 0;
  s.FrameBorderSize = 0;
  s.WindowPadding = ImVec2(16, 14);
  s.FramePadding = ImVec2(12, 8);
  s.ItemSpacing = ImVec2(8, 8);
  s.ItemInnerSpacing = ImVec2(6, 6);
  s.SelectableTextAlign = ImVec2(0, 0.5f);

  ImVec4* c = s.Colors;
  const ImVec4 red(200 / 255.f, 16 / 255.f, 46 / 255.f, 1);
  c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 0.97f);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImVec4(0.13f, 0.14f, 0.16f, 1);
  c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1);
  c[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.95f, 0.96f, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.92f, 0.92f, 0.94f, 1);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.90f, 0.90f, 0.92f, 1);
  c[ImGuiCol_Button] = ImVec4(241 / 255.f, 242 / 255.f, 245 / 255.f, 1);
  c[ImGuiCol_ButtonHovered] = ImVec4(230 / 255.f, 232 / 255.f, 236 / 255.f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(220 / 255.f, 222 / 255.f, 228 / 255.f, 1);
  c[ImGuiCol_Header] = ImVec4(0.99f, 0.91f, 0.92f, 1);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.97f, 0.93f, 0.94f, 1);
  c[ImGuiCol_HeaderActive] = ImVec4(0.98f, 0.86f, 0.88f, 1);
  c[ImGuiCol_Separator] = ImVec4(0.90f, 0.90f, 0.92f, 1);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0.80f, 0.80f, 0.83f, 1);
  c[ImGuiCol_NavCursor] = red;
  c[ImGuiCol_CheckMark] = red;
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.98f, 0.80f, 0.83f, 1);
}

}  // namespace gongyou::ui
