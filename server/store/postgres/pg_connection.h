// server/store/postgres/pg_connection.h — thin RAII over libpq, shaped like store/sqlite/sqlite_connection.h so
// that both implement the store's SQL interface (store/sql/connection.h): a connection with a cache of server-side
// prepared statements (PQprepare once per connection, PQexecPrepared after), statements with typed binding, and a pool
// that lends connections and runs write transactions (SERIALIZABLE, retried on serialization failure). Only bound
// parameters carry values into SQL; nothing here builds SQL from data.
#pragma once
#include <libpq-fe.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/store/sql/connection.h"

namespace gongyou::server::postgres {

/// A failed libpq call, with PostgreSQL's message and SQLSTATE ("" when there is none).
class PgError : public sql::Error {
 public:
  /// The message and the five-character SQLSTATE.
  PgError(const std::string& message, std::string sqlstate = "")
      : sql::Error(message), sqlstate_(std::move(sqlstate)) {}
  /// The SQLSTATE, e.g. "40001" for a serialization failure.
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

class Connection;

/// A prepared statement of one connection. Parameters are numbered from 1, columns from 0. Values travel as
/// text (bytes as binary), and PostgreSQL infers each parameter's type from the SQL.
class Statement final : public sql::Statement {
 public:
  Statement(Connection& connection, std::string name, int parameters)
      : connection_(connection), name_(std::move(name)), values_(static_cast<std::size_t>(parameters)) {}

  using sql::Statement::bind;
  /// Binds a value to parameter `index` (bind_null: SQL NULL, bind_blob: bytes for a bytea).
  void bind(int index, std::int64_t value) override;
  void bind(int index, double value) override;
  void bind(int index, std::string_view text) override;
  void bind_blob(int index, std::string_view bytes) override;
  void bind_null(int index) override;

  /// Runs the statement on the first call, then advances to the next row; false when done.
  bool step() override;

  /// Drops the result and the bindings.
  void reset() noexcept override;

  std::int64_t column_int(int index) const override;  ///< integer (or boolean) column of the current row
  double column_double(int index) const override;     ///< real column of the current row
  std::string column_text(int index) const override;  ///< text column of the current row ("" for NULL)
  std::string column_blob(int index) const override;  ///< bytea column of the current row as bytes
  bool column_is_null(int index) const override;      ///< true when the column of the current row is NULL

 private:
  /// One parameter's value (nothing = NULL) and whether it is binary.
  struct Value {
    std::optional<std::string> text;
    bool binary = false;
  };
  Value& slot(int index);

  Connection& connection_;
  std::string name_;
  std::vector<Value> values_;
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_{nullptr, PQclear};
  int row_ = -1;
};

/// One connection to the server, used by one thread at a time.
class Connection final : public sql::Connection {
 public:
  /// Connects with `conninfo` (a postgresql:// URL or key=value text); settings such as statement_timeout
  /// travel in the startup packet, so a reconnect keeps them. Throws PgError when it cannot connect.
  Connection(const std::string& conninfo, int statement_timeout_ms);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() override;

  /// Runs SQL text with no parameters (schema, transaction control); may hold several statements.
  void exec(const char* sql);

  /// The prepared form of a fixed SQL text (?N or $N placeholders), prepared once per connection and reused.
  sql::StatementUse cached(std::string_view sql) override;

  /// Rows changed by the last INSERT, UPDATE or DELETE run through cached().
  std::int64_t changes() const override { return changes_; }

  /// PostgreSQL's SQL fragments.
  const sql::Dialect& dialect() const override { return sql::Dialect::postgres(); }

  /// False when the link to the server is lost.
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  /// Reconnects after a lost link (prepared statements are made again); false when the server is unreachable.
  bool reconnect();

  /// Checks a finished command's result: throws PgError unless it succeeded. Used by Statement.
  void check(PGresult* result, std::string_view what);

  /// The raw libpq connection, for Statement.
  PGconn* raw() const { return conn_; }

  /// Records a command's changed-row count, for Statement.
  void set_changes(std::int64_t changes) { changes_ = changes; }

  /// Counts one more round trip to the server (a statement, a prepare, a BEGIN or COMMIT).
  void count_round_trip() { round_trips_.fetch_add(1, std::memory_order_relaxed); }
  /// Round trips since the connection opened (readable from any thread).
  std::uint64_t round_trips() const { return round_trips_.load(std::memory_order_relaxed); }

 private:
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::int64_t changes_ = 0;
  int prepared_ = 0;  // statements prepared on this session, for their names
  std::atomic<std::uint64_t> round_trips_{0};
};

/// `sql` with SQLite-style ?N placeholders written as PostgreSQL's $N.
std::string dollar_placeholders(std::string_view sql);

}  // namespace gongyou::server::postgres
