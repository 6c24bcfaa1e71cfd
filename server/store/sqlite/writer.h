// server/store/sqlite/writer.h — the one connection that writes, on its own thread, with group commit.
//
// SQLite allows one writer per database, and with synchronous=FULL every COMMIT waits for an fsync of the WAL
// (0.4 to 4 ms on this project's machine, depending on what else uses its disk), which would cap the server at
// one write request per fsync however many clients wait. So the write transactions of all request threads go
// into one queue, and one writer thread takes everything queued, runs it one transaction after another, each
// in its own SAVEPOINT, inside one BEGIN IMMEDIATE ... COMMIT, and answers every caller of that batch once the
// COMMIT (one fsync for the whole batch) has returned. While it runs a batch, the next one queues up, so the
// batches grow with the load and the thread never waits for a request thread to take a turn.
//
// - A caller returns only after the batch of its write is durable; no caller sees its write fail after that.
// - A write that throws is rolled back to its savepoint alone: its neighbours in the batch commit.
// - A write whose failure ends the whole SQLite transaction (SQLite rolls back by itself on a full disk, an I/O
//   error, out of memory) fails alone too: the writes of the batch that had succeeded are run again, from the
//   start, in a new transaction (SqlStore's run_write allows that: a write may be run again).
// - When BEGIN or COMMIT fails, nothing of the batch is durable and every write of it fails.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sqlite {

/// The writer connection, its thread and the group commit around it.
class Writer {
 public:
  /// Takes the (already configured and migrated) writer connection and starts the writer thread.
  explicit Writer(std::unique_ptr<Connection> connection);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  /// Runs what is queued, then stops the thread.
  ~Writer();

  /// Runs `work(connection)` on the writer thread inside a write transaction and returns once it is committed
  /// and durable; rolls back its writes and rethrows when `work` throws. `work` may be run more than once (see
  /// above); only the last run's result counts. Called from inside `work`, it joins the open transaction.
  template <class Work>
  std::invoke_result_t<Work&, Connection&> transact(Work&& work) {
    using Result = std::invoke_result_t<Work&, Connection&>;
    if (active_ == this) return work(*connection_);
    if constexpr (std::is_void_v<Result>) {
      run_queued([&](Connection& connection) { work(connection); });
    } else {
      std::optional<Result> result;
      run_queued([&](Connection& connection) { result.emplace(work(connection)); });
      return std::move(*result);
    }
  }

  /// The writer connection, for hooks set up before the first write (never to run SQL on: the writer thread
  /// owns it).
  Connection& connection() { return *connection_; }

  /// Counts since the start, for the benchmarks (read while writes run: each value is itself consistent).
  struct Counts {
    std::uint64_t writes = 0;   ///< write transactions answered
    std::uint64_t batches = 0;  ///< SQLite transactions committed (or failed) for them
    std::uint64_t reruns = 0;   ///< writes run again because a neighbour's failure ended their transaction
  };
  /// The counts so far.
  Counts counts() const;
  /// Writes waiting for the next batch (for tests).
  std::size_t queued() const;

 private:
  /// One caller's write, waiting to be run and committed.
  struct Job {
    const std::function<void(Connection&)>* work;
    std::exception_ptr error;
    std::binary_semaphore answered{0};  // released by the writer thread when the batch is durable (or failed)
  };

  /// Marks the writer thread as running this writer's transactions.
  static inline thread_local const Writer* active_ = nullptr;

  void run_queued(const std::function<void(Connection&)>& work);
  void loop();
  void run_batch(std::vector<Job*> batch);
  /// Runs the jobs inside one transaction; returns the jobs to run again when a job's failure ended the
  /// transaction (the failed job has its error), else an empty list after the COMMIT.
  std::vector<Job*> try_batch(const std::vector<Job*>& batch);

  std::unique_ptr<Connection> connection_;
  mutable std::mutex mutex_;
  std::condition_variable queued_;
  std::vector<Job*> queue_;  // waiting for the next batch
  bool stopping_ = false;
  Counts counts_;
  std::thread thread_;  // started last, stopped first
};

}  // namespace gongyou::server::sqlite
