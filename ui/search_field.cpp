// ui/search_field.cpp — see search_field.h.
#include "ui/search_field.h"

#include <cfloat>
#include <algorithm>
#include <cstring>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"  // GetActiveID, ClearActiveID

namespace gongyou::ui {

bool SearchField::draw(const char* id, const char* hint, const std::string& query) {
  std::size_t n = std::min(query.size(), sizeof buffer_ - 1);  // what of the query fits, in whole characters
  while (n > 0 && n < query.size() && (static_cast<unsigned char>(query[n]) & 0xC0) == 0x80) --n;
  if (std::string_view(query.data(), n) != buffer_) {
    // Another part of the app set the search text: the box shows it, even while focused (ImGui keeps its own copy
    // of the text being edited, so that edit ends first).
    if (ImGui::GetActiveID() == ImGui::GetID(id)) ImGui::ClearActiveID();
    std::memcpy(buffer_, query.data(), n);
    buffer_[n] = '\0';
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  return ImGui::InputTextWithHint(id, hint, buffer_, sizeof buffer_);
}

}  // namespace gongyou::ui
