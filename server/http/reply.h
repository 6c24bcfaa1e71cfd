// server/http/reply.h — how every response body is written: JSON documents and the error shape of
// api.md, {"error":{"code":"snake_case","message":"..."}}, plus the exception handlers use to refuse a request.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gongyou::server::http {

/// Thrown by a handler to answer with an error; the router turns it into the error shape.
class ApiError : public std::runtime_error {
 public:
  /// `code` is the api.md snake_case code, `message` the human text.
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  /// The HTTP status.
  int status() const { return status_; }
  /// The api.md error code.
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

/// A 400 bad_request with this message.
ApiError bad_request(const std::string& message);

/// A 404 not_found with this message.
ApiError not_found(const std::string& message);

/// Writes a JSON body (invalid UTF-8 in strings is replaced, never thrown on) with the given status.
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

/// Writes a body of another type (e.g. text/csv) with the given status.
void send_text(httplib::Response& res, const std::string& body, const char* content_type, int status = 200);

/// Writes the api.md error shape.
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message);

/// The api.md error code for an HTTP status (e.g. 413 -> "payload_too_large").
std::string_view error_code_for(int status);

/// A default human message for an HTTP status when nothing more specific is known.
std::string_view error_message_for(int status);

}  // namespace gongyou::server::http
