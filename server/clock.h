// server/clock.h — the server's one notion of "now". Every handler and background task asks this clock;
// with --test-clock START it stands still at START from the first instant of the process (before the demo
// is seeded or any slot is made), and tests may move it (POST /api/v1/test/clock), so that no test depends
// on the real date and time-window tests (no-shows, cancel notice, pass validity) are exact.
#pragma once
#include <atomic>
#include <cstdint>

#include "core/civil_time.h"

namespace gongyou::server {

/// The current instant: the system's UTC time, or a set instant once a test has set one.
class Clock {
 public:
  /// The system's clock; set() is ignored.
  Clock() = default;

  /// A test clock standing still at `start` until set() moves it (the --test-clock flag).
  static Clock fixed_at(UtcSeconds start) { return Clock(start); }

  /// Now, in whole UTC seconds.
  UtcSeconds now() const;

  /// True when tests may set the clock.
  bool settable() const { return settable_; }

  /// Moves a test clock to `instant`, where it stands still; ignored unless settable.
  void set(UtcSeconds instant);

 private:
  static constexpr std::int64_t kSystemTime = INT64_MIN;  // no instant set
  explicit Clock(UtcSeconds start) : settable_(true), fixed_(start.value) {}

  bool settable_ = false;
  std::atomic<std::int64_t> fixed_{kSystemTime};
};

}  // namespace gongyou::server
