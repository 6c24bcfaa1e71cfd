// server/api/article_json.cpp — see article_json.h.
#include "server/api/article_json.h"

#include "core/ids_json.h"
#include "core/markup.h"
#include "server/api/text_fields.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

using nlohmann::json;

json article_json(const ArticleRecord& a, const UnionDirectory& unions, bool with_body) {
  const UnionRecord* author_union = unions.find(a.union_id);
  json out = {{"id", a.id},
              {"channel", wire_name(a.channel)},
              {"status", wire_name(a.status)},
              {"title", a.title},
              {"summary", a.summary},
              {"union_id", a.union_id},
              {"union_name", author_union ? author_union->name : std::string()},
              {"published_at", a.published_at ? json(format_iso8601(*a.published_at)) : json(nullptr)},
              {"updated_at", format_iso8601(a.updated_at)},
              {"pinned", a.pinned},
              {"read_count", a.read_count}};
  if (with_body) out["body"] = a.body;
  return out;
}

json document_json(const StoredFile& d) {
  return {{"id", d.id},
          {"title", d.title},
          {"file_name", d.file_name},
          {"kind", wire_name(d.kind)},
          {"content_type", content_type(d.kind)},
          {"size", d.size},
          {"size_text", human_size(d.size)},
          {"union_id", d.union_id},
          {"created_at", format_iso8601(d.created_at)},
          {"download_count", d.download_count},
          {"download_url", "/api/v1/documents/" + std::to_string(d.id) + "/download"}};
}

namespace {
constexpr const char* kChannelsMessage = "channel must be news, notice, hot, guide, policy or legal";
}  // namespace

std::optional<ArticleChannel> channel_param(const http::QueryParams& params) {
  const auto text = params.text("channel");
  if (!text) return std::nullopt;
  const auto channel = parse_article_channel(*text);
  if (!channel) throw http::bad_request(kChannelsMessage);
  return channel;
}

ArticleWrite article_write_from(const JsonBody& body) {
  ArticleWrite a;
  const auto channel = parse_article_channel(body.text("channel", 16));
  if (!channel) throw http::bad_request(kChannelsMessage);
  a.channel = *channel;
  a.title = checked_text(body, "title", 1, kMaxArticleTitleChars);
  a.body = body.text("body", kMaxMarkupBytes);
  if (a.body.empty()) throw http::bad_request("body must not be empty");
  const MarkupDocument document = parse_markup(a.body);
  if (!document.issues.empty())
    throw http::ApiError(400, "invalid_markup",
                         std::string(markup_issue_name(document.issues.front())) + ": " +
                             std::string(markup_issue_message(document.issues.front())));
  if (document.blocks.empty()) throw http::bad_request("body has no text");
  a.summary = optional_checked_text(body, "summary", 0, kMaxArticleSummaryChars).value_or("");
  if (a.summary.empty()) a.summary = markup_summary(document, kAutoSummaryBytes);
  a.pinned = body.flag("pinned", false);
  if (a.pinned && a.channel != ArticleChannel::notice) throw http::bad_request("only notices can be pinned");
  return a;
}

std::optional<ArticleCursor> decode_article_cursor(std::string_view text) {
  const std::size_t first = text.find('.');
  const std::size_t second = first == std::string_view::npos ? first : text.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto pinned = http::parse_integer(text.substr(0, first));
  const auto at = http::parse_integer(text.substr(first + 1, second - first - 1));
  const auto id = http::parse_integer(text.substr(second + 1));
  if (!pinned || !at || !id || (*pinned != 0 && *pinned != 1) || *id < 1) return std::nullopt;
  return ArticleCursor{*pinned == 1, *at, ArticleId{*id}};
}

std::string encode_article_cursor(const ArticleRecord& a) {
  return std::to_string(a.pinned ? 1 : 0) + "." + std::to_string(a.published_at ? a.published_at->value : 0) + "." +
         std::to_string(a.id.value);
}

}  // namespace gongyou::server::api
