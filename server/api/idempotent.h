// server/api/idempotent.h — answering a POST that may carry an Idempotency-Key (api-bookings.md): the key
// header's rules, and running the action once per key with the first answer replayed.
#pragma once
#include <httplib.h>

#include <functional>
#include <optional>
#include <string>

#include "server/api/api_services.h"
#include "server/api/json_body.h"

namespace gongyou::server::api {

/// The Idempotency-Key header: 1–255 visible ASCII characters; nothing when absent; 400 otherwise.
std::optional<std::string> idempotency_key(const httplib::Request& req);

/// Runs `action` (whose answer is a status and JSON text) and sends its answer; with an Idempotency-Key,
/// only once per key and body (a replay is marked `Idempotent-Replayed: true`; another body gets 422).
void send_idempotent(const ApiServices& services, const httplib::Request& req, httplib::Response& res, UserId user,
                     const JsonBody& body, UtcSeconds now, const std::function<StoredResponse()>& action);

/// A stored error answer in api.md's shape.
StoredResponse error_answer(int status, const char* code, const std::string& message);

}  // namespace gongyou::server::api
