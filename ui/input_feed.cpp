// ui/input_feed.cpp — see input_feed.h.
#include "ui/input_feed.h"

#include <cfloat>

#include "imgui_internal.h"  // the context's InputEventsQueue

namespace gongyou::ui {
namespace {

/// Keys after which ImGui may move the keyboard focus: the field the next text is for changes.
bool moves_focus(ImGuiKey key) {
  return key == ImGuiKey_Tab || key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter || key == ImGuiKey_Escape;
}

}  // namespace

void InputFeed::pointer_moved(ImGuiMouseSource source, float x, float y, bool gone) {
  queue_.push_back({Event::Kind::pointer, source, x, y, 0, 0, gone, {}});
}

void InputFeed::pointer_button(int button, bool down) {
  queue_.push_back({Event::Kind::button, ImGuiMouseSource_Mouse, 0, 0, button, 0, down, {}});
}

void InputFeed::wheel(float dx, float dy) {
  queue_.push_back({Event::Kind::wheel, ImGuiMouseSource_Mouse, dx, dy, 0, 0, false, {}});
}

void InputFeed::key(ImGuiKey key, bool down, int modifiers) {
  queue_.push_back({Event::Kind::key, ImGuiMouseSource_Mouse, 0, 0, static_cast<int>(key), modifiers, down, {}});
}

void InputFeed::text(const char* utf8) {
  if (utf8 && *utf8) queue_.push_back({Event::Kind::text, ImGuiMouseSource_Mouse, 0, 0, 0, 0, false, utf8});
}

void InputFeed::focus(bool focused) {
  queue_.push_back({Event::Kind::focus, ImGuiMouseSource_Mouse, 0, 0, 0, 0, focused, {}});
}

bool InputFeed::feed() {
  if (settling_) {
    // The key is still in ImGui's own queue (it trickles one change per frame), or its frame has just run and the
    // field it led to becomes active in this one: what comes after waits for the next.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size == 0) settling_ = false;
    return true;
  }
  ImGuiIO& io = ImGui::GetIO();
  while (!queue_.empty()) {
    const Event e = std::move(queue_.front());
    queue_.pop_front();
    switch (e.kind) {
      case Event::Kind::pointer:
        io.AddMouseSourceEvent(e.source);
        if (e.on) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        else io.AddMousePosEvent(e.x, e.y);
        break;
      case Event::Kind::button: io.AddMouseButtonEvent(e.code, e.on); break;
      case Event::Kind::wheel: io.AddMouseWheelEvent(e.x, e.y); break;
      case Event::Kind::key: {
        io.AddKeyEvent(ImGuiMod_Ctrl, (e.modifiers & ctrl) != 0);
        io.AddKeyEvent(ImGuiMod_Shift, (e.modifiers & shift) != 0);
        io.AddKeyEvent(ImGuiMod_Alt, (e.modifiers & alt) != 0);
        io.AddKeyEvent(ImGuiMod_Super, (e.modifiers & super) != 0);
        const auto key = static_cast<ImGuiKey>(e.code);
        if (key != ImGuiKey_None) io.AddKeyEvent(key, e.on);
        if (e.on && moves_focus(key)) {
          settling_ = true;
          return true;
        }
        break;
      }
      case Event::Kind::text: io.AddInputCharactersUTF8(e.utf8.c_str()); break;
      case Event::Kind::focus: io.AddFocusEvent(e.on); break;
    }
  }
  return false;
}

}  // namespace gongyou::ui
