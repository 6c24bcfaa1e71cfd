// server/clock.h — the server's one notion of "now". Every handler and background task asks this clock;
// with --test-clock, tests may set it (POST /api/v1/test/clock) and it then stands still at that instant
// until set again, so that time-window tests (no-shows, cancel notice, pass validity) are exact.
#pragma once
#include <atomic>
#include <cstdint>

#include "core/civil_time.h"

namespace gongyou::server {

/// The current instant: the system's UTC time, or a set instant once a test has set one.
class Clock {
 public:
  /// `settable`: whether set() is allowed (the --test-clock flag).
  explicit Clock(bool settable = false) : settable_(settable) {}

  /// Now, in whole UTC seconds.
  UtcSeconds now() const;

  /// True when tests may set the clock.
  bool settable() const { return settable_; }

  /// Freezes the clock at `instant`; ignored unless settable.
  void set(UtcSeconds instant);

 private:
  static constexpr std::int64_t kSystemTime = INT64_MIN;  // no instant set
  bool settable_;
  std::atomic<std::int64_t> fixed_{kSystemTime};
};

}  // namespace gongyou::server
