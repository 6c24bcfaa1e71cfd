// server/clock.cpp — see clock.h.
#include "server/clock.h"

#include <chrono>

namespace gongyou::server {

UtcSeconds Clock::now() const {
  const std::int64_t fixed = fixed_.load(std::memory_order_relaxed);
  if (fixed != kSystemTime) return UtcSeconds{fixed};
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return UtcSeconds{std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count()};
}

void Clock::set(UtcSeconds instant) {
  if (settable_) fixed_.store(instant.value, std::memory_order_relaxed);
}

}  // namespace gongyou::server
