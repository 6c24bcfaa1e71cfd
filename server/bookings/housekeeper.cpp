// server/bookings/housekeeper.cpp — see housekeeper.h.
#include "server/bookings/housekeeper.h"

#include <exception>
#include <iostream>

namespace gongyou::server {
namespace {

constexpr auto kMinute = std::chrono::seconds(60);
constexpr int kMinutesBetweenSlotRefreshes = 10;

}  // namespace

Housekeeper::Housekeeper(Store& store, const Clock& clock, SlotKeeper& keeper)
    : store_(store), clock_(clock), keeper_(keeper), thread_([this] { run(); }) {}

Housekeeper::~Housekeeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Housekeeper::run_minute_tasks() {
  const UtcSeconds now = clock_.now();
  store_.release_no_shows(now);
  store_.purge_expired(now, UtcSeconds{now.value - kIdempotencyTtlSeconds},
                       UtcSeconds{now.value - kLoginFailureWindowSeconds});
}

void Housekeeper::run() {
  LocalDate refreshed_for = shanghai_date(clock_.now());
  int minutes_since_refresh = 0;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kMinute, [this] { return stopping_; })) {
    lock.unlock();
    try {
      run_minute_tasks();
      const LocalDate today = shanghai_date(clock_.now());
      if (today != refreshed_for || ++minutes_since_refresh >= kMinutesBetweenSlotRefreshes) {
        keeper_.refresh_all();
        refreshed_for = today;
        minutes_since_refresh = 0;
      }
    } catch (const std::exception& e) {
      std::cerr << "housekeeping: " << e.what() << std::endl;  // try again next minute
    }
    lock.lock();
  }
}

}  // namespace gongyou::server
