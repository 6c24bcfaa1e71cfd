// ui/confirm_tap.cpp — see confirm_tap.h.
#include "ui/confirm_tap.h"

#include <cstring>

#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {

bool ConfirmTap::is_armed(const char* name, std::int64_t id, double now) const {
  return armed_name && now - armed_at <= kArmedSeconds && std::strcmp(armed_name, name) == 0 && armed_id == id;
}

bool confirm_button(ConfirmTap& state, const char* name, std::int64_t id, const char* label, const char* confirm_label,
                    ImVec2 size) {
  const double now = ImGui::GetTime();
  const bool armed = state.is_armed(name, id, now);
  ImGui::PushID(name);
  ImGui::PushID(static_cast<int>(id));
  const bool tapped = armed ? primary_button(confirm_label, size) : secondary_button(label, size);
  ImGui::PopID();
  ImGui::PopID();
  mark_last_item(name, id);
  if (!tapped) return false;
  if (armed) {
    state.armed_name = nullptr;
    return true;
  }
  state.armed_name = name;
  state.armed_id = id;
  state.armed_at = now;
  return false;
}

}  // namespace gongyou::ui
