// ui/input_feed.h — the page's input (pointer, wheel, keys, text, focus) kept in the order it came and handed to
// ImGui one frame's worth at a time, so that nothing typed is lost (issue 14.11).
//
// The app draws only when something changes, so a fast typist's keys pile up between two frames, and ImGui spreads a
// pile over the next frames. A field that Tab (or Enter, or a click) moves to becomes active in the frame after the
// key, and ImGui ignores the text of that frame (its own key may still be in the queue): "staff", Tab,
// "Staff-Pass-2026", Enter logged in with "taff-Pass-2026". The feed stops after a key that moves the keyboard focus
// and hands ImGui nothing in the frame after it: what comes next lands in the field the key led to.
#pragma once
#include <cstdint>
#include <deque>
#include <string>

#include "imgui.h"

namespace gongyou::ui {

/// Queued input for ImGui. The platform records each browser event here at once; the frame loop calls feed().
class InputFeed {
 public:
  /// Modifier bits of key(): Ctrl 1, Shift 2, Alt 4, Super 8.
  enum Modifier : int { ctrl = 1, shift = 2, alt = 4, super = 8 };

  /// A pointer event from `source`: moved to (x, y), or gone (a touch lifted) when `gone`.
  void pointer_moved(ImGuiMouseSource source, float x, float y, bool gone = false);
  /// A pointer button (ImGui's numbering: 0 left, 1 right, 2 middle) went down or up.
  void pointer_button(int button, bool down);
  /// A wheel turned, in lines (positive: up, left).
  void wheel(float dx, float dy);
  /// A key went down or up (ImGuiKey_None: only the modifiers, Modifier bits, changed).
  void key(ImGuiKey key, bool down, int modifiers);
  /// Committed text (typed, pasted, an IME composition's result), UTF-8.
  void text(const char* utf8);
  /// The page gained or lost the focus.
  void focus(bool focused);

  /// Hands the queued input to ImGui for the coming frame (call before ImGui::NewFrame): everything up to and
  /// including a key that moves the keyboard focus, or nothing while ImGui settles after one. True while input is
  /// still queued (the caller draws another frame for it).
  bool feed();
  /// True when input waits for a frame.
  bool pending() const { return !queue_.empty(); }

 private:
  struct Event {
    enum class Kind : std::uint8_t { pointer, button, wheel, key, text, focus } kind;
    ImGuiMouseSource source = ImGuiMouseSource_Mouse;
    float x = 0, y = 0;  // pointer position, or wheel lines
    int code = 0;        // button or ImGuiKey
    int modifiers = 0;
    bool on = false;     // down, gone, focused
    std::string utf8;    // text
  };
  std::deque<Event> queue_;
  bool settling_ = false;  // a focus-moving key went to ImGui: the field it leads to is not active yet
};

}  // namespace gongyou::ui
