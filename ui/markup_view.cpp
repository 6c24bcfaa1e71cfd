// ui/markup_view.cpp — see markup_view.h.
//
// [SECTION] Flow       one block's spans laid out line by line in the panel's width
// [SECTION] Blocks     headings, paragraphs, list items with their markers, image placeholders
#include "ui/markup_view.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"  // the window's clip rectangle
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

constexpr ImU32 kText = IM_COL32(33, 37, 41, 255);
constexpr ImU32 kLink = IM_COL32(25, 113, 194, 255);
constexpr ImU32 kImageBg = IM_COL32(241, 243, 245, 255);
constexpr float kLineSpacing = 1.25f;  ///< line height per font size (CJK reads better with air)

float heading_scale(int level) { return level == 1 ? 1.4f : level == 2 ? 1.22f : 1.1f; }

bool is_ascii_word(const char* begin, const char* end) {
  for (const char* p = begin; p < end; ++p)
    if (*p == ' ' || static_cast<unsigned char>(*p) >= 0x80) return false;
  return true;
}

/// The byte after the UTF-8 character at `p`.
const char* next_char(const char* p, const char* end) {
  ++p;
  while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
  return p;
}

// [SECTION] Flow

/// Lays out and draws the spans of one block from `left` to `right` starting at `top`; returns the height used.
/// Links become invisible buttons over each of their line pieces.
float flow_spans(const std::vector<MarkupSpan>& spans, float left, float right, float top, bool dragged,
                 std::vector<Intent>& intents) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float line_h = size * kLineSpacing;
  float x = left, y = top;
  int piece = 0;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const MarkupSpan& span = spans[s];
    const char* text = span.text.data();
    const char* const end = text + span.text.size();
    const ImU32 color = span.link.empty() ? kText : kLink;
    bool first_piece = true;
    while (text < end) {
      if (x == left)
        while (text < end && *text == ' ') ++text;  // a line never starts with the space it broke at
      if (text >= end) break;
      const float room = right - x;
      const char* wrap = font->CalcWordWrapPosition(size, text, end, room);
      // A Latin word that starts late on a line moves down whole rather than breaking in its middle.
      if (x > left && wrap < end && wrap > text && is_ascii_word(text, wrap) && *wrap != ' ') wrap = text;
      if (wrap == text) {
        if (x > left) {  // nothing fits in what is left of this line
          x = left;
          y += line_h;
          continue;
        }
        wrap = next_char(text, end);  // not even one character fits a whole line: draw it anyway
      }
      float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text, wrap).x;
      // ImGui's wrap lets the last glyph of a run hang over the edge; give characters back until the piece fits.
      while (width > room + 0.5f) {
        const char* back = wrap - 1;
        while (back > text && (static_cast<unsigned char>(*back) & 0xC0) == 0x80) --back;
        if (back <= text) break;
        wrap = back;
        width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text, wrap).x;
      }
      draw->AddText(font, size, ImVec2(x, y + (line_h - size) / 2), color, text, wrap);
      if (span.bold) draw->AddText(font, size, ImVec2(x + 1.0f, y + (line_h - size) / 2), color, text, wrap);
      if (!span.link.empty()) {
        draw->AddLine(ImVec2(x, y + line_h - 3), ImVec2(x + width, y + line_h - 3), kLink, 1.0f);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::PushID(static_cast<int>(s * 64 + static_cast<std::size_t>(piece++ & 63)));
        if (ImGui::InvisibleButton("##link", ImVec2(std::max(width, 1.0f), line_h)) && !dragged)
          intents.push_back(FollowArticleLink{span.link});
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (first_piece) mark_last_item("article_link", static_cast<std::int64_t>(s));  // once per link
        first_piece = false;
        ImGui::PopID();
      }
      x += width;
      text = wrap;
      if (text < end && x >= right - 1.0f) {
        x = left;
        y += line_h;
      }
    }
  }
  return y - top + line_h;
}

