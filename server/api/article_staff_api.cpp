// server/api/article_staff_api.cpp — see articles_api.h: the staff's side. Staff act for their union's subtree
// (StaffScope): an article of another union answers 404, a list asked for by another union's id 403. An article
// belongs to the union it is written for (the caller's own unless they name one in scope). Uploads are raw bodies
// whose kind is told by their magic bytes, never by a name or a Content-Type.
//
// [SECTION] Scope      articles in scope (the union a request names: named_union)
// [SECTION] Articles   list (drafts included), read, create, edit, publish / take back, pin
// [SECTION] Uploads    images and documents
#include "core/ids_json.h"
#include "core/markup.h"
#include "server/api/article_json.h"
#include "server/api/articles_api.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Scope

ArticleRecord scoped_article(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto article = services.api.store.find_article(path_id<ArticleId>(segment, "article"));
  if (!article || !scope.covers(article->union_id)) throw http::not_found("没有这篇文章 / no such article");
  return *article;
}

void send_article(const MembershipServices& services, Response& res, ArticleId id, int status = 200) {
  http::send_json(res, article_json(*services.api.store.find_article(id), services.unions, true), status);
}

// [SECTION] Articles

void list_articles(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams params(req);
  ArticleQuery query;
  const auto union_id = params.integer("union_id", 1, kMaxJsonId);
  if (union_id || !scope.everything()) query.subtree = services.unions.subtree(named_union(services, scope, union_id));
  if (const auto status = params.text("status")) {
    query.status = parse_article_status(*status);
    if (!query.status) throw http::bad_request("status must be draft or published");
  }
  query.channel = channel_param(params);
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, 200).value_or(100));
  const ArticlePage page = services.api.store.list_articles(query);
  json items = json::array();
  for (const ArticleRecord& a : page.items) items.push_back(article_json(a, services.unions, false));
  http::send_json(res, {{"items", std::move(items)}});
}

void get_article(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  http::send_json(res, article_json(scoped_article(services, scope, params.at(0)), services.unions, true));
}

void create_article(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const JsonBody body(req);
  ArticleWrite write = article_write_from(body);
  write.union_id = named_union(services, scope, body.optional_integer("union_id", 1, kMaxJsonId));
  const ArticleRecord created = services.api.store.create_article(write, user.id, services.api.clock.now());
  send_article(services, res, created.id, 201);
}

void edit_article(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ArticleRecord old = scoped_article(services, scope, params.at(0));
  const JsonBody body(req);
  ArticleWrite write = article_write_from(body);
  const auto union_id = body.optional_integer("union_id", 1, kMaxJsonId);
  write.union_id = union_id ? named_union(services, scope, union_id) : old.union_id;
  if (!services.api.store.update_article(old.id, write, services.api.clock.now()))
    throw http::not_found("没有这篇文章 / no such article");
  send_article(services, res, old.id);
}

void change_status(const MembershipServices& services, const Request& req, const PathParams& params, Response& res,
                   ArticleStatus status) {
  const auto [user, scope] = require_staff(services, req);
  const ArticleRecord article = scoped_article(services, scope, params.at(0));
  const UtcSeconds now = services.api.clock.now();
  services.api.store.set_article_status(article.id, status, now);
  services.api.store.audit({0, now, user.id, "", status == ArticleStatus::published ? "article_publish" : "article_unpublish",
                            article.union_id, std::nullopt, article.id.value, article.title});
  send_article(services, res, article.id);
}

void pin_article(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const ArticleRecord article = scoped_article(services, scope, params.at(0));
  const JsonBody body(req);
  const json* pinned = body.field("pinned");
  if (!pinned || !pinned->is_boolean()) throw http::bad_request("pinned must be true or false");
  if (article.channel != ArticleChannel::notice) throw http::bad_request("only notices can be pinned");
  services.api.store.set_article_pinned(article.id, pinned->get<bool>(), services.api.clock.now());
  send_article(services, res, article.id);
}

// [SECTION] Uploads

/// A text of the query string (a file's title or name): UTF-8, no control characters, 1..max characters.
std::optional<std::string> query_text(const http::QueryParams& params, const char* name, std::size_t max) {
  const auto text = params.text(name);
  if (!text) return std::nullopt;
  bool replaced = false;
  (void)valid_utf8(*text, &replaced);
  if (replaced) throw http::bad_request(std::string(name) + " is not UTF-8");
  return checked_text(JsonBody(json{{name, *text}}), name, 1, max);
}

