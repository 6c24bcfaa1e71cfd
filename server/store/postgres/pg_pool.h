// server/store/postgres/pg_pool.h — a fixed set of PostgreSQL connections shared by the request threads.
//
// Every write runs in one SERIALIZABLE transaction (but see transact_locking()): PostgreSQL then guarantees that the
// outcome is that of some one-at-a-time order, which is exactly what SQLite's single writer gave the store code (read,
// decide, write). Transactions that would break that order fail with SQLSTATE 40001 (or 40P01, a deadlock) and are run
// again from the start here, a bounded number of times with a short random pause; the callers never see it. This holds
// across server instances on the same database, which a lock in this process could not do.
//
// A connection whose link broke (the server restarted) is reconnected when it is next lent; when that fails
// the caller gets StoreUnavailable (HTTP 503) instead of waiting, and for the next 250 ms requests get it
// without even trying to connect, so a database that is down costs a few connection attempts per second.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/store/postgres/pg_connection.h"

namespace gongyou::server::postgres {

/// Connections lent one per request, and the transaction runner.
class Pool {
 public:
  /// Opens `size` connections to `conninfo`; each statement may run `statement_timeout_ms` at most.
  Pool(std::string conninfo, std::size_t size, int statement_timeout_ms);

  /// A connection taken from the pool, given back when destroyed (unless `pool` is null).
  class Lease {
   public:
    Lease(Pool* pool, Connection* connection) : pool_(pool), connection_(connection) {}
    Lease(const Lease&) = delete;
    ~Lease() {
      if (pool_) pool_->give_back(connection_);
    }
    /// The borrowed connection.
    Connection& operator*() const { return *connection_; }

   private:
    Pool* pool_;  // null: nothing to give back
    Connection* connection_;
  };

  /// A connection for reads (each statement sees the data committed when it starts): this thread's open
  /// transaction when it is inside transact(), else a free connection. Return it with give_back_lent().
  Connection& lend() { return active_ ? *active_ : *take(); }

  /// Returns a connection from lend() (nothing to do when it is this thread's open transaction).
  void give_back_lent(Connection& connection) noexcept {
    if (&connection != active_) give_back(&connection);
  }

  /// Runs `work(connection)` in a SERIALIZABLE transaction and returns once it is committed, running it again
  /// on a serialization failure. Called from inside `work`, it joins the open transaction.
  template <class Work>
  std::invoke_result_t<Work&, Connection&> transact(Work&& work) {
    return run<Work>(std::forward<Work>(work), kSerializable);
  }

  /// "T transactions, R retried (serialization failure or deadlock), W of L connection loans waited (M ms in
  /// all), N round trips (N/T per transaction)", since the pool opened.
  std::string counts() const;

  /// Like transact() but READ COMMITTED: for the hot booking paths, which lock the rows they decide on
  /// (SELECT ... FOR UPDATE) before reading them, so that they never fail on a false serialization conflict.
  /// Each statement then sees every transaction committed before it started.
  template <class Work>
  std::invoke_result_t<Work&, Connection&> transact_locking(Work&& work) {
    return run<Work>(std::forward<Work>(work), kReadCommitted);
  }

 private:
  static constexpr const char* kSerializable = "BEGIN ISOLATION LEVEL SERIALIZABLE";
  static constexpr const char* kReadCommitted = "BEGIN ISOLATION LEVEL READ COMMITTED";

  template <class Work>
  std::invoke_result_t<Work&, Connection&> run(Work&& work, const char* begin) {
    using Result = std::invoke_result_t<Work&, Connection&>;
    if (active_) return work(*active_);
    if constexpr (std::is_void_v<Result>) {
      run_transaction([&](Connection& connection) { work(connection); }, begin);
    } else {
      std::optional<Result> result;
      run_transaction([&](Connection& connection) { result.emplace(work(connection)); }, begin);
      return std::move(*result);
    }
  }

  Connection* take();
  void give_back(Connection* connection) noexcept;
  void run_transaction(const std::function<void(Connection&)>& work, const char* begin);

  static inline thread_local Connection* active_ = nullptr;  // the connection of this thread's transaction
  std::string conninfo_;
  int statement_timeout_ms_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> free_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::atomic<std::chrono::steady_clock::rep> no_reconnect_until_{0};  // after a failed reconnect
  // For counts(): transactions committed, attempts run again, loans, loans that waited and their total wait.
  std::atomic<std::uint64_t> committed_{0}, retried_{0}, loans_{0}, waited_loans_{0}, wait_ns_{0};
};

}  // namespace gongyou::server::postgres
