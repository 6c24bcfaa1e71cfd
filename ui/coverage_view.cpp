// ui/coverage_view.cpp — see coverage_view.h. The legend's colors are those of app/map/coverage_overlay.cpp.
#include "ui/coverage_view.h"

#include <cstdio>

#include "imgui.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

/// One legend swatch and its label, on the current line.
void swatch(ImU32 color, const char* label) {
  const float size = ImGui::GetFontSize() * 0.8f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (ImGui::GetTextLineHeight() - size) / 2;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + size, y + size), color, 3);
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted(label);
  ImGui::SameLine(0, 12);
}

}  // namespace

void draw_coverage_switch(const SiteFinderState& state, std::vector<Intent>& intents) {
  ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
  if (toggle_switch(tr(Text::coverage_toggle), state.coverage_on(), /*tall=*/false)) intents.push_back(ToggleCoverage{});
  mark_last_item("coverage");
  if (state.coverage_on()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    if (!state.coverage_drawn()) {
      ImGui::TextUnformatted(tr(Text::coverage_zoom_in));
    } else {
      const char* rings = tr(Text::coverage_rings);
      char one[32], two[32], many[32];
      std::snprintf(one, sizeof one, "1 %s", rings);
      std::snprintf(two, sizeof two, "2 %s", rings);
      std::snprintf(many, sizeof many, "3+ %s", rings);
      swatch(IM_COL32(200, 16, 46, 110), tr(Text::coverage_gap));
      swatch(IM_COL32(64, 160, 90, 150), one);
      swatch(IM_COL32(30, 130, 70, 190), two);
      swatch(IM_COL32(10, 95, 50, 230), many);
      ImGui::NewLine();
    }
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
}

}  // namespace gongyou::ui
