// server/http/request_rate_limit.h — requests per client address (issue 20.3): a token bucket per address, refilled
// at `per_second` up to `burst`; a request finding it empty is answered 429 rate_limited with Retry-After. Real
// (steady) time, not the test clock: it limits load, not business rules.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace gongyou::server::http {

/// Token buckets by client address.
class RequestRateLimit {
 public:
  /// `per_second` 0 switches the limit off.
  RequestRateLimit(double per_second, double burst);

  /// Takes one token for `address` at `now`: nullopt when allowed, else the seconds until a token is back (≥ 1).
  std::optional<int> take(const std::string& address, std::chrono::steady_clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point updated;
  };
  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_sweep_{};
};

}  // namespace gongyou::server::http