/// The stored form of an uploaded body: its kind from its bytes (one of `accepted`), its size within `max_bytes`.
StoredFile uploaded(const MembershipServices& services, const Request& req, const User& user, UnionId union_id,
                    FilePurpose purpose, std::size_t max_bytes) {
  if (req.body.empty()) throw http::bad_request("the body is the file's bytes; it is empty");
  if (req.body.size() > max_bytes)
    throw http::ApiError(413, "payload_too_large",
                         "文件超过 " + human_size(static_cast<std::int64_t>(max_bytes)) + " / the file is over " +
                             human_size(static_cast<std::int64_t>(max_bytes)));
  const auto kind = sniff_file_kind(req.body);
  const bool fits = kind && (purpose == FilePurpose::image) == is_image_kind(*kind);
  if (!fits)
    throw http::ApiError(415, "unsupported_file_type",
                         purpose == FilePurpose::image
                             ? "图片只能是 PNG 或 JPEG / an image must be PNG or JPEG (told by its bytes)"
                             : "文件只能是 PDF、DOC、XLS、DOCX、XLSX / a document must be PDF, DOC, XLS, DOCX or XLSX "
                               "(told by its bytes)");
  StoredFile file;
  file.union_id = union_id;
  file.purpose = purpose;
  file.kind = *kind;
  file.size = static_cast<std::int64_t>(req.body.size());
  file.bytes = req.body;
  file.uploaded_by = user.id;
  file.created_at = services.api.clock.now();
  return file;
}

void upload_image(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams params(req);
  const UnionId union_id = named_union(services, scope, params.integer("union_id", 1, kMaxJsonId));
  const StoredFile file = uploaded(services, req, user, union_id, FilePurpose::image, kMaxImageBytes);
  const std::int64_t id = services.api.store.add_file(file);
  http::send_json(res,
                  {{"id", id},
                   {"kind", wire_name(file.kind)},
                   {"size", file.size},
                   {"url", std::string(kImagePathPrefix) + std::to_string(id)},
                   {"markup", "![](" + std::string(kImagePathPrefix) + std::to_string(id) + ")"}},
                  201);
}

void upload_document(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams params(req);
  const UnionId union_id = named_union(services, scope, params.integer("union_id", 1, kMaxJsonId));
  const auto title = query_text(params, "title", kMaxFileTitleChars);
  if (!title) throw http::bad_request("title is required");
  StoredFile file = uploaded(services, req, user, union_id, FilePurpose::document, kMaxDocumentBytes);
  file.title = *title;
  // The download name: the given stem (or the title) with the extension of what the bytes are.
  std::string stem = query_text(params, "file_name", kMaxFileTitleChars).value_or(*title);
  if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
  for (char& c : stem)
    if (c == '/' || c == '\\' || c == '"') c = '_';
  file.file_name = stem + "." + std::string(wire_name(file.kind));
  file.id = services.api.store.add_file(file);
  http::send_json(res, document_json(file), 201);
}

}  // namespace

void add_article_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/admin/articles",
             [&services](const Request& req, Response& res, P) { list_articles(services, req, res); });
  router.add("POST", "/api/v1/admin/articles",
             [&services](const Request& req, Response& res, P) { create_article(services, req, res); });
  router.get("/api/v1/admin/articles/{id}",
             [&services](const Request& req, Response& res, P p) { get_article(services, req, p, res); });
  router.add("PUT", "/api/v1/admin/articles/{id}",
             [&services](const Request& req, Response& res, P p) { edit_article(services, req, p, res); });
  router.add("POST", "/api/v1/admin/articles/{id}/publish", [&services](const Request& req, Response& res, P p) {
    change_status(services, req, p, res, ArticleStatus::published);
  });
  router.add("POST", "/api/v1/admin/articles/{id}/unpublish", [&services](const Request& req, Response& res, P p) {
    change_status(services, req, p, res, ArticleStatus::draft);
  });
  router.add("PUT", "/api/v1/admin/articles/{id}/pin",
             [&services](const Request& req, Response& res, P p) { pin_article(services, req, p, res); });
  router.add("POST", "/api/v1/admin/images",
             [&services](const Request& req, Response& res, P) { upload_image(services, req, res); });
  router.add("POST", "/api/v1/admin/documents",
             [&services](const Request& req, Response& res, P) { upload_document(services, req, res); });
}

}  // namespace gongyou::server::api
