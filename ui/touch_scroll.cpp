// ui/touch_scroll.cpp — see touch_scroll.h.
#include "ui/touch_scroll.h"

#include <algorithm>
#include <cmath>

namespace gongyou::ui {
namespace {

/// Friction: the glide loses 1 − e^(−4) ≈ 98 % of its speed per second (time constant 250 ms), close to
/// the deceleration of iOS and Android lists.
constexpr float kFrictionPerSecond = 4.0f;
/// Below this speed (CSS px/s) the glide stops.
constexpr float kStopSpeed = 30.0f;

bool g_gliding = false;

}  // namespace

void begin_touch_frame() { g_gliding = false; }

bool touch_gliding() { return g_gliding; }

void touch_drag_scroll(TouchScroll& state, ScrollAxis axis) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool x = axis == ScrollAxis::horizontal;
  const auto scroll = [x] { return x ? ImGui::GetScrollX() : ImGui::GetScrollY(); };
  const auto scroll_max = [x] { return x ? ImGui::GetScrollMaxX() : ImGui::GetScrollMaxY(); };
  const auto set_scroll = [x](float v) { x ? ImGui::SetScrollX(v) : ImGui::SetScrollY(v); };
  const float delta = x ? io.MouseDelta.x : io.MouseDelta.y;
  // A long pause between frames (the loop slept) must not turn into a jump.
  const float dt = std::clamp(io.DeltaTime, 1.0f / 240, 1.0f / 30);
  if (ImGui::IsMouseClicked(0)) {  // a new touch stops any glide; a touch on this list starts tracking it
    state.dragged = false;
    state.velocity = 0;
    // A press on a row makes the row the active item; the window still counts as under the finger.
    state.tracking = io.MouseSource == ImGuiMouseSource_TouchScreen &&
                     ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  }
  if (!ImGui::IsMouseDown(0)) state.tracking = false;
  // The list follows the finger even when it leaves the list's rectangle, as native lists do.
  if (state.tracking && ImGui::IsMouseDragging(0, 6)) {
    set_scroll(scroll() - delta);
    state.dragged = true;
    // Smoothed: the speed of the last few moves, so a finger that stops before lifting does not fling.
    state.velocity = 0.6f * (-delta / dt) + 0.4f * state.velocity;
    return;
  }
  if (ImGui::IsMouseDown(0) || std::abs(state.velocity) < kStopSpeed) {
    state.velocity = 0;
    return;
  }
  const float before = scroll();
  set_scroll(std::clamp(before + state.velocity * dt, 0.0f, scroll_max()));
  state.velocity *= std::exp(-kFrictionPerSecond * dt);
  const bool at_end = (state.velocity < 0 && before <= 0) || (state.velocity > 0 && before >= scroll_max());
  if (at_end) state.velocity = 0;
  g_gliding = state.velocity != 0;
}

}  // namespace gongyou::ui
