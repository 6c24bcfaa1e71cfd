// server/store/sqlite/writer.h — the one connection that writes, lent to one thread at a time, with a
// BEGIN IMMEDIATE ... COMMIT around each use. SQLite allows one writer per database anyway; taking the
// mutex here makes writers queue in the process instead of spinning on SQLITE_BUSY.
#pragma once
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>

#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sqlite {

/// The writer connection and the lock around it.
class Writer {
 public:
  /// Takes the (already configured and migrated) writer connection.
  explicit Writer(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}

  /// Runs `work(connection)` inside one write transaction and commits it; rolls back when `work` throws.
  /// Called again by the same thread from inside `work`, it joins the open transaction (no nesting).
  template <class Work>
  std::invoke_result_t<Work&, Connection&> transact(Work&& work) {
    using Result = std::invoke_result_t<Work&, Connection&>;
    if (active_ == this) return work(*connection_);
    std::lock_guard lock(mutex_);
    const ActiveMark mark(this);
    Transaction transaction(*connection_);
    if constexpr (std::is_void_v<Result>) {
      work(*connection_);
      transaction.commit();
    } else {
      Result result = work(*connection_);
      transaction.commit();
      return result;
    }
  }

 private:
  /// Marks this thread as inside a transaction of `writer` for as long as it lives.
  class ActiveMark {
   public:
    explicit ActiveMark(const Writer* writer) { active_ = writer; }
    ActiveMark(const ActiveMark&) = delete;
    ~ActiveMark() { active_ = nullptr; }
  };

  static inline thread_local const Writer* active_ = nullptr;  // the writer whose transaction this thread is in, if any
  std::mutex mutex_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace gongyou::server::sqlite
