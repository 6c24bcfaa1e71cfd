// app/articles/articles.cpp — see articles.h.
//
// [SECTION] Decoding   the JSON edge: articles and documents typed once
// [SECTION] Loading
// [SECTION] Intents
#include "app/articles/articles.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "app/sites/site_links.h"  // url_encode
#include "core/site.h"  // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;

constexpr const char* kApi = "/api/v1";
constexpr int kPageSize = 20;

// [SECTION] Decoding

std::optional<ArticleSummary> summary_from_json(const json& j) {
  ArticleSummary a;
  if (!j.is_object() || !json_fields::get_id(j, "id", a.id)) return std::nullopt;
  const auto channel = parse_article_channel(json_fields::get_string(j, "channel"));
  if (!channel) return std::nullopt;
  a.channel = *channel;
  a.title = valid_utf8(json_fields::get_string(j, "title"));
  a.summary = valid_utf8(json_fields::get_string(j, "summary"));
  a.union_name = valid_utf8(json_fields::get_string(j, "union_name"));
  if (json_fields::get_time(j, "published_at", a.published_at)) {
    const LocalDate day = shanghai_date(a.published_at);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day.year, day.month, day.day);
    a.published_text = text;
  }
  a.pinned = json_fields::get_bool(j, "pinned");
  json_fields::get_int(j, "read_count", a.read_count);
  return a;
}

std::optional<DocumentItem> document_from_json(const json& j) {
  DocumentItem d;
  if (!j.is_object() || !json_fields::get_int(j, "id", d.id) || d.id <= 0) return std::nullopt;
  const auto kind = parse_file_kind(json_fields::get_string(j, "kind"));
  if (!kind) return std::nullopt;
  d.kind = *kind;
  d.title = valid_utf8(json_fields::get_string(j, "title"));
  d.file_name = valid_utf8(json_fields::get_string(j, "file_name"));
  d.size_text = json_fields::get_string(j, "size_text");
  d.download_url = std::string(kApi) + "/documents/" + std::to_string(d.id) + "/download";
  return d;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Articles::refresh() {
  switch (state_.view) {
    case ArticleView::list: load_list(false); break;
    case ArticleView::article: load_article(); break;
    case ArticleView::documents: load_documents(); break;
  }
}

void Articles::load_list(bool more) {
  std::string path = std::string(kApi) + "/articles?limit=" + std::to_string(kPageSize);
  if (state_.channel) path += "&channel=" + std::string(wire_name(*state_.channel));
  if (!state_.query.empty()) path += "&q=" + url_encode(state_.query);
  if (more) path += "&cursor=" + url_encode(state_.next_cursor);
  const std::uint64_t generation = ++list_generation_;
  state_.loading = true;
  session_.call("GET", path, "", [this, generation, more](const HttpResponse& r) {
    if (generation != list_generation_) return;  // another channel or search was asked for since
    state_.loading = false;
    state_.failed = r.status != 200;
    if (r.status != 200) return;
    const json page = parse_json_or_discarded(r.body);
    auto items = decode_items<ArticleSummary>(page, summary_from_json);
    if (more) {
      for (ArticleSummary& a : items) state_.items.push_back(std::move(a));
    } else {
      state_.items = std::move(items);
      ++state_.list_revision;
    }
    state_.next_cursor = page.is_object() ? json_fields::get_string(page, "next_cursor") : std::string();
  });
}

void Articles::load_article() {
  const ArticleId id = state_.opened;
  if (!id) return;
  session_.call("GET", std::string(kApi) + "/articles/" + std::to_string(id.value), "", [this, id](const HttpResponse& r) {
    if (state_.opened != id) return;
    if (r.status == 404) {
      state_.article.reset();
      state_.article_missing = true;
      return;
    }
    if (r.status != 200) return;
    const json j = parse_json_or_discarded(r.body);
    auto summary = summary_from_json(j);
    if (!summary) return;
    state_.article_missing = false;
    // Parsed once here, drawn every frame from the blocks (never re-parsed in a draw).
    state_.article = ArticleDetail{std::move(*summary), parse_markup(json_fields::get_string(j, "body"))};
    ++state_.article_revision;
  });
}

void Articles::load_documents() {
  session_.call("GET", std::string(kApi) + "/documents", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;
    state_.documents = decode_items<DocumentItem>(parse_json_or_discarded(r.body), document_from_json);
  });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents
//-------------------------------------------------------------------------------------------------

void Articles::apply(const ShowArticles& i) {
  const bool same = state_.view == ArticleView::list && state_.channel == i.channel && !state_.items.empty();
  state_.view = ArticleView::list;
  state_.channel = i.channel;
  if (!same) load_list(false);
}

void Articles::apply(const SearchArticles& i) {
  if (i.text == state_.query) return;
  state_.query = i.text.substr(0, 100);
  state_.view = ArticleView::list;
  load_list(false);
}

void Articles::apply(const LoadMoreArticles&) {
  if (state_.next_cursor.empty() || state_.loading) return;
  load_list(true);
}

void Articles::apply(const OpenArticle& i) {
  state_.view = ArticleView::article;
  if (state_.opened != i.article) {
    state_.opened = i.article;
    state_.article.reset();
    state_.article_missing = false;
    ++state_.article_revision;
  }
  load_article();
}

void Articles::apply(const ShowDocuments&) {
  state_.view = ArticleView::documents;
  load_documents();
}

void Articles::apply(const DownloadDocument& i) {
  for (const DocumentItem& d : state_.documents)
    if (d.id == i.document && platform_.open_link) platform_.open_link(d.download_url);
}

void Articles::apply(const FollowArticleLink& i) {
  // Only what the markup keeps: https links, and our server's images (a same-origin path).
  const bool ours = i.url.rfind(std::string(kImagePathPrefix), 0) == 0;
  if ((is_safe_link(i.url) || ours) && platform_.open_link) platform_.open_link(i.url);
}

}  // namespace gongyou
