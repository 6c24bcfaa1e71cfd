// server/http/request_rate_limit.cpp — see request_rate_limit.h.
#include "server/http/request_rate_limit.h"

#include <algorithm>
#include <cmath>

namespace gongyou::server::http {

RequestRateLimit::RequestRateLimit(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(burst, 1.0)) {}

std::optional<int> RequestRateLimit::take(const std::string& address, std::chrono::steady_clock::time_point now) {
  if (per_second_ <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
  // Forget full buckets now and then, so that a scan of many addresses does not grow the map for ever.
  if (seconds(now - last_sweep_) > 60) {
    std::erase_if(buckets_, [&](const auto& entry) {
      return entry.second.tokens + seconds(now - entry.second.updated) * per_second_ >= burst_;
    });
    last_sweep_ = now;
  }
  auto [it, fresh] = buckets_.try_emplace(address, Bucket{burst_, now});
  Bucket& bucket = it->second;
  if (!fresh) {
    bucket.tokens = std::min(burst_, bucket.tokens + seconds(now - bucket.updated) * per_second_);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second_)));
}

}  // namespace gongyou::server::http
