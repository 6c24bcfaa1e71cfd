// tests/ui/headless_ui.h — Dear ImGui without a window or a GPU, so that the views run in native tests: a context
// with the theme, a display of a given size, Noto Sans CJK (Debian's fonts-noto-cjk, the face the browser draws
// with) in a dynamic atlas whose texture requests are acknowledged and dropped, and a mouse to tap with.
#pragma once
#include <functional>
#include <string>

#include "imgui.h"

namespace gongyou::ui::testing {

/// The CJK face the tests measure text with (installed by tools/bootstrap.sh: fonts-noto-cjk).
inline constexpr const char* kCjkFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// One ImGui context with a display of `display` CSS px; frames are drawn by frame().
class HeadlessUi {
 public:
  explicit HeadlessUi(ImVec2 display);
  HeadlessUi(const HeadlessUi&) = delete;
  ~HeadlessUi();

  /// Runs one frame: NewFrame, `draw`, Render, and the renderer's part (texture requests honoured, nothing drawn).
  void frame(const std::function<void()>& draw);
  /// A finger's tap at `at` (CSS px): it lands, presses and lifts in three frames, each drawing `draw`.
  void tap(ImVec2 at, const std::function<void()>& draw);
  /// Lets `seconds` pass in one frame (an armed button's wait, say).
  void wait(float seconds, const std::function<void()>& draw);
  /// Moves the pointer away (no hover).
  void pointer_away() { ImGui::GetIO().AddMousePosEvent(-1000, -1000); }
  /// True when the CJK face was found (without it the text metrics are not the browser's).
  bool has_cjk_font() const { return has_cjk_font_; }

 private:
  ImGuiContext* context_ = nullptr;
  bool has_cjk_font_ = false;
};

}  // namespace gongyou::ui::testing
