// server/bookings/housekeeper.cpp — see housekeeper.h.
#include "server/bookings/housekeeper.h"

#include <exception>
#include <iostream>

namespace gongyou::server {
namespace {

constexpr auto kMinute = std::chrono::seconds(60);
constexpr int kRoundsBetweenSlotRefreshes = 10;

}  // namespace

Housekeeper::Housekeeper(Store& store, const Clock& clock, SlotKeeper& keeper)
    : store_(store),
      clock_(clock),
      keeper_(keeper),
      refreshed_for_(shanghai_date(clock.now())),  // main() refreshed the slots at start
      thread_([this] { run(); }) {}

Housekeeper::~Housekeeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Housekeeper::run_round() {
  std::lock_guard round(round_);
  const UtcSeconds now = clock_.now();
  store_.release_no_shows(now);
  store_.finish_expired_attempts(now);  // abandoned quiz attempts are submitted at their deadline
  store_.purge_expired(now, UtcSeconds{now.value - kIdempotencyTtlSeconds},
                       UtcSeconds{now.value - kLoginFailureWindowSeconds});
  const LocalDate today = shanghai_date(now);
  if (today != refreshed_for_ || ++rounds_since_refresh_ >= kRoundsBetweenSlotRefreshes) {
    keeper_.refresh_all();
    refreshed_for_ = today;
    rounds_since_refresh_ = 0;
  }
}

void Housekeeper::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kMinute, [this] { return stopping_; })) {
    lock.unlock();
    try {
      run_round();
    } catch (const std::exception& e) {
      std::cerr << "housekeeping: " << e.what() << std::endl;  // try again next minute
    }
    lock.lock();
  }
}

}  // namespace gongyou::server
