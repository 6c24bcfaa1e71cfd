// ui/touch_scroll.h — finger scrolling for ImGui child windows (ImGui itself scrolls only by wheel and
// scrollbar): the list follows the finger, and a flick keeps it gliding with friction, as native lists do.
// Call inside the child, before its rows.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace gongyou::ui {

/// One list's finger-scroll state, kept between frames.
struct TouchScroll {
  bool dragged = false;   ///< the current gesture scrolled: its release does not choose a row
  float velocity = 0;     ///< CSS px per second, positive = content moves up (scroll grows)
  bool tracking = false;  ///< the finger went down on this list and is still down
};

/// Which way a list scrolls.
enum class ScrollAxis : std::uint8_t { vertical, horizontal };

/// Scrolls the current window by touch along `axis`; test `state.dragged` before acting on a row's click.
void touch_drag_scroll(TouchScroll& state, ScrollAxis axis = ScrollAxis::vertical);

/// Forgets last frame's gliding; call once before drawing a frame.
void begin_touch_frame();
/// True when a list glided this frame: the frame loop must draw the next one (no input will wake it).
bool touch_gliding();

}  // namespace gongyou::ui
