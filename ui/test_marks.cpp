// ui/test_marks.cpp — see test_marks.h.
#include "ui/test_marks.h"

#include "imgui_internal.h"

namespace gongyou::ui {
namespace {
std::vector<TestMark> g_marks;
}

void begin_test_marks() { g_marks.clear(); }

void mark_last_item(const char* name, std::int64_t id) {
  // Only what a user could click: the item's center inside its window's visible part.
  const ImVec2 center((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                      (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
  if (!GImGui->CurrentWindow->ClipRect.Contains(center)) return;
  const ImGuiContext& g = *GImGui;
  const bool focused = g.NavId == ImGui::GetItemID() && g.NavWindow == g.CurrentWindow && g.NavCursorVisible;
  g_marks.push_back({name, id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive(), focused});
}

const std::vector<TestMark>& test_marks() { return g_marks; }

}  // namespace gongyou::ui
