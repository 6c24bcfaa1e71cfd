// server/api/json_body.h — a request's JSON object body with typed, validated fields. Malformed JSON
// (broken UTF-8 included), a non-object, a missing field or a value of the wrong type or range throws a
// 400 bad_request naming the field, before anything is changed.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace gongyou::server::api {

/// Largest id accepted in a body: 2^53, what every JSON client holds exactly.
inline constexpr std::int64_t kMaxJsonId = 9007199254740992LL;

/// The parsed body of one request.
class JsonBody {
 public:
  /// Parses the body; 400 unless it is a JSON object.
  explicit JsonBody(const httplib::Request& req);

  /// A body given as a JSON object (e.g. {} for a POST sent without a body).
  explicit JsonBody(nlohmann::json document) : document_(std::move(document)) {}

  /// An integer field within [min, max] (no fractions, no strings of digits).
  std::int64_t integer(const char* name, std::int64_t min, std::int64_t max) const;

  /// An optional integer field (absent or null: nothing).
  std::optional<std::int64_t> optional_integer(const char* name, std::int64_t min, std::int64_t max) const;

  /// A string field of at most `max_bytes` bytes.
  std::string text(const char* name, std::size_t max_bytes) const;

  /// An optional string field (absent or null: nothing).
  std::optional<std::string> optional_text(const char* name, std::size_t max_bytes) const;

  /// An optional boolean field (absent or null: `fallback`).
  bool flag(const char* name, bool fallback) const;

  /// The field's JSON value, or nothing when absent or null.
  const nlohmann::json* field(const char* name) const;

  /// The whole document in canonical form (keys sorted, no spaces): equal for equal bodies.
  std::string canonical() const { return document_.dump(); }

 private:
  nlohmann::json document_;
};

}  // namespace gongyou::server::api
