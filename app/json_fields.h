// app/json_fields.h — reading one field of an API object without throwing: a missing field or one of the
// wrong type gives the fallback, so a malformed answer degrades to "unknown", never to a crash.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"

namespace gongyou::json_fields {

/// The integer at `key` into `out`; false when missing or not an integer.
inline bool get_int(const nlohmann::json& j, const char* key, std::int64_t& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  out = it->get<std::int64_t>();
  return true;
}

/// The integer at `key`, or `fallback`.
inline int get_int_or(const nlohmann::json& j, const char* key, int fallback) {
  std::int64_t v = 0;
  return get_int(j, key, v) ? static_cast<int>(v) : fallback;
}

/// The string at `key`, or "".
inline std::string get_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The boolean at `key`, or false.
inline bool get_bool(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

/// The ISO-8601 time at `key` into `out`; false when missing or malformed.
inline bool get_time(const nlohmann::json& j, const char* key, UtcSeconds& out) {
  auto t = parse_iso8601(get_string(j, key));
  if (!t) return false;
  out = *t;
  return true;
}

}  // namespace gongyou::json_fields
