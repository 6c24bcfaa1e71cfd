// server/http/query_params.cpp — see query_params.h.
#include "server/http/query_params.h"

#include <charconv>
#include <cmath>

#include "server/http/reply.h"

namespace gongyou::server::http {
namespace {

std::string range_text(double min, double max) {
  const auto print = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  return print(min) + " to " + print(max);
}

}  // namespace

std::optional<double> parse_finite_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto comma = text.find(',');
    parts.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return parts;
    text.remove_prefix(comma + 1);
  }
}

std::optional<std::string> QueryParams::text(const char* name) const {
  if (!req_.has_param(name)) return std::nullopt;
  if (req_.get_param_value_count(name) > 1) throw bad_request(std::string(name) + " must be given at most once");
  std::string value = req_.get_param_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<double> QueryParams::number(const char* name, double min, double max) const {
  const auto raw = text(name);
  if (!raw) return std::nullopt;
  const auto value = parse_finite_number(*raw);
  if (!value || *value < min || *value > max)
    throw bad_request(std::string(name) + " must be a number from " + range_text(min, max));
  return value;
}

double QueryParams::required_number(const char* name, double min, double max) const {
  const auto value = number(name, min, max);
  if (!value) throw bad_request(std::string(name) + " is required (a number from " + range_text(min, max) + ")");
  return *value;
}

std::optional<std::int64_t> QueryParams::integer(const char* name, std::int64_t min, std::int64_t max) const {
  const auto raw = text(name);
  if (!raw) return std::nullopt;
  const auto value = parse_integer(*raw);
  if (!value || *value < min || *value > max)
    throw bad_request(std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                      std::to_string(max));
  return value;
}

}  // namespace gongyou::server::http
