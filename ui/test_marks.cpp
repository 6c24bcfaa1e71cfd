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
  if (max.y <= clip.Min.y || min.y >= clip.Max.y) return;
  const bool clickable = clip.Contains(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
  const ImGuiContext& g = *GImGui;
  const bool focused = g.NavId == ImGui::GetItemID() && g.NavWindow == g.CurrentWindow && g.NavCursorVisible;
  const ImRect& work = g.CurrentWindow->WorkRect;
  g_marks.push_back(
      {name, id, min, max, ImGui::IsItemActive(), focused, clip.Min, clip.Max, work.Min.x, work.Max.x, clickable});
}

const std::vector<TestMark>& test_marks() { return g_marks; }

}  // namespace gongyou::ui
