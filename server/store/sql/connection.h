// server/store/sql/connection.h — the small SQL connection interface the store's domain logic (SqlStore) is
// written against: statements with typed binding and typed columns, a cache of prepared statements per
// connection, the dialect of its SQL, and the error type of a failed SQL call. sqlite/sqlite_connection.h and
// postgres/pg_connection.h implement it. SQL text uses ?N placeholders (PostgreSQL's wrapper turns them into
// $N); only bound parameters carry values into SQL, nothing here builds SQL from data.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "server/store/sql/dialect.h"

namespace gongyou::server::sql {

/// A failed SQL call or data the store cannot read, with the database's own message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A prepared statement. Parameters are numbered from 1, columns from 0.
class Statement {
 public:
  virtual ~Statement() = default;

  /// Binds an integer to parameter `index`.
  virtual void bind(int index, std::int64_t value) = 0;
  /// Binds an int as an integer.
  void bind(int index, int value) { bind(index, std::int64_t{value}); }
  /// Binds a typed id (core/ids.h) as its integer.
  template <class Tag>
  void bind(int index, Id<Tag> id) { bind(index, id.value); }
  /// Binds a real number to parameter `index`.
  virtual void bind(int index, double value) = 0;
  /// Binds text to parameter `index`.
  virtual void bind(int index, std::string_view text) = 0;
  /// Binds bytes (a BLOB or bytea) to parameter `index`.
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  /// Binds SQL NULL to parameter `index`.
  virtual void bind_null(int index) = 0;

  /// Runs the statement on the first call, then advances to the next row; false when done. Throws on error.
  virtual bool step() = 0;

  /// Makes the statement ready to run again and drops its result and bindings.
  virtual void reset() noexcept = 0;

  virtual std::int64_t column_int(int index) const = 0;  ///< integer (or boolean) column of the current row
  virtual double column_double(int index) const = 0;     ///< real column of the current row
  virtual std::string column_text(int index) const = 0;  ///< text column of the current row ("" for NULL)
  virtual std::string column_blob(int index) const = 0;  ///< blob column of the current row as bytes
  virtual bool column_is_null(int index) const = 0;      ///< true when the column of the current row is NULL
  /// An integer column read as a typed id: column_id<CourseId>(0).
  template <class IdType>
  IdType column_id(int index) const { return IdType{column_int(index)}; }
};

/// A statement borrowed from a connection's cache; reset when the borrow ends.
class StatementUse {
 public:
  explicit StatementUse(Statement& statement) : statement_(statement) {}
  StatementUse(const StatementUse&) = delete;
  ~StatementUse() { statement_.reset(); }
  /// The borrowed statement.
  Statement* operator->() const { return &statement_; }
  /// The borrowed statement.
  Statement& operator*() const { return statement_; }

 private:
  Statement& statement_;
};

/// One open connection, used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;

  /// The prepared form of a fixed SQL text (?N placeholders), prepared once per connection and reused.
  virtual StatementUse cached(std::string_view sql) = 0;

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  virtual std::int64_t changes() const = 0;

  /// The SQL fragments of this connection's database.
  virtual const Dialect& dialect() const = 0;
};

}  // namespace gongyou::server::sql
