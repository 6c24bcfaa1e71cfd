// server/api/article_json.h — the JSON of articles, documents and images (docs/api-articles.md), and the checks of
// what staff send: an article body in the markup subset (core/markup.h), files told by their magic bytes.
#pragma once
#include <nlohmann/json.hpp>

#include "server/api/json_body.h"
#include "server/http/query_params.h"
#include "server/store/article_store.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// An article: listed (without its body) or whole; staff see its state and author too.
nlohmann::json article_json(const ArticleRecord& article, const UnionDirectory& unions, bool with_body);

/// A document as listed: title, file name, kind, size, the download path.
nlohmann::json document_json(const StoredFile& document);

/// What staff write of an article, from a JSON body: channel, title, summary, body (markup over the subset's limits
/// or rules: 400 invalid_markup naming the issue), pinned (notices only). The union is the caller's to fill in.
ArticleWrite article_write_from(const JsonBody& body);

/// The `channel` query parameter: nothing when absent, 400 when it names no channel.
std::optional<ArticleChannel> channel_param(const http::QueryParams& params);

/// The page cursor of a published listing ("p.t.id" in base 10); nothing for anything else.
std::optional<ArticleCursor> decode_article_cursor(std::string_view text);
/// The cursor after `article` in a published listing.
std::string encode_article_cursor(const ArticleRecord& article);

}  // namespace gongyou::server::api
