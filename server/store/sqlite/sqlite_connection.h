// server/store/sqlite/sqlite_connection.h — thin RAII over the SQLite C API: a connection with a cache
// of prepared statements, statements with typed binding, transactions, and a pool of connections.
// Statement and Connection implement the store's SQL interface (store/sql/connection.h).
// Only bound parameters carry values into SQL; nothing here builds SQL from data.
#pragma once
#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/store/sql/connection.h"

namespace gongyou::server::sqlite {

/// A failed SQLite call, with SQLite's own message.
class SqliteError : public sql::Error {
 public:
  using sql::Error::Error;
};

/// A prepared statement. Parameters are numbered from 1, columns from 0.
class Statement final : public sql::Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement() override;

  using sql::Statement::bind;
  /// Binds a value to parameter `index` (bind_null: SQL NULL, bind_blob: bytes as a BLOB).
  void bind(int index, std::int64_t value) override;
  void bind(int index, double value) override;
  void bind(int index, std::string_view text) override;
  void bind_blob(int index, std::string_view bytes) override;
  void bind_null(int index) override;

  /// Advances to the next row; false when done. Throws on error (e.g. a CHECK constraint).
  bool step() override;

  /// Makes the statement ready to run again and drops its bindings (ends its read transaction).
  void reset() noexcept override;

  std::int64_t column_int(int index) const override;  ///< integer column of the current row
  double column_double(int index) const override;     ///< real column of the current row
  std::string column_text(int index) const override;  ///< text column of the current row ("" for NULL)
  std::string column_blob(int index) const override;  ///< blob column of the current row as bytes
  bool column_is_null(int index) const override;      ///< true when the column of the current row is NULL

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// One open database connection, used by one thread at a time.
class Connection final : public sql::Connection {
 public:
  /// Opens (creating if needed) the file and applies the per-connection settings:
  /// foreign keys on, busy timeout, synchronous=NORMAL (safe with WAL).
  explicit Connection(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() override;

  /// Runs SQL text with no parameters (schema, pragmas, transaction control).
  void exec(const char* sql);

  /// The prepared form of a fixed SQL text, prepared once per connection and reused.
  sql::StatementUse cached(std::string_view sql) override;

  /// The value of an integer pragma such as user_version.
  std::int64_t pragma_int(const char* pragma);

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const override { return sqlite3_changes64(db_); }

  /// SQLite's SQL fragments.
  const sql::Dialect& dialect() const override { return sql::Dialect::sqlite(); }

  /// True inside BEGIN ... COMMIT (false after SQLite rolled a transaction back by itself).
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  /// The SQLite handle, for what this wrapper does not cover (hooks, checkpoints).
  sqlite3* raw() const { return db_; }

  /// The rowid of the last INSERT.
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (e.g. by an exception).
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  Transaction(const Transaction&) = delete;
  ~Transaction();
  /// Makes the changes durable.
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

/// A fixed set of connections to one file, lent to one thread at a time (take, then give_back).
class ConnectionPool {
 public:
  /// Opens `size` connections; `read_only` ones refuse writes (PRAGMA query_only).
  ConnectionPool(const std::string& path, std::size_t size, bool read_only);

  /// Waits for a free connection and takes it; give it back with give_back().
  Connection& take();

  /// Returns a connection from take().
  void give_back(Connection* connection) noexcept;

 private:
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> free_;
  std::mutex mutex_;
  std::condition_variable returned_;
};

}  // namespace gongyou::server::sqlite
