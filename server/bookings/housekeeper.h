// server/bookings/housekeeper.h — the server's periodic work on one background thread: every minute it
// releases no-shows and purges expired sessions, idempotency records (24 h) and login failures; it refreshes
// the slots when the Asia/Shanghai date changes and every 10 minutes, so that a server left running keeps
// the next 14 days of slots ahead. POST /api/v1/test/clock runs the same round at once after moving a test
// clock, which is how the API tests drive days of running in seconds (tests/api/slot_horizon.test.mjs).
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server/bookings/slot_keeper.h"
#include "server/clock.h"
#include "server/store/store.h"

namespace gongyou::server {

/// How long idempotency records are replayed.
inline constexpr std::int64_t kIdempotencyTtlSeconds = 24 * 3600;
/// The window in which wrong passwords are counted.
inline constexpr std::int64_t kLoginFailureWindowSeconds = 15 * 60;

/// Runs the periodic tasks until destroyed.
class Housekeeper {
 public:
  /// Starts the thread; everything must outlive the housekeeper.
  Housekeeper(Store& store, const Clock& clock, SlotKeeper& keeper);
  Housekeeper(const Housekeeper&) = delete;
  /// Stops and joins the thread.
  ~Housekeeper();

  /// One round at the clock's current time: what the thread runs every minute. Rounds never overlap.
  void run_round();

 private:
  void run();

  Store& store_;
  const Clock& clock_;
  SlotKeeper& keeper_;
  std::mutex round_;                // held for a whole round, guards the two members below
  LocalDate refreshed_for_;         // the Asia/Shanghai date of the last slot refresh
  int rounds_since_refresh_ = 0;
  std::mutex mutex_;                // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace gongyou::server
