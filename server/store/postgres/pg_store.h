// server/store/postgres/pg_store.h — the Store on a PostgreSQL database (--db postgresql://...): SqlStore's
// domain logic (store/sql/sql_store.h) with PostgreSQL's connections.
//
// Connection model: a pool of connections (pg_pool.h) shared by reads and writes; each WriteMode::serial write
// is one SERIALIZABLE transaction, retried when PostgreSQL reports a serialization failure, so the store code
// keeps the read-decide-write steps it has on SQLite's single writer, and several server instances may share
// one database. WriteMode::locking writes (booking, cancelling) run READ COMMITTED and lock their rows first.
// Every statement is prepared once per connection and limited by statement_timeout.
#pragma once
#include <string>

#include "server/store/postgres/pg_pool.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::postgres {

/// Store over PostgreSQL; opening migrates the database to the newest schema.
class PostgresStore final : public sql::SqlStore {
 public:
  /// Connects to `conninfo` (a postgresql:// URL) with `connections` pooled connections, each statement
  /// limited to `statement_timeout_ms`.
  PostgresStore(const std::string& conninfo, std::size_t connections, int statement_timeout_ms);

  /// The pool's counters (Pool::counts()).
  std::string write_counts() const override { return pool_.counts(); }

 protected:
  /// A pooled connection, or this thread's open transaction.
  sql::Connection& lend() override;
  /// Returns a connection from lend() to the pool.
  void give_back(sql::Connection& connection) noexcept override;
  /// Runs `work` in a SERIALIZABLE (serial) or READ COMMITTED (locking) transaction, retried on conflicts.
  void run_write(WriteMode mode, const std::function<void(sql::Connection&)>& work) override;

 private:
  Pool pool_;
};

}  // namespace gongyou::server::postgres
