// server/api/idempotent.cpp — see idempotent.h.
#include "server/api/idempotent.h"

#include <algorithm>

#include "server/bookings/housekeeper.h"
#include "server/crypto/secrets.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

namespace {
constexpr std::size_t kMaxIdempotencyKeyLength = 255;
constexpr const char* kJsonType = "application/json; charset=utf-8";
}  // namespace

std::optional<std::string> idempotency_key(const httplib::Request& req) {
  if (!req.has_header("Idempotency-Key")) return std::nullopt;
  std::string key = req.get_header_value("Idempotency-Key");
  const bool visible = std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7F; });
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength || !visible)
    throw http::bad_request("Idempotency-Key must be 1–255 visible ASCII characters");
  return key;
}

void send_idempotent(const ApiServices& services, const httplib::Request& req, httplib::Response& res, UserId user,
                     const JsonBody& body, UtcSeconds now, const std::function<StoredResponse()>& action) {
  const auto key = idempotency_key(req);
  if (!key) {
    const StoredResponse answer = action();
    http::send_text(res, answer.body, kJsonType, answer.status);
    return;
  }
  const IdempotencyKey id{user, *key, req.method, req.path, crypto::hash_hex(body.canonical())};
  const IdempotentAnswer answer =
      services.store.run_idempotent(id, now, UtcSeconds{now.value - kIdempotencyTtlSeconds}, action);
  if (answer.key_reused)
    throw http::ApiError(422, "idempotency_key_reused",
                         "这个 Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used with another body");
  if (answer.replayed) res.set_header("Idempotent-Replayed", "true");
  http::send_text(res, answer.response.body, kJsonType, answer.response.status);
}

StoredResponse error_answer(int status, const char* code, const std::string& message) {
  return StoredResponse{status, nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(
                                    -1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace gongyou::server::api
