// server/api/json_body.cpp — see json_body.h.
#include "server/api/json_body.h"

#include "core/site.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

using http::bad_request;

JsonBody::JsonBody(const httplib::Request& req) : document_(parse_json_or_discarded(req.body)) {
  if (document_.is_discarded()) throw bad_request("the body must be JSON (UTF-8)");
  if (!document_.is_object()) throw bad_request("the body must be a JSON object");
}

const nlohmann::json* JsonBody::field(const char* name) const {
  const auto it = document_.find(name);
  if (it == document_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::int64_t> JsonBody::optional_integer(const char* name, std::int64_t min, std::int64_t max) const {
  const nlohmann::json* value = field(name);
  if (!value) return std::nullopt;
  const auto range =
      std::string(name) + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (!value->is_number_integer()) throw bad_request(range);  // fractions, strings, booleans...
  // Non-negative integers are parsed as unsigned: one above INT64_MAX must not wrap around.
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
    throw bad_request(range);
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) throw bad_request(range);
  return number;
}

std::int64_t JsonBody::integer(const char* name, std::int64_t min, std::int64_t max) const {
  const auto value = optional_integer(name, min, max);
  if (!value) throw bad_request(std::string(name) + " is required");
  return *value;
}

std::optional<std::string> JsonBody::optional_text(const char* name, std::size_t max_bytes) const {
  const nlohmann::json* value = field(name);
  if (!value) return std::nullopt;
  if (!value->is_string()) throw bad_request(std::string(name) + " must be a string");
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > max_bytes) throw bad_request(std::string(name) + " is too long");
  return text;
}

std::string JsonBody::text(const char* name, std::size_t max_bytes) const {
  auto value = optional_text(name, max_bytes);
  if (!value) throw bad_request(std::string(name) + " is required");
  return std::move(*value);
}

bool JsonBody::flag(const char* name, bool fallback) const {
  const nlohmann::json* value = field(name);
  if (!value) return fallback;
  if (!value->is_boolean()) throw bad_request(std::string(name) + " must be true or false");
  return value->get<bool>();
}

}  // namespace gongyou::server::api
