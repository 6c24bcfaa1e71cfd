// app/json_fields.h — reading the API's JSON without throwing: one field of an object (a missing field or one of
// the wrong type gives the fallback, so a malformed answer degrades to "unknown", never to a crash), and the items
// of a list answer.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/ids.h"

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

/// The positive integer at `key` as a typed id (core/ids.h) into `out`; false when missing, not an integer or not
/// positive (no stored object has id 0 or below).
template <class Tag>
bool get_id(const nlohmann::json& j, const char* key, Id<Tag>& out) {
  std::int64_t v = 0;
  if (!get_int(j, key, v) || v <= 0) return false;
  out = Id<Tag>{v};
  return true;
}

/// The ISO-8601 time at `key` into `out`; false when missing or malformed.
inline bool get_time(const nlohmann::json& j, const char* key, UtcSeconds& out) {
  auto t = parse_iso8601(get_string(j, key));
  if (!t) return false;
  out = *t;
  return true;
}

}  // namespace gongyou::json_fields

namespace gongyou {

/// The items of `{"items":[...]}` decoded with `decode` (returning an optional); malformed items are skipped.
template <class T, class Decode>
std::vector<T> decode_items(const nlohmann::json& page, Decode decode) {
  std::vector<T> out;
  if (!page.is_object()) return out;
  auto items = page.find("items");
  if (items == page.end() || !items->is_array()) return out;
  for (const auto& item : *items)
    if (auto v = decode(item)) out.push_back(std::move(*v));
  return out;
}

}  // namespace gongyou