// [SECTION] Blocks

void draw_image_placeholder(const MarkupBlock& block, std::size_t index, float width, bool dragged,
                            std::vector<Intent>& intents) {
  char label[320];
  if (block.caption.empty()) std::snprintf(label, sizeof label, "%s", tr(Text::art_image_untitled));
  else std::snprintf(label, sizeof label, tr(Text::art_image_fmt), block.caption.c_str());
  const float height = ImGui::GetFontSize() * 4.0f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID(static_cast<int>(index));
  const bool tapped = ImGui::InvisibleButton("##image", ImVec2(width, height));
  mark_last_item("article_image", block.image);
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), kImageBg, 8.0f);
  draw->AddRect(at, ImVec2(at.x + width, at.y + height), IM_COL32(206, 212, 218, 255), 8.0f);
  const ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, false, width - 24);
  ImGui::SetCursorScreenPos(ImVec2(at.x + 12, at.y + (height - text_size.y) / 2));
  ImGui::PushTextWrapPos(at.x + width - 12 - ImGui::GetWindowPos().x);
  ImGui::PushStyleColor(ImGuiCol_Text, kLink);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
  ImGui::Dummy(ImVec2(0, 0));
  if (tapped && !dragged) {
    char path[48];
    std::snprintf(path, sizeof path, "%.*s%lld", static_cast<int>(kImagePathPrefix.size()), kImagePathPrefix.data(),
                  static_cast<long long>(block.image));
    intents.push_back(FollowArticleLink{path});
  }
}

}  // namespace

void draw_markup(const MarkupDocument& document, float width, bool dragged, std::vector<Intent>& intents) {
  const float base = ImGui::GetFontSize();
  const float indent_step = base * 1.3f;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const MarkupBlock& block = document.blocks[i];
    if (block.kind == BlockKind::image) {
      draw_image_placeholder(block, i, width, dragged, intents);
      ImGui::Spacing();
      continue;
    }
    const bool heading = block.kind == BlockKind::heading;
    if (heading) {
      ImGui::Spacing();
      ImGui::PushFont(nullptr, kBaseFontSize * heading_scale(block.level));
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // Never past what the window shows (its clip rectangle leaves the scrollbar out).
    const float right = std::min(at.x + width, GImGui->CurrentWindow->ClipRect.Max.x);
    float left = at.x;
    if (block.kind == BlockKind::list_item) {
      left += indent_step * static_cast<float>(block.level);
      const float line_h = ImGui::GetFontSize() * kLineSpacing;
      ImDrawList* draw = ImGui::GetWindowDrawList();
      if (block.ordered) {
        char number[16];
        std::snprintf(number, sizeof number, "%d.", block.number);
        const float w = ImGui::CalcTextSize(number).x;
        draw->AddText(ImVec2(left - w - base * 0.3f, at.y + (line_h - ImGui::GetFontSize()) / 2), kText, number);
      } else {
        const float r = block.level == 1 ? base * 0.16f : base * 0.13f;
        const ImVec2 centre(left - base * 0.55f, at.y + line_h / 2);
        if (block.level == 1) draw->AddCircleFilled(centre, r, kText);
        else if (block.level == 2) draw->AddCircle(centre, r, kText, 0, 1.2f);
        else draw->AddRectFilled(ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r), kText);
      }
    }
    ImGui::PushID(static_cast<int>(i));
    const float height = flow_spans(block.spans, left, right, at.y, dragged, intents);
    ImGui::PopID();
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(right - at.x, height));
    if (heading) ImGui::PopFont();
    if (block.kind != BlockKind::list_item || i + 1 == document.blocks.size() ||
        document.blocks[i + 1].kind != BlockKind::list_item)
      ImGui::Dummy(ImVec2(0, base * 0.1f));  // a paragraph's gap; list items stay together
  }
}

}  // namespace gongyou::ui
