// ui/confirm_tap.h — a destructive action that asks twice: the first tap turns the button into its confirming
// words ("确认取消？"), the second within a few seconds acts. Nothing is lost to a slip of the thumb (cancelling a
// booking, checking someone in, signing out), and there is no dialog to dismiss.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace gongyou::ui {

/// Which of a view's destructive buttons is armed, and since when. One per view: arming one disarms the others.
struct ConfirmTap {
  /// Seconds an armed button waits for its second tap.
  static constexpr double kArmedSeconds = 5;
  const char* armed_name = nullptr;
  std::int64_t armed_id = 0;
  double armed_at = 0;

  /// True while the button for `name` and `id` waits for its second tap, at ImGui time `now`.
  bool is_armed(const char* name, std::int64_t id, double now) const;
};

/// A button for action `name` on object `id`: labelled `label`, or `confirm_label` (in red) once armed; true on
/// the confirming tap. `size` as for ImGui::Button; `mark` is its test-hook name.
bool confirm_button(ConfirmTap& state, const char* name, std::int64_t id, const char* label, const char* confirm_label,
                    ImVec2 size = ImVec2(0, 0));

}  // namespace gongyou::ui
