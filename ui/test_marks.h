// ui/test_marks.h — where named controls were drawn this frame, for the browser test hook
// (window.gongyouTest, wasm/main.cpp). Marking costs a vector push; the vector keeps its capacity.
#pragma once
#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "imgui.h"

namespace gongyou::ui {

/// A control's screen rectangle (CSS px).
struct TestMark {
  const char* name;  ///< a string literal: "slot", "confirm", "show_pass", ...
  std::int64_t id;   ///< the object it acts on (slot id, booking id), or 0
  ImVec2 min, max;
  bool active;       ///< the control holds the keyboard (a text field being edited)
  bool focused;      ///< the keyboard focus is on it and its focus ring is drawn
  ImVec2 window_min, window_max;  ///< the visible part of the window (or child window) it was drawn in
  float content_left, content_right;  ///< the horizontal extent of that window's content (inside its padding;
                                      ///< unbounded in a window that scrolls sideways)
  bool clickable;    ///< its center is in the visible part of its window (else only part of it shows, or none)
};

/// Forgets the previous frame's marks; call before drawing.
void begin_test_marks();
/// Marks the last submitted item when any of it is scrolled into its window's view (clickable when its center is).
/// Views mark their controls and the texts a layout could push aside (tests/ui checks none overlap or overflow).
void mark_last_item(const char* name, std::int64_t id = 0);
/// mark_last_item() for the object a typed id names.
template <class Tag>
void mark_last_item(const char* name, Id<Tag> id) {
  mark_last_item(name, id.value);
}
/// The marks of this frame.
const std::vector<TestMark>& test_marks();

}  // namespace gongyou::ui
