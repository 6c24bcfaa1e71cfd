// ui/test_marks.cpp — see test_marks.h.
#include "ui/test_marks.h"

namespace gongyou::ui {
namespace {
std::vector<TestMark> g_marks;
}

void begin_test_marks() { g_marks.clear(); }

void mark_last_item(const char* name, std::int64_t id) {
  g_marks.push_back({name, id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive()});
}

const std::vector<TestMark>& test_marks() { return g_marks; }

}  // namespace gongyou::ui
