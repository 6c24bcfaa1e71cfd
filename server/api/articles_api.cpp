// server/api/articles_api.cpp — see articles_api.h: what everyone may read. Drafts are nobody's but staff's: a draft
// answers 404 here as an unknown id does.
//
// [SECTION] Articles   the listing (channel, search, pages) and one article with its counted read
// [SECTION] Files      documents (listed, downloaded with their Chinese name) and images
#include <algorithm>

#include "core/ids_json.h"
#include "core/pinyin.h"
#include "server/api/article_json.h"
#include "server/api/articles_api.h"
#include "server/api/accounts_api.h"
#include "server/api/auth.h"
#include "server/api/path_ids.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

constexpr std::size_t kMaxQueryBytes = 100;

// [SECTION] Articles

/// A search text as the store compares it: ASCII lower-cased (Chinese as it is).
std::string search_text(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return text;
}

void list_articles(const MembershipServices& services, const Request& req, Response& res) {
  const http::QueryParams params(req);
  ArticleQuery query;
  query.status = ArticleStatus::published;
  query.channel = channel_param(params);
  if (const auto union_id = params.integer("union_id", 1, kMaxJsonId)) {
    if (!services.unions.find(UnionId{*union_id})) throw http::not_found("no such union");
    query.subtree = services.unions.subtree(UnionId{*union_id});
  }
  if (const auto text = params.text("q")) {
    if (text->size() > kMaxQueryBytes) throw http::bad_request("q is at most 100 bytes");
    query.text = search_text(*text);
    query.text_as_pinyin = is_pinyin_query(*text);
  }
  if (const auto cursor = params.text("cursor")) {
    query.after = decode_article_cursor(*cursor);
    if (!query.after) throw http::bad_request("cursor is not one this server gave");
  }
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, 100).value_or(20));
  const ArticlePage page = services.api.store.list_articles(query);
  json items = json::array();
  for (const ArticleRecord& a : page.items) items.push_back(article_json(a, services.unions, false));
  http::send_json(res, {{"items", std::move(items)},
                        {"next_cursor", page.has_more ? json(encode_article_cursor(page.items.back())) : json(nullptr)}});
}

/// Who is reading, as the read log keys it: the account when signed in, else a keyed hash of the address (the
/// address itself is never stored).
std::string reader_key(const MembershipServices& services, const Request& req) {
  if (const auto user = optional_user(services.api, req)) return "u:" + std::to_string(user->id.value);
  const std::string key = services.api.store.server_secret("article-readers", [] { return crypto::new_token(); });
  return "a:" + crypto::hash_hex(key + ":" + client_address(services.api, req)).substr(0, 24);
}

void get_article(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  auto article = services.api.store.find_article(path_id<ArticleId>(params.at(0), "article"));
  if (!article || article->status != ArticleStatus::published) throw http::not_found("没有这篇文章 / no such article");
  const std::int64_t day = days_since_epoch(shanghai_date(services.api.clock.now()));
  if (services.api.store.record_read(article->id, reader_key(services, req), day)) ++article->read_count;
  http::send_json(res, article_json(*article, services.unions, true));
}

// [SECTION] Files

void list_documents(const MembershipServices& services, const Request& req, Response& res) {
  const http::QueryParams params(req);
  const std::string text = search_text(params.text("q").value_or(""));
  if (text.size() > kMaxQueryBytes) throw http::bad_request("q is at most 100 bytes");
  const bool as_pinyin = is_pinyin_query(text);
  json items = json::array();
  for (const StoredFile& d : services.api.store.list_documents()) {
    if (!text.empty() && search_text(d.title).find(text) == std::string::npos &&
        !(as_pinyin && matches_pinyin(d.title, text)))
      continue;
    items.push_back(document_json(d));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

/// A stored file with its type (the server adds nosniff to every answer) and a policy that never runs it as a page.
void send_file(Response& res, const StoredFile& file) {
  res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set_content(file.bytes, std::string(content_type(file.kind)));
}

void download_document(const MembershipServices& services, const Request&, const PathParams& params, Response& res) {
  const auto document =
      services.api.store.find_file(path_id(params.at(0), "document"), FilePurpose::document, /*with_bytes=*/true);
  if (!document) throw http::not_found("没有这个文件 / no such document");
  services.api.store.count_download(document->id);
  res.set_header("Content-Disposition", attachment_disposition(document->file_name, "document"));
  res.set_header("Cache-Control", "private, max-age=3600");
  send_file(res, *document);
}

void get_image(const MembershipServices& services, const Request&, const PathParams& params, Response& res) {
  const auto image = services.api.store.find_file(path_id(params.at(0), "image"), FilePurpose::image, true);
  if (!image) throw http::not_found("没有这张图片 / no such image");
  // An image id never names other bytes: cached for a year.
  res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  send_file(res, *image);
}

}  // namespace

void add_article_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/articles", [&services](const Request& req, Response& res, P) { list_articles(services, req, res); });
  router.get("/api/v1/articles/{id}",
             [&services](const Request& req, Response& res, P p) { get_article(services, req, p, res); });
  router.get("/api/v1/documents",
             [&services](const Request& req, Response& res, P) { list_documents(services, req, res); });
  router.get("/api/v1/documents/{id}/download",
             [&services](const Request& req, Response& res, P p) { download_document(services, req, p, res); });
  router.get("/api/v1/images/{id}", [&services](const Request& req, Response& res, P p) { get_image(services, req, p, res); });
}

}  // namespace gongyou::server::api
