// ui/test_marks.cpp — see test_marks.h.
#include "ui/test_marks.h"

#include "imgui_internal.h"

namespace gongyou::ui {
namespace {
std::vector<TestMark> g_marks;
}

void begin_test_marks() { g_marks.clear(); }

void mark_last_item(const char* name, std::int64_t id) {
  // Anything scrolled (even partly) into its window's view; clickable when its center is in the visible part.
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImRect clip = GImGui->CurrentWindow->ClipRect;
  if (max.y <= clip.Min.y || min.y >= clip.Max.y || max.x <= clip.Min.x || min.x >= clip.Max.x) return;
  const bool clickable = clip.Contains(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
  const ImGuiContext& g = *GImGui;
  const bool focused = g.NavId == ImGui::GetItemID() && g.NavWindow == g.CurrentWindow && g.NavCursorVisible;
  // A row that scrolls sideways (the phone's type chips) runs past its edges by design: no horizontal bounds.
  const ImGuiWindow* w = g.CurrentWindow;
  const bool sideways = w->ScrollMax.x > 0;
  const float left = sideways ? -FLT_MAX : w->WorkRect.Min.x, right = sideways ? FLT_MAX : w->WorkRect.Max.x;
  g_marks.push_back({name, id, min, max, ImGui::IsItemActive(), focused, clip.Min, clip.Max, left, right, clickable});
}

const std::vector<TestMark>& test_marks() { return g_marks; }

}  // namespace gongyou::ui
