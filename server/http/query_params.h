// server/http/query_params.h — typed, validated access to a request's query string. A present but
// malformed or repeated value throws a 400 bad_request naming the parameter; an empty value counts
// as absent.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou::server::http {

/// The query parameters of one request.
class QueryParams {
 public:
  explicit QueryParams(const httplib::Request& req) : req_(req) {}

  /// The raw (percent-decoded) value, or nothing when absent or empty.
  std::optional<std::string> text(const char* name) const;

  /// A finite decimal number within [min, max].
  std::optional<double> number(const char* name, double min, double max) const;

  /// Like number(), but the parameter must be present.
  double required_number(const char* name, double min, double max) const;

  /// A base-10 integer within [min, max].
  std::optional<std::int64_t> integer(const char* name, std::int64_t min, std::int64_t max) const;

 private:
  const httplib::Request& req_;
};

/// A finite decimal number spelling the whole of `text` (no spaces, no "nan"/"inf"), or nothing.
std::optional<double> parse_finite_number(std::string_view text);

/// A base-10 integer spelling the whole of `text`, or nothing.
std::optional<std::int64_t> parse_integer(std::string_view text);

/// The comma-separated parts of `text`, empty parts kept (so "a,,b" has three).
std::vector<std::string_view> split_commas(std::string_view text);

}  // namespace gongyou::server::http
