// server/http/reply.cpp — see reply.h.
#include "server/http/reply.h"

namespace gongyou::server::http {
namespace {

// "; charset=utf-8" also keeps cpp-httplib from compressing API bodies on the fly: its brotli runs at
// quality 11, far too slow per request (it compresses only the exact type "application/json").
constexpr const char* kJsonType = "application/json; charset=utf-8";

struct StatusText {
  int status;
  std::string_view code;
  std::string_view message;
};

constexpr StatusText kStatusTexts[] = {
    {400, "bad_request", "the request is malformed"},
    {401, "unauthorized", "authentication is required"},
    {403, "forbidden", "not allowed"},
    {404, "not_found", "no such resource"},
    {405, "method_not_allowed", "this method is not allowed on this resource"},
    {408, "request_timeout", "the request took too long to arrive"},
    {409, "conflict", "the request conflicts with the current state"},
    {413, "payload_too_large", "the request body is larger than 1 MiB"},
    {414, "uri_too_long", "the request URI is too long"},
    {415, "unsupported_media_type", "unsupported content type"},
    {416, "range_not_satisfiable", "the requested range cannot be served"},
    {422, "unprocessable_entity", "the request cannot be processed"},
    {429, "rate_limited", "too many requests"},
    {431, "headers_too_large", "the request headers are too large"},
    {501, "not_implemented", "not implemented"},
    {503, "unavailable", "the service is unavailable"},
};

const StatusText* find_status(int status) {
  for (const auto& text : kStatusTexts)
    if (text.status == status) return &text;
  return nullptr;
}

}  // namespace

ApiError bad_request(const std::string& message) { return ApiError(400, "bad_request", message); }

ApiError not_found(const std::string& message) { return ApiError(404, "not_found", message); }

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonType);
}

void send_text(httplib::Response& res, const std::string& body, const char* content_type, int status) {
  res.status = status;
  res.set_content(body, content_type);
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  send_json(res, {{"error", {{"code", code}, {"message", message}}}}, status);
}

std::string_view error_code_for(int status) {
  if (const auto* text = find_status(status)) return text->code;
  return status >= 500 ? "internal_error" : "bad_request";
}

std::string_view error_message_for(int status) {
  if (const auto* text = find_status(status)) return text->message;
  return status >= 500 ? "internal server error" : "the request cannot be served";
}

}  // namespace gongyou::server::http
