// server/store/sqlite/sqlite_connection.cpp — see sqlite_connection.h.
#include "server/store/sqlite/sqlite_connection.h"

#include "server/store/store_error.h"

namespace gongyou::server::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

/// Failures of the storage under SQLite, not of the statement: a full disk (SQLITE_FULL), a file or file system
/// turned read-only, an I/O error, a file that cannot be opened (the WAL on a full disk), a lock held too long,
/// no memory. Nothing was written; the same request may succeed once the cause is gone (issue 20.4).
bool storage_failure(int extended_code) {
  switch (extended_code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_NOMEM:
      return true;
    default:
      return false;
  }
}

/// Throws StoreUnavailable for a storage failure (the HTTP layer answers 503 unavailable), SqliteError otherwise.
[[noreturn]] void throw_error(int extended_code, const std::string& message) {
  if (storage_failure(extended_code)) throw StoreUnavailable("sqlite: " + message);
  throw SqliteError(message);
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw_error(db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM,
              std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK) fail(db, what);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  check(db_,
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
        "prepare");
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, std::int64_t value) { check(db_, sqlite3_bind_int64(stmt_, index, value), "bind"); }

void Statement::bind(int index, double value) { check(db_, sqlite3_bind_double(stmt_, index, value), "bind"); }

void Statement::bind(int index, std::string_view text) {
  check(db_, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
}

void Statement::bind_blob(int index, std::string_view bytes) {
  check(db_, sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
}

void Statement::bind_null(int index) { check(db_, sqlite3_bind_null(stmt_, index), "bind"); }

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "step");
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))) : std::string();
}

std::string Statement::column_blob(int index) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))) : std::string();
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

Connection::Connection(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw SqliteError("cannot open database '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  check(db_, sqlite3_busy_timeout(db_, kBusyTimeoutMs), "busy_timeout");
  exec("PRAGMA foreign_keys = ON");
  exec("PRAGMA synchronous = NORMAL");
}

Connection::~Connection() {
  statements_.clear();  // every statement must be finalized before the close
  sqlite3_close(db_);
}

void Connection::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw_error(sqlite3_extended_errcode(db_), text);
  }
}

sql::StatementUse Connection::cached(std::string_view sql) {
  auto [it, inserted] = statements_.try_emplace(std::string(sql));
  if (inserted) {
    try {
      it->second = std::make_unique<Statement>(db_, sql);
    } catch (...) {
      statements_.erase(it);
      throw;
    }
  }
  return sql::StatementUse(*it->second);
}

std::int64_t Connection::pragma_int(const char* pragma) {
  Statement statement(db_, std::string("PRAGMA ") + pragma);
  return statement.step() ? statement.column_int(0) : 0;
}

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.exec("ROLLBACK");
    } catch (const std::exception&) {
      // The transaction is already gone (SQLite rolls back on some errors by itself), or the disk failed: SQLite
      // rolls back from its journal when the connection is next used.
    }
  }
}

void Transaction::commit() {
  connection_.exec("COMMIT");
  done_ = true;
}

ConnectionPool::ConnectionPool(const std::string& path, std::size_t size, bool read_only) {
  for (std::size_t i = 0; i < size; ++i) {
    connections_.push_back(std::make_unique<Connection>(path));
    if (read_only) connections_.back()->exec("PRAGMA query_only = ON");
    free_.push_back(connections_.back().get());
  }
}

Connection& ConnectionPool::take() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !free_.empty(); });
  Connection* connection = free_.back();
  free_.pop_back();
  return *connection;
}

void ConnectionPool::give_back(Connection* connection) noexcept {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(connection);
  }
  returned_.notify_one();
}

}  // namespace gongyou::server::sqlite
