// server/api/text_fields.cpp — see text_fields.h.
#include "server/api/text_fields.h"

#include <algorithm>

#include "server/accounts/account_rules.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

std::optional<std::string> optional_checked_text(const JsonBody& body, const char* name, std::size_t min,
                                                 std::size_t max, bool multiline) {
  auto text = body.optional_text(name, max * 4);
  if (!text) return std::nullopt;
  const auto length = utf8_length(*text);
  const bool control = std::any_of(text->begin(), text->end(), [multiline](char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (multiline && (c == '\n' || c == '\r')) return false;
    return byte < 0x20 || byte == 0x7F;
  });
  if (length < min || length > max || control)
    throw http::bad_request(std::string(name) + " must be " + std::to_string(min) + "–" + std::to_string(max) +
                            " characters without control characters");
  return text;
}

std::string checked_text(const JsonBody& body, const char* name, std::size_t min, std::size_t max, bool multiline) {
  auto text = optional_checked_text(body, name, min, max, multiline);
  if (!text) throw http::bad_request(std::string(name) + " is required");
  return std::move(*text);
}

}  // namespace gongyou::server::api
