// server/api/text_fields.h — free-text fields of request bodies: a length in characters and no control
// characters (newlines allowed where a field is multi-line), else 400 bad_request naming the field.
#pragma once
#include <optional>
#include <string>

#include "server/api/json_body.h"

namespace gongyou::server::api {

/// A required text of `min`–`max` characters without control characters (`multiline`: \n and \r allowed).
std::string checked_text(const JsonBody& body, const char* name, std::size_t min, std::size_t max,
                         bool multiline = false);

/// Like checked_text(), but absent or null gives nothing.
std::optional<std::string> optional_checked_text(const JsonBody& body, const char* name, std::size_t min,
                                                 std::size_t max, bool multiline = false);

}  // namespace gongyou::server::api
