// server/store/sqlite/checkpointer.h — copies the WAL back into the database file on a thread of its own.
//
// By default SQLite checkpoints inside the COMMIT that takes the WAL past 1000 pages: the writer thread then
// copies those pages and waits for two more fsyncs (WAL and database file) before it can answer its batch, and
// every write queued behind it waits too. Here the writer connection's WAL hook only notes the WAL's size, and
// this thread runs a PASSIVE checkpoint on its own connection, which never blocks the writer or the readers.
// Durability does not depend on it: a committed transaction is in the synced WAL whether copied back or not.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sqlite {

/// The checkpoint thread of one database file.
class Checkpointer {
 public:
  /// Starts the thread on its own connection to `path` and takes over the checkpoints of `writer`.
  Checkpointer(const std::string& path, Connection& writer);
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;
  /// Gives the checkpoints back to `writer` and stops the thread.
  ~Checkpointer();

 private:
  static int on_commit(void* self, sqlite3* db, const char* name, int wal_pages);
  void loop();

  Connection& writer_;
  Connection connection_;
  std::mutex mutex_;
  std::condition_variable due_;
  bool pending_ = false, stopping_ = false;
  std::thread thread_;  // started last
};

}  // namespace gongyou::server::sqlite
