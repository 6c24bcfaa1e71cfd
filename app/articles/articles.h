// app/articles/articles.h — the info center (信息中心, issue 16.6): the published articles of a channel (or all),
// searched by Chinese text or pinyin initials and paged; one article, its markup body parsed once when it arrives
// (core/markup.h) for ui/markup_view to draw; the documents and forms to download. Links and downloads open outside
// the app through the platform (only https links, and our server's files). State (ArticleState, read by
// ui/article_views) and controller (Articles). Platform-free: talks to the API (docs/api-articles.md) through the
// Session.
//
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/article.h"
#include "core/civil_time.h"
#include "core/markup.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/article_views)
//-------------------------------------------------------------------------------------------------

struct ShowArticles { std::optional<ArticleChannel> channel; };  ///< 信息中心: one channel, or all of them
struct SearchArticles { std::string text; };                     ///< the search field changed
struct LoadMoreArticles {};                                      ///< 加载更多: the next page
struct OpenArticle { ArticleId article; };                       ///< one article
struct ShowDocuments {};                                         ///< 文件下载: documents and forms
struct DownloadDocument { std::int64_t document; };              ///< a document's download, outside the app
struct FollowArticleLink { std::string url; };                   ///< a link or an image of an article body
/// The info center's intents.
using ArticleIntents = TypeList<ShowArticles, SearchArticles, LoadMoreArticles, OpenArticle, ShowDocuments,
                                DownloadDocument, FollowArticleLink>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// Which info center screen is shown.
enum class ArticleView : std::uint8_t { list, article, documents };

/// An article as listed.
struct ArticleSummary {
  ArticleId id;
  ArticleChannel channel = ArticleChannel::news;
  std::string title;
  std::string summary;
  std::string union_name;
  UtcSeconds published_at;
  std::string published_text;  ///< "2026-12-01", made once when decoded (views build no strings)
  bool pinned = false;
  std::int64_t read_count = 0;
};

/// An opened article: what the list shows, and its body parsed once.
struct ArticleDetail {
  ArticleSummary summary;
  MarkupDocument body;
};

/// A document or form to download.
struct DocumentItem {
  std::int64_t id = 0;
  std::string title;
  std::string file_name;
  FileKind kind = FileKind::pdf;
  std::string size_text;  ///< "3.4 KB"
  std::string download_url;
};

/// What the info center screens show.
struct ArticleState {
  ArticleView view = ArticleView::list;

  // ---- the list ----
  std::optional<ArticleChannel> channel;  ///< nothing: every channel
  std::string query;                      ///< the search text asked for
  std::vector<ArticleSummary> items;
  std::string next_cursor;  ///< "" when there is no next page
  bool loading = false;
  bool failed = false;
  std::uint64_t list_revision = 0;  ///< increases when another list replaces the one shown: views scroll up

  // ---- one article ----
  ArticleId opened;
  std::optional<ArticleDetail> article;
  bool article_missing = false;  ///< 404: unknown or not published
  std::uint64_t article_revision = 0;

  // ---- documents ----
  std::vector<DocumentItem> documents;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The info center controller.
class Articles {
 public:
  /// `session` and `platform` must outlive it.
  Articles(Session& session, const PlatformServices& platform) : session_(session), platform_(platform) {}

  const ArticleState& state() const { return state_; }

  /// Reloads what the current view shows (the screen was opened, or the periodic refresh).
  void refresh();
  /// Someone signed in or out: nothing of the info center is theirs alone; the view stays.
  void session_changed() {}

  void apply(const ShowArticles& i);
  void apply(const SearchArticles& i);
  void apply(const LoadMoreArticles& i);
  void apply(const OpenArticle& i);
  void apply(const ShowDocuments& i);
  void apply(const DownloadDocument& i);
  void apply(const FollowArticleLink& i);

 private:
  /// Loads the first page (`more`: the next page, appended).
  void load_list(bool more);
  void load_article();
  void load_documents();

  Session& session_;
  const PlatformServices& platform_;
  ArticleState state_;
  std::uint64_t list_generation_ = 0;  ///< answers to an older list request are ignored
};

}  // namespace gongyou
