// ui/article_views.cpp — see article_views.h.
//
// [SECTION] Small pieces   channel names, the chips
// [SECTION] The list
// [SECTION] One article
// [SECTION] Documents
#include "ui/article_views.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/i18n.h"
#include "ui/markup_view.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Small pieces
//-------------------------------------------------------------------------------------------------

constexpr ImU32 kCardBg = IM_COL32(248, 249, 250, 255);
constexpr ImU32 kPinned = IM_COL32(230, 119, 0, 255);

const char* channel_name(ArticleChannel channel) {
  switch (channel) {
    case ArticleChannel::news: return tr(Text::art_ch_news);
    case ArticleChannel::notice: return tr(Text::art_ch_notice);
    case ArticleChannel::hot: return tr(Text::art_ch_hot);
    case ArticleChannel::guide: return tr(Text::art_ch_guide);
    case ArticleChannel::policy: return tr(Text::art_ch_policy);
    case ArticleChannel::legal: return tr(Text::art_ch_legal);
  }
  return "";
}

void big(const char* text, float scale) {
  ImGui::PushFont(nullptr, kBaseFontSize * scale);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
}

/// "惠安县总工会 · 2026-12-01 · 阅读 12".
const char* byline(const ArticleSummary& a, char* out, std::size_t size) {
  std::snprintf(out, size, tr(Text::art_byline_fmt), a.union_name.c_str(), a.published_text.c_str(),
                static_cast<long long>(a.read_count));
  return out;
}

/// The row of channel chips: 全部, each channel, 文件下载; the one shown is filled.
void channel_chips(const ArticleState& s, float button_h, std::vector<Intent>& intents) {
  const bool list = s.view == ArticleView::list;
  if (row_button(true, list && !s.channel, tr(Text::art_all), button_h)) intents.push_back(ShowArticles{});
  mark_last_item("article_channel", 0);
  for (std::size_t c = 0; c < std::size(kArticleChannels); ++c) {
    const ArticleChannel channel = kArticleChannels[c];
    ImGui::PushID(static_cast<int>(c));
    if (row_button(false, list && s.channel == channel, channel_name(channel), button_h))
      intents.push_back(ShowArticles{channel});
    mark_last_item("article_channel", static_cast<std::int64_t>(c) + 1);
    ImGui::PopID();
  }
  if (row_button(false, s.view == ArticleView::documents, tr(Text::art_documents), button_h))
    intents.push_back(ShowDocuments{});
  mark_last_item("article_documents");
}

}  // namespace

void ArticleViews::draw(const ArticleState& s, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  switch (s.view) {
    case ArticleView::list: draw_list(s, button_h, intents); break;
    case ArticleView::article: draw_article(s, phone, button_h, intents); break;
    case ArticleView::documents: draw_documents(s, button_h, intents); break;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The list
//-------------------------------------------------------------------------------------------------

void ArticleViews::draw_list(const ArticleState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##article_list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(list_scroll_);
  if (list_seen_ != s.list_revision) {
    list_seen_ = s.list_revision;
    ImGui::SetScrollY(0);
  }
  ImGui::SeparatorText(tr(Text::art_title));
  channel_chips(s, button_h, intents);
  if (search_.draw("##article_search", tr(Text::art_search_hint), s.query)) intents.push_back(SearchArticles{search_.text()});
  mark_last_item("article_search");
  if (s.items.empty())
    muted(s.loading ? tr(Text::art_loading) : s.failed ? tr(Text::art_failed) : tr(Text::art_empty));
  char line[400];
  for (const ArticleSummary& a : s.items) {
    ImGui::PushID(static_cast<int>(a.id.value));
    boxed("##article_card", kCardBg, [&] {
      if (a.pinned) {
        colored(kPinned, tr(Text::art_pinned));
        ImGui::SameLine();
      }
      colored(kBrandRed, channel_name(a.channel));
      big(a.title.c_str(), 1.08f);
      mark_last_item("article_row", a.id);
      muted(a.summary.c_str());
      muted(byline(a, line, sizeof line));
      // The whole card opens the article (not a tap that scrolled the list).
      if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
          !list_scroll_.dragged)
        intents.push_back(OpenArticle{a.id});
    });
    ImGui::PopID();
  }
  if (!s.next_cursor.empty()) {
    if (secondary_button(tr(Text::art_load_more), ImVec2(ImGui::GetContentRegionAvail().x, button_h)) && !list_scroll_.dragged)
      intents.push_back(LoadMoreArticles{});
    mark_last_item("article_more");
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] One article
//-------------------------------------------------------------------------------------------------

void ArticleViews::draw_article(const ArticleState& s, bool phone, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##article", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(article_scroll_);
  if (article_seen_ != s.article_revision) {
    article_seen_ = s.article_revision;
    ImGui::SetScrollY(0);
  }
  const std::optional<ArticleChannel> back_to = s.article ? std::optional(s.article->summary.channel) : s.channel;
  if (secondary_button(tr(Text::art_back), ImVec2(0, button_h))) intents.push_back(ShowArticles{back_to});
  mark_last_item("article_back");
  if (!s.article) {
    muted(s.article_missing ? tr(Text::art_missing) : tr(Text::art_loading));
  } else {
    const ArticleSummary& a = s.article->summary;
    if (a.pinned) {
      colored(kPinned, tr(Text::art_pinned));
      ImGui::SameLine();
    }
    colored(kBrandRed, channel_name(a.channel));
    big(a.title.c_str(), phone ? 1.3f : 1.45f);
    mark_last_item("article_title", a.id);
    char line[400];
    muted(byline(a, line, sizeof line));
    ImGui::Separator();
    ImGui::Spacing();
    draw_markup(s.article->body, ImGui::GetContentRegionAvail().x, article_scroll_.dragged, intents);
    mark_last_item("article_body", a.id);
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Documents
//-------------------------------------------------------------------------------------------------

void ArticleViews::draw_documents(const ArticleState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##documents", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(documents_scroll_);
  ImGui::SeparatorText(tr(Text::art_documents));
  channel_chips(s, button_h, intents);
  muted(tr(Text::art_documents_intro));
  if (s.documents.empty()) muted(tr(Text::art_no_documents));
  char line[200];
  for (const DocumentItem& d : s.documents) {
    ImGui::PushID(static_cast<int>(d.id));
    boxed("##document_card", kCardBg, [&] {
      big(d.title.c_str(), 1.05f);
      mark_last_item("document_row", d.id);
      std::snprintf(line, sizeof line, tr(Text::art_document_fmt), d.file_name.c_str(), d.size_text.c_str());
      muted(line);
      if (row_button(true, true, tr(Text::art_download), button_h) && !documents_scroll_.dragged)
        intents.push_back(DownloadDocument{d.id});
      mark_last_item("document_download", d.id);
    });
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
