// ui/article_views.h — the info center on screen (信息中心): the channel chips and the search field over the list of
// articles (pinned notices first, each a card with its summary and byline, a next page on demand), one article (its
// title, byline and body drawn by ui/markup_view), and the documents and forms to download.
// Reads ArticleState, emits intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/articles/articles.h"
#include "app/intent.h"
#include "ui/search_field.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The info center screens; they keep their scroll and the search box between frames.
class ArticleViews {
 public:
  /// Draws the view the state names.
  void draw(const ArticleState& state, bool phone, std::vector<Intent>& intents);

 private:
  void draw_list(const ArticleState& state, float button_h, std::vector<Intent>& intents);
  void draw_article(const ArticleState& state, bool phone, float button_h, std::vector<Intent>& intents);
  void draw_documents(const ArticleState& state, float button_h, std::vector<Intent>& intents);

  TouchScroll list_scroll_, article_scroll_, documents_scroll_;
  SearchField search_;
  std::uint64_t list_seen_ = 0;     ///< the list revision the list's scroll last reset at
  std::uint64_t article_seen_ = 0;  ///< the article revision the article's scroll last reset at
};

}  // namespace gongyou::ui
