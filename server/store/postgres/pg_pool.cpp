// server/store/postgres/pg_pool.cpp — see pg_pool.h.
#include "server/store/postgres/pg_pool.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "server/store/store_error.h"

namespace gongyou::server::postgres {
namespace {

constexpr int kMaxAttempts = 30;
constexpr auto kBorrowWait = std::chrono::seconds(10);
constexpr auto kReconnectPause = std::chrono::milliseconds(250);

/// Serialization failure or deadlock: the transaction may succeed when run again.
bool retryable(const PgError& error) { return error.sqlstate() == "40001" || error.sqlstate() == "40P01"; }

/// A random pause that grows with the attempt, so that transactions that collided do not collide again.
void pause_before_retry(int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int ceiling_us = 200 * (1 << std::min(attempt, 6));
  std::this_thread::sleep_for(std::chrono::microseconds(random() % static_cast<unsigned>(ceiling_us)));
}

/// Ends a failed transaction; a broken link has already ended it.
void roll_back(Connection& connection) noexcept {
  try {
    if (connection.healthy()) connection.exec("ROLLBACK");
  } catch (...) {
    // The next use of the connection finds the broken link and reconnects.
  }
}

/// Starts a transaction. A link that broke unnoticed fails at BEGIN, before anything of the transaction was
/// sent: then one reconnect and a second BEGIN, instead of a 503 for a request that can still be served.
void begin_on(Connection& connection, const char* begin) {
  try {
    connection.exec(begin);
  } catch (const StoreUnavailable&) {
    if (connection.healthy() || !connection.reconnect()) throw;
    connection.exec(begin);
  }
}

}  // namespace

Pool::Pool(std::string conninfo, std::size_t size, int statement_timeout_ms)
    : conninfo_(std::move(conninfo)), statement_timeout_ms_(statement_timeout_ms) {
  for (std::size_t i = 0; i < size; ++i) {
    connections_.push_back(std::make_unique<Connection>(conninfo_, statement_timeout_ms_));
    free_.push_back(connections_.back().get());
  }
}

Connection* Pool::take() {
  Connection* connection = nullptr;
  {
    std::unique_lock lock(mutex_);
    loans_.fetch_add(1, std::memory_order_relaxed);
    if (free_.empty()) {
      const auto waiting_since = std::chrono::steady_clock::now();
      const bool lent = returned_.wait_for(lock, kBorrowWait, [this] { return !free_.empty(); });
      waited_loans_.fetch_add(1, std::memory_order_relaxed);
      wait_ns_.fetch_add(static_cast<std::uint64_t>(std::chrono::nanoseconds(std::chrono::steady_clock::now() - waiting_since).count()),
                         std::memory_order_relaxed);
      if (!lent)
        throw StoreUnavailable("no database connection free for " + std::to_string(kBorrowWait.count()) + " s");
    }
    connection = free_.back();
    free_.pop_back();
  }
  // Reads what the server sent while the connection was idle: a shutdown sends a FATAL message and closes, so
  // the first read takes the message and the second finds the end of the stream and marks the link broken.
  for (int reads = 0; reads < 2 && connection->healthy(); ++reads) PQconsumeInput(connection->raw());
  if (connection->healthy()) return connection;
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  if (now < no_reconnect_until_.load()) {
    give_back(connection);
    throw StoreUnavailable("database unreachable (a reconnect failed less than 250 ms ago)");
  }
  if (!connection->reconnect()) {
    no_reconnect_until_.store(now + std::chrono::steady_clock::duration(kReconnectPause).count());
    const std::string message = PQerrorMessage(connection->raw());
    give_back(connection);
    throw StoreUnavailable("database unreachable: " + message);
  }
  return connection;
}

void Pool::give_back(Connection* connection) noexcept {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(connection);
  }
  returned_.notify_one();
}

std::string Pool::counts() const {
  std::uint64_t round_trips = 0;
  for (const auto& connection : connections_) round_trips += connection->round_trips();
  const std::uint64_t committed = committed_.load();
  char line[240];
  std::snprintf(line, sizeof line,
                "%llu transactions, %llu retried, %llu of %llu connection loans waited (%.0f ms in all), "
                "%llu round trips (%.1f per transaction, reads included)",
                static_cast<unsigned long long>(committed), static_cast<unsigned long long>(retried_.load()),
                static_cast<unsigned long long>(waited_loans_.load()), static_cast<unsigned long long>(loans_.load()),
                static_cast<double>(wait_ns_.load()) / 1e6, static_cast<unsigned long long>(round_trips),
                committed ? static_cast<double>(round_trips) / static_cast<double>(committed) : 0.0);
  return line;
}

void Pool::run_transaction(const std::function<void(Connection&)>& work, const char* begin) {
  for (int attempt = 1;; ++attempt) {
    Lease lease(this, take());
    Connection& connection = *lease;
    try {
      begin_on(connection, begin);
      active_ = &connection;
      work(connection);
      active_ = nullptr;
      connection.exec("COMMIT");
      committed_.fetch_add(1, std::memory_order_relaxed);
      return;
    } catch (const PgError& error) {
      active_ = nullptr;
      roll_back(connection);
      if (!retryable(error) || attempt == kMaxAttempts) throw;
      retried_.fetch_add(1, std::memory_order_relaxed);
    } catch (...) {
      active_ = nullptr;
      roll_back(connection);
      throw;
    }
    pause_before_retry(attempt);
  }
}

}  // namespace gongyou::server::postgres
