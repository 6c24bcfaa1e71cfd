// server/store/open_store.cpp — see open_store.h.
#include "server/store/open_store.h"

#include "server/store/postgres/pg_store.h"
#include "server/store/sqlite/sqlite_store.h"

namespace gongyou::server {

bool is_postgres_url(const std::string& db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

namespace {

/// SQLite's readers: reads are short and in-process, a few connections serve many requests.
constexpr std::size_t kDefaultSqliteReaders = 8;
/// PostgreSQL's pool: every connection waits for a round trip per statement and for its commit's WAL flush, so
/// the pool must hold as many transactions as the database can group into one flush; with 8, 64 clients spent
/// more time waiting for a connection than in the database (docs/deployment.md, "Where the time goes").
constexpr std::size_t kDefaultPostgresConnections = 32;

}  // namespace

std::unique_ptr<Store> open_store(const StoreOptions& options) {
  if (is_postgres_url(options.db))
    return std::make_unique<postgres::PostgresStore>(
        options.db, options.connections ? options.connections : kDefaultPostgresConnections,
        options.statement_timeout_ms);
  return std::make_unique<sqlite::SqliteStore>(options.db,
                                               options.connections ? options.connections : kDefaultSqliteReaders);
}

}  // namespace gongyou::server
