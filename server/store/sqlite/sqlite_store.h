// server/store/sqlite/sqlite_store.h — the Store on one SQLite file in WAL mode: SqlStore's domain logic
// (store/sql/sql_store.h) with SQLite's connections.
//
// Connection model: one writer connection on its own thread with group commit (writer.h; SQLite allows one
// writer at a time anyway), a checkpoint thread (checkpointer.h) and a pool of read-only connections lent one
// per request. WAL lets the readers run in parallel with
// each other and with the writer, so reads do not queue behind one lock. Every write runs alone on the writer,
// so both write modes are the same here and no row locks are needed.
#pragma once
#include <string>

#include "server/store/sql/sql_store.h"
#include "server/store/sqlite/checkpointer.h"
#include "server/store/sqlite/sqlite_connection.h"
#include "server/store/sqlite/writer.h"

namespace gongyou::server::sqlite {

/// Store over SQLite; opening migrates the file to the newest schema.
class SqliteStore final : public sql::SqlStore {
 public:
  /// Opens or creates the database at `path` with `readers` read connections.
  SqliteStore(const std::string& path, std::size_t readers);

  /// "W writes in B commits (W/B per commit), R run again".
  std::string write_counts() const override;

 protected:
  /// A read-only connection from the pool.
  sql::Connection& lend() override;
  /// Returns a connection to the pool.
  void give_back(sql::Connection& connection) noexcept override;
  /// Runs `work` on the writer, in the next group commit.
  void run_write(WriteMode mode, const std::function<void(sql::Connection&)>& work) override;

 private:
  Writer writer_;  // opened and migrated first
  Checkpointer checkpointer_;
  ConnectionPool readers_;
};

}  // namespace gongyou::server::sqlite
