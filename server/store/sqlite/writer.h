// server/store/sqlite/writer.h — the one connection that writes, with group commit.
//
// SQLite allows one writer per database, and with synchronous=FULL every COMMIT waits for an fsync (~1 ms
// here), which would cap the server at ~1000 write requests per second however many clients wait. So the
// writes of all threads that arrive while a commit is running are collected and run, each in its own
// SAVEPOINT, inside one BEGIN IMMEDIATE ... COMMIT by one of those threads (the leader): one fsync for the
// whole group. A write that fails is rolled back to its savepoint alone; when the COMMIT fails, every write of
// the group fails. No caller returns before its write is durable.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sqlite {

/// The writer connection and the group commit around it.
class Writer {
 public:
  /// Takes the (already configured and migrated) writer connection.
  explicit Writer(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}

  /// Runs `work(connection)` inside a write transaction and returns once it is committed; rolls back its
  /// writes and rethrows when `work` throws. Called again by the same thread from inside `work`, it joins the
  /// open transaction (no nesting).
  template <class Work>
  std::invoke_result_t<Work&, Connection&> transact(Work&& work) {
    using Result = std::invoke_result_t<Work&, Connection&>;
    if (active_ == this) return work(*connection_);
    if constexpr (std::is_void_v<Result>) {
      run_in_group([&](Connection& connection) { work(connection); });
    } else {
      std::optional<Result> result;
      run_in_group([&](Connection& connection) { result.emplace(work(connection)); });
      return std::move(*result);
    }
  }

 private:
  /// One caller's write, waiting to be run and committed.
  struct Job {
    const std::function<void(Connection&)>* work;
    std::exception_ptr error;
    bool done = false;
  };

  /// Marks this thread as running a transaction of `writer` for as long as it lives.
  class ActiveMark {
   public:
    explicit ActiveMark(const Writer* writer) { active_ = writer; }
    ActiveMark(const ActiveMark&) = delete;
    ~ActiveMark() { active_ = nullptr; }
  };

  void run_in_group(const std::function<void(Connection&)>& work);
  void run_batch(const std::vector<Job*>& batch);

  static inline thread_local const Writer* active_ = nullptr;  // the writer whose transaction this thread runs
  std::unique_ptr<Connection> connection_;
  std::mutex mutex_;
  std::condition_variable finished_;
  std::vector<Job*> queue_;  // waiting for the next group
  bool leading_ = false;     // a thread is running a group
};

}  // namespace gongyou::server::sqlite
