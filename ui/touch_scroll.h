// ui/touch_scroll.h — finger scrolling for ImGui child windows (ImGui itself scrolls only by wheel and
// scrollbar). Call inside the child, before its rows.
#pragma once
#include "imgui.h"

namespace gongyou::ui {

/// A finger dragging the current window scrolls it; `dragged` stays true until the next press, so the row a
/// drag started on is not chosen when the finger lifts (test it before acting on a row's click).
inline void touch_drag_scroll(bool& dragged) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsWindowHovered() && ImGui::IsMouseDragging(0, 6)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    dragged = true;
  }
  if (ImGui::IsMouseClicked(0)) dragged = false;
}

}  // namespace gongyou::ui
